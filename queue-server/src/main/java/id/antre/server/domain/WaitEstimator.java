package id.antre.server.domain;

/**
 * Estimated wait: people ahead x recent mean service time / open counters of the service.
 * With no recent service (first visitors of the day) the configured average stands in; with no
 * open counter the estimate assumes one will open.
 */
public final class WaitEstimator {
  /** Means outside this range are treated as noise (a test click, a forgotten finish). */
  static final double MIN_MEAN_MINUTES = 0.5;
  static final double MAX_MEAN_MINUTES = 120;

  private WaitEstimator() {
  }

  /** Minutes of waiting each person ahead adds. */
  public static double minutesPerPersonAhead(double recentMeanMinutes, int recentSamples,
      double configuredMeanMinutes, int openCounters) {
    double mean = recentSamples >= 3 && recentMeanMinutes >= MIN_MEAN_MINUTES && recentMeanMinutes <= MAX_MEAN_MINUTES
        ? recentMeanMinutes
        : configuredMeanMinutes;
    return mean / Math.max(1, openCounters);
  }

  /** Whole minutes, rounded up; nobody ahead means no wait. */
  public static int estimateMinutes(int ahead, double minutesPerPersonAhead) {
    if (ahead <= 0) {
      return 0;
    }
    // the epsilon keeps binary noise (25 x 2.2 = 55.000000000000007) from adding a minute
    return (int) Math.ceil(ahead * minutesPerPersonAhead - 1e-9);
  }
}
