package id.antre.server.jobs;

import id.antre.server.booking.BookingService;
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
  /** How often bookings whose check-in window ended become no-shows. */
  public static final Duration BOOKING_NO_SHOWS = Duration.ofMinutes(5);

  private ClusterJobs() {
  }

  public static JobRunner create(Vertx vertx, JobStore runs, HousekeepingStore store, Clock clock, Hall hall, StatsService stats,
      Runnable dayClosed, int retentionDays) {
    return create(vertx, runs, store, clock, hall, stats, dayClosed, retentionDays, null);
  }

  /**
   * With bookings: no-shows every {@link #BOOKING_NO_SHOWS} (a guarded update, so each booking
   * becomes a no-show once, and a run after a stop catches up every window that ended meanwhile)
   * before the statistics' catch-up, and their NIK and phone under retention.
   */
  public static JobRunner create(Vertx vertx, JobStore runs, HousekeepingStore store, Clock clock, Hall hall, StatsService stats,
      Runnable dayClosed, int retentionDays, BookingService bookings) {
    ClosingDay closing = new ClosingDay(store, hall.timeZone(), clock, closed -> dayClosed.run());
    Retention retention = new Retention(retentionDays, hall.timeZone(), clock, store);
    JobRunner runner = new JobRunner(vertx, runs, clock).register(closing.job());
    if (bookings != null) {
      runner.register(new Job(BOOKING_NO_SHOWS_JOB, Schedule.every(BOOKING_NO_SHOWS), period -> bookings.markNoShows()));
      retention.add(new Retention.Step("bookings' NIK and phone", bookings::forgetPersonalData));
    }
    return runner
        .register(new Job("stats-catch-up", Schedule.every(STATS_CATCH_UP),
            period -> stats.catchUpAll().map(n -> n + " closed service days materialised")))
        .register(retention.job());
  }

  public static final String BOOKING_NO_SHOWS_JOB = "booking-no-shows";
}
