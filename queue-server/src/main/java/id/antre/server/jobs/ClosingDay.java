package id.antre.server.jobs;

import id.antre.server.persistence.HousekeepingStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Closing the day: once a service day has ended in the hall's time zone, its tickets still
 * WAITING, CALLED, SERVING or HELD become EXPIRED (each with its {@code EXPIRE} event, which the
 * statistics count as expired) and the counters left open are closed. It covers every earlier day
 * too, so a hall down for a week is closed by one run.
 */
public final class ClosingDay {
  public static final String NAME = "close-day";

  private final HousekeepingStore store;
  private final ZoneId zone;
  private final Clock clock;
  private final Consumer<HousekeepingStore.Closed> afterwards;

  /** @param afterwards told what changed (on the node that ran it, when anything did), to tell the pages */
  public ClosingDay(HousekeepingStore store, ZoneId zone, Clock clock, Consumer<HousekeepingStore.Closed> afterwards) {
    this.store = store;
    this.zone = zone;
    this.clock = clock;
    this.afterwards = afterwards;
  }

  public Job job() {
    return new Job(NAME, Schedule.afterEachServiceDay(zone), period -> close(LocalDate.parse(period)));
  }

  public Future<String> close(LocalDate day) {
    return store.closeDay(day, clock.instant(), day.plusDays(1).atStartOfDay(zone).toInstant()).map(closed -> {
      if (closed.tickets() > 0 || closed.counters() > 0) {
        afterwards.accept(closed);
      }
      return closed.tickets() + " tickets expired, " + closed.counters() + " counters closed";
    });
  }
}
