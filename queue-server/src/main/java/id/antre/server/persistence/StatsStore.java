package id.antre.server.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the statistics and materialises closed service days (migration V010). Statements run on a
 * pool of their own, so a year's export never takes a connection the queue is waiting for.
 */
public class StatsStore {
  private final Pool pool;
  private final Statement missingDays;
  private final Statement markDay;
  private final Statement fillVisits;
  private final Statement fillCounterTime;
  private final Statement countDay;
  private final Statement officerTime;
  /** The views by whether some day is live, the summary also by its grouping key. */
  private final Map<Boolean, Map<String, Statement>> summary = new HashMap<>();
  private final Map<Boolean, Statement> heatmap = new HashMap<>();
  private final Map<Boolean, Statement> histogram = new HashMap<>();
  private final Map<Boolean, Statement> officerWork = new HashMap<>();

  public StatsStore(Pool pool) {
    this.pool = pool;
    missingDays = new Statement(pool, StatsSql.MISSING_DAYS);
    markDay = new Statement(pool, StatsSql.MARK_DAY);
    fillVisits = new Statement(pool, StatsSql.FILL_VISITS);
    fillCounterTime = new Statement(pool, StatsSql.FILL_COUNTER_TIME);
    countDay = new Statement(pool, StatsSql.COUNT_DAY);
    officerTime = new Statement(pool, StatsSql.OFFICER_TIME);
    for (boolean live : new boolean[] {true, false}) {
      Map<String, Statement> byKey = new HashMap<>();
      StatsSql.KEYS.forEach((groupBy, key) -> byKey.put(groupBy, new Statement(pool, StatsSql.summary(key, live))));
      summary.put(live, byKey);
      heatmap.put(live, new Statement(pool, StatsSql.heatmap(live)));
      histogram.put(live, new Statement(pool, StatsSql.histogram(live)));
      officerWork.put(live, new Statement(pool, StatsSql.officerWork(live)));
    }
  }

  /**
   * What a view covers: service days {@code from..to}; days from {@code live} on are computed from
   * the log, earlier ones read from the facts. Null agency, service or officer means all.
   */
  public record Scope(LocalDate from, LocalDate to, LocalDate live, String timeZone, String agency, String service,
      String officer, Targets targets) {
    /** The parameters common to the views. */
    Map<String, Object> base() {
      Map<String, Object> out = new HashMap<>();
      out.put("from", from);
      out.put("to", to);
      out.put("live", live);
      out.put("timeZone", timeZone);
      out.put("agency", agency);
      out.put("service", service);
      out.put("officer", officer);
      return out;
    }

    /** With the services and their target waits. */
    Map<String, Object> params() {
      Map<String, Object> out = base();
      out.put("services", targets.services());
      out.put("targets", targets.seconds());
      return out;
    }

    /** Whether some day of the range is computed from the log (today is in it). */
    boolean anyLive() {
      return !live.isAfter(to);
    }
  }

  /** Each service's target wait in seconds, as two arrays for SQL. */
  public record Targets(String[] services, Double[] seconds) {
    public static Targets of(Map<String, Double> targets) {
      String[] services = targets.keySet().toArray(String[]::new);
      Double[] seconds = new Double[services.length];
      for (int i = 0; i < services.length; i++) {
        seconds[i] = targets.get(services[i]);
      }
      return new Targets(services, seconds);
    }
  }

  /** Figures of one group of the summary; times in seconds, null when nothing was measured. */
  public record Group(String key, long issued, long served, long noShow, long cancelled, long transferred,
      long expired, long called, Double waitMean, Double waitP50, Double waitP90, Double waitMax, Double serviceMean,
      Double serviceP50, Double serviceP90, Double serviceMax, long withinTarget) {
  }

  public record Cell(int weekday, int hour, long arrivals) {
  }

  public record Bin(int bin, long legs) {
  }

  public record OfficerWork(String officer, long served, long transferred, long noShow, Double serviceMean,
      double serviceTotal) {
  }

  public record OfficerTime(String officer, String state, String reason, double seconds, int times) {
  }

  /** The first service day with a ticket, if any. */
  public Future<Optional<LocalDate>> firstDay() {
    return pool.query(StatsSql.FIRST_DAY).execute()
        .map(rows -> Optional.ofNullable(rows.iterator().next().getLocalDate(0)));
  }

