package id.antre.server.jobs;

import id.antre.server.domain.Hall;
import id.antre.server.persistence.HousekeepingStore;
import id.antre.server.persistence.JobStore;
import id.antre.server.stats.StatsService;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * The jobs of one hall that run once per cluster, in the order they run on a tick: closing the
 * day, then the statistics' catch-up (which then sees the closed day's expired tickets), then
 * retention. {@code dayClosed} tells the pages (on the node that closed the day; through the bus
 * every node's clients hear of it).
 */
public final class ClusterJobs {
  /** How often closed service days are materialised for the statistics. */
  public static final Duration STATS_CATCH_UP = Duration.ofMinutes(10);

  private ClusterJobs() {
  }

  public static JobRunner create(Vertx vertx, JobStore runs, HousekeepingStore store, Clock clock, Hall hall, StatsService stats,
      Runnable dayClosed, int retentionDays) {
    ClosingDay closing = new ClosingDay(store, hall.timeZone(), clock, closed -> dayClosed.run());
    return new JobRunner(vertx, runs, clock)
        .register(closing.job())
        .register(new Job("stats-catch-up", Schedule.every(STATS_CATCH_UP),
            period -> stats.catchUpAll().map(n -> n + " closed service days materialised")))
        .register(new Retention(retentionDays, hall.timeZone(), clock, store).job());
  }
}
