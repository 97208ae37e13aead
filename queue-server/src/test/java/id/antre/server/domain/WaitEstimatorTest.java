package id.antre.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WaitEstimatorTest {
  private static final double CONFIGURED = 8;

  @Test
  void theWaitIsPeopleAheadTimesTheRecentMeanDividedByOpenCounters() {
    double perPerson = WaitEstimator.minutesPerPersonAhead(10, 20, CONFIGURED, 2);

    assertThat(perPerson).isEqualTo(5.0);
    assertThat(WaitEstimator.estimateMinutes(6, perPerson)).isEqualTo(30);
  }

  @Test
  void threeRecentSamplesAreEnoughToTrustTheRecentMean() {
    assertThat(WaitEstimator.minutesPerPersonAhead(12, 3, CONFIGURED, 1)).isEqualTo(12.0);
  }

  @ParameterizedTest(name = "{0} samples fall back to the configured mean")
  @ValueSource(ints = {0, 1, 2})
  void withFewerThanThreeRecentSamplesTheConfiguredMeanStandsIn(int samples) {
    assertThat(WaitEstimator.minutesPerPersonAhead(30, samples, CONFIGURED, 1)).isEqualTo(CONFIGURED);
  }

  @ParameterizedTest(name = "a recent mean of {0} minutes is noise")
  @ValueSource(doubles = {0, 0.1, 0.49, 120.01, 600, -3, Double.NaN, Double.POSITIVE_INFINITY})
  void anAbsurdRecentMeanIsIgnoredInFavourOfTheConfiguredMean(double recentMean) {
    assertThat(WaitEstimator.minutesPerPersonAhead(recentMean, 50, CONFIGURED, 2)).isEqualTo(CONFIGURED / 2);
  }

  @ParameterizedTest(name = "a recent mean of {0} minutes is believed")
  @ValueSource(doubles = {0.5, 1, 119.99, 120})
  void recentMeansAtTheEdgesOfTheSensibleRangeAreBelieved(double recentMean) {
    assertThat(WaitEstimator.minutesPerPersonAhead(recentMean, 50, CONFIGURED, 1)).isEqualTo(recentMean);
  }

  @ParameterizedTest(name = "{0} open counters behave as one")
  @ValueSource(ints = {0, -1})
  void withNoOpenCounterTheEstimateAssumesOneWillOpen(int openCounters) {
    assertThat(WaitEstimator.minutesPerPersonAhead(10, 5, CONFIGURED, openCounters)).isEqualTo(10.0);
  }

  @ParameterizedTest(name = "{0} ahead")
  @ValueSource(ints = {0, -1})
  void nobodyAheadMeansNoWait(int ahead) {
    assertThat(WaitEstimator.estimateMinutes(ahead, 12.5)).isZero();
  }

  @ParameterizedTest(name = "{0} ahead at {1} min each is {2} min")
  @CsvSource(textBlock = """
      1, 0.1,  1
      1, 2.5,  3
      3, 2.5,  8
      4, 2.5, 10
      2, 4.0,  8
      7, 1.25, 9
      """)
  void partialMinutesAreRoundedUp(int ahead, double perPerson, int expected) {
    assertThat(WaitEstimator.estimateMinutes(ahead, perPerson)).isEqualTo(expected);
  }

  @Test
  void theConfiguredMeanIsAlsoSharedAmongOpenCounters() {
    assertThat(WaitEstimator.minutesPerPersonAhead(0, 0, CONFIGURED, 3)).isCloseTo(8.0 / 3, within(1e-12));
  }

  @ParameterizedTest(name = "{0} ahead, mean {1} min, {2} counters is exactly {3} min")
  @CsvSource(textBlock = """
      25, 11, 5, 55
      27,  7, 3, 63
      21,  9, 7, 27
      """)
  void anExactWholeNumberOfMinutesIsNotRoundedUpAMinuteMore(int ahead, double mean, int counters, int expected) {
    double perPerson = WaitEstimator.minutesPerPersonAhead(mean, 10, CONFIGURED, counters);

    assertThat(WaitEstimator.estimateMinutes(ahead, perPerson)).isEqualTo(expected);
  }
}
