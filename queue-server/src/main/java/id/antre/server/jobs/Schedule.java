package id.antre.server.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a job is due, as the name of the latest period that has begun: a job runs once per period.
 * A node that was down at the time finds the period still without a run and catches up; a job
 * that misses several periods runs once, for the latest (each job covers what came before it).
 */
@FunctionalInterface
public interface Schedule {
  String period(Instant now);

  /** Once each service day has ended (midnight in {@code zone}); the period is the day that ended. */
  static Schedule afterEachServiceDay(ZoneId zone) {
    return now -> LocalDate.ofInstant(now, zone).minusDays(1).toString();
  }

  /** Once a day from {@code at} in {@code zone}; the period is that date. */
  static Schedule dailyFrom(LocalTime at, ZoneId zone) {
    return now -> {
      ZonedDateTime local = now.atZone(zone);
      LocalDate day = local.toLocalTime().isBefore(at) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
      return day.toString();
    };
  }

  /** Every {@code interval}, counted from the epoch, so every node names the same period. */
  static Schedule every(Duration interval) {
    long ms = interval.toMillis();
    return now -> "every-" + ms + "ms-" + Math.floorDiv(now.toEpochMilli(), ms);
  }
}