  /**
   * Materialises every day of {@code from..to} (closed days only: the caller keeps {@code to}
   * before today) that has no marker yet, one transaction per day. Idempotent: a day marked by a
   * concurrent catch-up is skipped. Answers how many days this call materialised.
   */
  public Future<Integer> catchUp(LocalDate from, LocalDate to, String timeZone, Instant now, Targets targets) {
    if (to.isBefore(from)) {
      return Future.succeededFuture(0);
    }
    return missingDays.execute("from", from, "to", to).compose(rows -> {
      List<LocalDate> days = new ArrayList<>();
      rows.forEach(r -> days.add(r.getLocalDate(0)));
      Future<Integer> chain = Future.succeededFuture(0);
      for (LocalDate day : days) {
        chain = chain.compose(n -> materialise(day, timeZone, now, targets).map(done -> n + (done ? 1 : 0)));
      }
      return chain;
    });
  }

  private Future<Boolean> materialise(LocalDate day, String timeZone, Instant now, Targets targets) {
    return pool.withTransaction(conn -> markDay.on(conn).execute("day", day, "now", TicketStore.ts(now))
        .compose(marked -> {
          if (marked.size() == 0) {
            return Future.succeededFuture(false);
          }
          return fillVisits.on(conn).execute("day", day, "timeZone", timeZone, "services", targets.services(),
                  "targets", targets.seconds())
              .compose(visits -> fillCounterTime.on(conn)
                  .execute("day", day, "timeZone", timeZone, "now", TicketStore.ts(now))
                  .compose(t -> countDay.on(conn).execute("day", day, "legs", visits.rowCount())))
              .map(true);
        }));
  }

  /** @param groupBy one of {@link #groupings()} */
  public Future<List<Group>> summary(Scope scope, String groupBy) {
    if (!StatsSql.KEYS.containsKey(groupBy)) {
      return Future.failedFuture(new IllegalArgumentException("unknown grouping " + groupBy));
    }
    return summary.get(scope.anyLive()).get(groupBy).execute(scope.params()).map(rows -> {
      List<Group> out = new ArrayList<>();
      for (Row r : rows) {
        Double[] wait = r.getArrayOfDoubles("wait_p");
        Double[] service = r.getArrayOfDoubles("service_p");
        out.add(new Group(r.getString("key"), r.getLong("issued"), r.getLong("served"), r.getLong("no_show"),
            r.getLong("cancelled"), r.getLong("transferred"), r.getLong("expired"), r.getLong("called"),
            r.getDouble("wait_mean"), at(wait, 0), at(wait, 1), r.getDouble("wait_max"),
            r.getDouble("service_mean"), at(service, 0), at(service, 1), r.getDouble("service_max"),
            r.getLong("within_target")));
      }
      return out;
    });
  }

  public static java.util.Set<String> groupings() {
    return StatsSql.KEYS.keySet();
  }

  private static Double at(Double[] values, int i) {
    return values == null || values.length <= i ? null : values[i];
  }

  public Future<List<Cell>> heatmap(Scope scope) {
    return heatmap.get(scope.anyLive()).execute(scope.params()).map(rows -> {
      List<Cell> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Cell(r.getInteger("weekday"), r.getInteger("hour"), r.getLong("arrivals"))));
      return out;
    });
  }

  /** Waiting times in bins of {@code binSeconds}; bin {@code lastBin} holds every longer wait. */
  public Future<List<Bin>> histogram(Scope scope, double binSeconds, int lastBin) {
    Map<String, Object> params = scope.params();
    params.put("binWidth", binSeconds);
    params.put("lastBin", lastBin);
    return histogram.get(scope.anyLive()).execute(params)
        .map(rows -> {
          List<Bin> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Bin(r.getInteger("bin"), r.getLong("legs"))));
          return out;
        });
  }

  public Future<List<OfficerWork>> officerWork(Scope scope) {
    return officerWork.get(scope.anyLive()).execute(scope.params()).map(rows -> {
      List<OfficerWork> out = new ArrayList<>();
      rows.forEach(r -> out.add(new OfficerWork(r.getString("officer"), r.getLong("served"), r.getLong("transferred"),
          r.getLong("no_show"), r.getDouble("service_mean"), r.getDouble("service_total"))));
      return out;
    });
  }

  public Future<List<OfficerTime>> officerTime(Scope scope, Instant now) {
    Map<String, Object> params = scope.base();
    params.put("now", TicketStore.ts(now));
    return officerTime.execute(params)
        .map(rows -> {
          List<OfficerTime> out = new ArrayList<>();
          rows.forEach(r -> out.add(new OfficerTime(r.getString("officer"), r.getString("state"), r.getString("reason"),
              r.getDouble("seconds"), r.getInteger("times"))));
          return out;
        });
  }

  /** User name to display name, for the officer rows. */
  public Future<Map<String, String>> userNames() {
    return pool.query(StatsSql.USER_NAMES).execute().map(rows -> {
      Map<String, String> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getString(0), r.getString(1)));
      return out;
    });
  }
}
