package id.antre.server.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkmTest {

  /**
   * 247 respondents, as at MPP Pemalang (IKM 88.18, B). Answers per element, as counts of
   * 1 / 2 / 3 / 4 (each row adds up to 247), the element's sum, and its NRR = sum / 247:
   *
   * <pre>
   *  U1 Persyaratan        2 / 10 /  95 / 140   2 +  20 + 285 + 560 = 867   3.510
   *  U2 Prosedur           1 / 12 /  90 / 144   1 +  24 + 270 + 576 = 871   3.526
   *  U3 Waktu              2 / 12 /  95 / 138   2 +  24 + 285 + 552 = 863   3.494
   *  U4 Biaya              0 /  3 /  60 / 184   0 +   6 + 180 + 736 = 922   3.733
   *  U5 Produk             2 / 15 / 102 / 128   2 +  30 + 306 + 512 = 850   3.441
   *  U6 Kompetensi         1 /  8 /  92 / 146   1 +  16 + 276 + 584 = 877   3.551
   *  U7 Perilaku           0 /  5 /  70 / 172   0 +  10 + 210 + 688 = 908   3.676
   *  U8 Pengaduan          3 / 18 / 110 / 116   3 +  36 + 330 + 464 = 833   3.372
   *  U9 Sarana             3 / 14 / 101 / 129   3 +  28 + 303 + 516 = 850   3.441
   *                                                             total 7,841
   * </pre>
   *
   * Weighted NRR = sum of NRR x 1/9 = 7,841 / (9 x 247) = 7,841 / 2,223 = 3.52721...; IKM = 25 x
   * 3.52721... = 196,025 / 2,223 = 88.1804... -> 88.18, which lies in 76.61-88.30: B, "Baik".
   */
  @Test
  void aWorkedExampleOf247RespondentsGivesTheHandComputedIndexAndGradeB() {
    long[] sums = {867, 871, 863, 922, 850, 877, 908, 833, 850};
    Ikm.Result r = Ikm.of(sums, 247);
    assertThat(r.respondents()).isEqualTo(247);
    assertThat(r.nrr()).extracting(BigDecimal::toPlainString)
        .containsExactly("3.510", "3.526", "3.494", "3.733", "3.441", "3.551", "3.676", "3.372", "3.441");
    assertThat(r.weighted()).isEqualByComparingTo("3.527");
    assertThat(r.ikm()).isEqualByComparingTo("88.18");
    assertThat(r.grade()).isEqualTo(Ikm.Grade.B);
    assertThat(r.grade().label).isEqualTo("Baik");
  }

  @Test
  void everyoneAnsweringFourIsOneHundredAndEveryoneAnsweringOneIsTwentyFive() {
    long[] fours = new long[9];
    long[] ones = new long[9];
    java.util.Arrays.fill(fours, 40);
    java.util.Arrays.fill(ones, 10);
    assertThat(Ikm.of(fours, 10).ikm()).isEqualByComparingTo("100.00");
    assertThat(Ikm.of(fours, 10).grade()).isEqualTo(Ikm.Grade.A);
    assertThat(Ikm.of(ones, 10).ikm()).isEqualByComparingTo("25.00");
    assertThat(Ikm.of(ones, 10).grade()).isEqualTo(Ikm.Grade.D);
  }

  @Test
  void theGradeChangesExactlyAtTheRegulationsBoundaries() {
    assertThat(Ikm.grade(new BigDecimal("64.99"))).isEqualTo(Ikm.Grade.D);
    assertThat(Ikm.grade(new BigDecimal("65.00"))).isEqualTo(Ikm.Grade.C);
    assertThat(Ikm.grade(new BigDecimal("76.60"))).isEqualTo(Ikm.Grade.C);
    assertThat(Ikm.grade(new BigDecimal("76.61"))).isEqualTo(Ikm.Grade.B);
    assertThat(Ikm.grade(new BigDecimal("88.30"))).isEqualTo(Ikm.Grade.B);
    assertThat(Ikm.grade(new BigDecimal("88.31"))).isEqualTo(Ikm.Grade.A);
    assertThat(Ikm.grade(new BigDecimal("100.00"))).isEqualTo(Ikm.Grade.A);
    assertThat(Ikm.grade(new BigDecimal("25.00"))).isEqualTo(Ikm.Grade.D);
  }

  @Test
  void theLabelsAreTheRegulations() {
    assertThat(List.of(Ikm.Grade.values())).extracting(g -> g.label)
        .containsExactly("Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik");
  }

  @Test
  void anIndexThatRoundsOntoABoundaryIsGradedByItsRoundedValue() {
    // 4 respondents, total 127 of 144: 25 x 127 / 36 = 88.194... -> 88.19, B
    assertThat(Ikm.of(new long[] {15, 14, 14, 14, 14, 14, 14, 14, 14}, 4).ikm()).isEqualByComparingTo("88.19");
    // 1 respondent, 31 of 36 points: 25 x 31 / 9 = 86.111... -> 86.11
    assertThat(Ikm.of(new long[] {4, 4, 4, 4, 3, 3, 3, 3, 3}, 1).ikm()).isEqualByComparingTo("86.11");
    // 3 respondents, 53 points over 27 answers: 25 x 53 / 27 = 49.074... -> D
    Ikm.Result r = Ikm.of(new long[] {6, 6, 6, 6, 6, 6, 6, 6, 5}, 3);
    assertThat(r.ikm()).isEqualByComparingTo("49.07");
    assertThat(r.grade()).isEqualTo(Ikm.Grade.D);
  }

  @Test
  void nobodyAnsweringGivesNoIndexRatherThanZero() {
    Ikm.Result r = Ikm.of(new long[9], 0);
    assertThat(r.ikm()).isNull();
    assertThat(r.grade()).isNull();
    assertThat(r.nrr()).isNull();
  }

  @Test
  void impossibleSumsAreABugNotAnIndex() {
    assertThatThrownBy(() -> Ikm.of(new long[] {5, 4, 4, 4, 4, 4, 4, 4, 4}, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ikm.of(new long[8], 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMinimumSampleReproducesTheKrejcieMorganTable() {
    assertThat(Ikm.minimumSample(100)).isEqualTo(80);
    assertThat(Ikm.minimumSample(300)).isEqualTo(169);
    assertThat(Ikm.minimumSample(500)).isEqualTo(217);
    assertThat(Ikm.minimumSample(1_000)).isEqualTo(278);
    assertThat(Ikm.minimumSample(2_000)).isEqualTo(322);
    assertThat(Ikm.minimumSample(10_000)).isEqualTo(370);
    assertThat(Ikm.minimumSample(1_000_000)).isEqualTo(384);
  }

  @Test
  void aTinyPopulationNeedsAlmostEveryoneAndNoneNeedsNobody() {
    assertThat(Ikm.minimumSample(0)).isZero();
    assertThat(Ikm.minimumSample(1)).isEqualTo(1);
    assertThat(Ikm.minimumSample(10)).isEqualTo(10);
  }

  @Test
  void answersAreNineWholeNumbersFromOneToFour() {
    assertThat(Skm.answersProblem(List.of(1, 2, 3, 4, 4, 3, 2, 1, 4))).isNull();
    assertThat(Skm.answersProblem(List.of(1, 2, 3, 4, 4, 3, 2, 1))).contains("9 numbers");
    assertThat(Skm.answersProblem(List.of(1, 2, 3, 4, 5, 3, 2, 1, 4))).contains("answers[4]");
    assertThat(Skm.answersProblem(List.of(1, 2, 3, 4, 0, 3, 2, 1, 4))).contains("answers[4]");
    assertThat(Skm.answersProblem(List.of(1, 2, 3, 4, "4", 3, 2, 1, 4))).contains("answers[4]");
    assertThat(Skm.profileProblem("sex", "L")).isNull();
    assertThat(Skm.profileProblem("sex", "X")).contains("profile.sex");
    assertThat(Skm.profileProblem("income", "high")).contains("unknown profile field");
  }
}
