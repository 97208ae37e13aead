package id.antre.server.jobs;

import id.antre.server.persistence.HousekeepingStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data retention (UU 27/2022 on personal data): personal data older than the configured number of
 * days ({@code ANTRE_RETENTION_DAYS}) is deleted once a day, by one node of the cluster. Each step
 * logs what it deleted as counts, never the data: the survey's profile and free-text comment (the
 * nine scores are anonymous and stay for the index), the client addresses in the audit trail (who
 * changed what stays), and, added by the booking service, bookings' NIK and phone number.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  public static final String NAME = "retention";
  public static final int DEFAULT_DAYS = 365;
  /** At night, after closing the day. */
  static final LocalTime AT = LocalTime.of(1, 0);

  /** One kind of personal data: deletes what was recorded before the instant, answers a count text. */
  public record Step(String what, Function<Instant, Future<String>> delete) {
  }

  private final int days;
  private final ZoneId zone;
  private final Clock clock;
  private final List<Step> steps = new ArrayList<>();

  public Retention(int days, ZoneId zone, Clock clock, HousekeepingStore store) {
    if (days < 1) {
      throw new IllegalArgumentException("ANTRE_RETENTION_DAYS must be at least 1, not " + days);
    }
    this.days = days;
    this.zone = zone;
    this.clock = clock;
    steps.add(new Step("survey profiles and comments", before -> store.forgetSurveyProfiles(before)
        .map(f -> f.responses() + " responses stripped of profile or comment (" + f.comments() + " comments)")));
    // who changed what stays in the audit trail; where from (a client address) is personal data
    steps.add(new Step("audit trail", before -> store.forgetAuditAddresses(before)
        .map(n -> n + " entries' client addresses removed")));
  }

  /** A further kind of personal data (bookings' NIK and phone once they exist). */
  public Retention add(Step step) {
    steps.add(step);
    return this;
  }

  /** {@code ANTRE_RETENTION_DAYS}, or {@link #DEFAULT_DAYS}. */
  public static int days(java.util.Map<String, String> env) {
    String v = env.get("ANTRE_RETENTION_DAYS");
    try {
      return v == null || v.isBlank() ? DEFAULT_DAYS : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ANTRE_RETENTION_DAYS must be a number of days, not " + v);
    }
  }

  public Job job() {
    return new Job(NAME, Schedule.dailyFrom(AT, zone), period -> run());
  }

  /** Every step for data older than the retention period, one after the other. */
  public Future<String> run() {
    Instant before = clock.instant().minus(Duration.ofDays(days));
    List<String> done = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Step step : steps) {
      chain = chain.compose(v -> step.delete().apply(before).map(n -> {
        LOG.info("retention ({} days): {}: {}", days, step.what(), n);
        done.add(step.what() + ": " + n);
        return null;
      }));
    }
    return chain.map(v -> String.join("; ", done));
  }
}
