package id.antre.server.stats;

import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.persistence.StatsStore;
import id.antre.server.persistence.StatsStore.Group;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics views as the API gives them. Closed service days are read from the facts
 * (materialised on demand and by {@link #catchUpAll()}), today from the event log, so today's
 * figures are as current as the log.
 */
public class StatsService {
  private static final Logger LOG = LoggerFactory.getLogger(StatsService.class);
  /** Histogram bins: five minutes wide, the last one holding two hours and more. */
  static final int BIN_MINUTES = 5;
  static final int LAST_BIN = 24;

  private final HallRef halls;
  private final StatsStore store;
  private final Clock clock;

  public StatsService(HallRef halls, StatsStore store, Clock clock) {
    this.halls = halls;
    this.store = store;
    this.clock = clock;
  }

  public Hall hall() {
    return halls.get();
  }

  public LocalDate today() {
    Hall hall = halls.get();
    return LocalDate.now(clock.withZone(hall.timeZone()));
  }

  /** Materialises every closed day not materialised yet, from the first ticket on. */
  public Future<Integer> catchUpAll() {
    LocalDate yesterday = today().minusDays(1);
    return store.firstDay().compose(first -> first.isEmpty() ? Future.succeededFuture(0)
            : store.catchUp(first.get(), yesterday, zone(), clock.instant(), targets()))
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("statistics: {} closed service days materialised", n);
          }
        });
  }

  private String zone() {
    Hall hall = halls.get();
    return hall.timeZone().getId();
  }

  /** Each service's target wait, in seconds, as configured now. */
  private StatsStore.Targets targets() {
    Hall hall = halls.get();
    Map<String, Double> targets = new LinkedHashMap<>();
    hall.services().forEach(s -> targets.put(s.code(), s.targetWaitMinutes() * 60.0));
    return StatsStore.Targets.of(targets);
  }

  /** The facts a range needs are there before it is read. */
  private Future<StatsStore.Scope> ready(StatsRequest r) {
    LocalDate today = today();
    LocalDate lastClosed = r.to().isBefore(today) ? r.to() : today.minusDays(1);
    StatsStore.Targets targets = targets();
    StatsStore.Scope scope = new StatsStore.Scope(r.from(), r.to(), today, zone(), r.agency(), r.service(), r.officer(),
        targets);
    return store.catchUp(r.from(), lastClosed, zone(), clock.instant(), targets).map(scope);
  }

  /** The rows of one period, without names. */
  public Future<List<Group>> groups(StatsRequest r) {
    return ready(r).compose(scope -> store.summary(scope, r.groupBy()));
  }

  /** {@code GET /stats/summary}; with {@code compare}, the previous period of equal length too. */
  public Future<JsonObject> summary(StatsRequest r, boolean compare) {
    Future<Map<String, String>> names = r.groupBy().equals("officer") ? store.userNames() : Future.succeededFuture(Map.of());
    Future<List<Group>> now = groups(r);
    Future<List<Group>> before = compare ? groups(r.previous()) : Future.succeededFuture(null);
    return Future.all(names, now, before).map(all -> {
      JsonObject out = period(r, now.result(), names.result());
      if (compare) {
        out.put("previous", period(r.previous(), before.result(), names.result()));
      }
      return out;
    });
  }

  private JsonObject period(StatsRequest r, List<Group> groups, Map<String, String> users) {
    JsonArray rows = new JsonArray();
    groups.forEach(g -> rows.add(row(r.groupBy(), g, users)));
    return scope(r).put("groupBy", r.groupBy()).put("rows", rows);
  }

  private JsonObject scope(StatsRequest r) {
    return new JsonObject().put("from", r.from().toString()).put("to", r.to().toString())
        .put("agency", r.agency()).put("service", r.service()).put("officer", r.officer());
  }

  JsonObject row(String groupBy, Group g, Map<String, String> users) {
    return new JsonObject().put("key", g.key()).put("name", name(groupBy, g.key(), users))
        .put("issued", g.issued()).put("served", g.served()).put("noShow", g.noShow())
        .put("cancelled", g.cancelled()).put("transferred", g.transferred()).put("expired", g.expired())
        .put("called", g.called())
        .put("waitMinutes", minutes(g.waitMean(), g.waitP50(), g.waitP90(), g.waitMax()))
        .put("serviceMinutes", minutes(g.serviceMean(), g.serviceP50(), g.serviceP90(), g.serviceMax()))
        .put("withinTargetPct", g.called() == 0 ? null : round(100.0 * g.withinTarget() / g.called(), 1));
  }

  String name(String groupBy, String key, Map<String, String> users) {
    Hall hall = halls.get();
    return switch (groupBy) {
      case "hall" -> hall.name();
      case "agency" -> hall.agency(key).map(Hall.Agency::name).orElse(key);
      case "service" -> hall.service(key).map(Hall.Service::name).orElse(key);
      case "counter" -> hall.counter(key).map(Hall.Counter::name).orElse(key);
      case "officer" -> users.getOrDefault(key, key);
      default -> key;
    };
  }

  private static JsonObject minutes(Double mean, Double p50, Double p90, Double max) {
    return new JsonObject().put("mean", min(mean)).put("p50", min(p50)).put("p90", min(p90)).put("max", min(max));
  }

  private static Double min(Double seconds) {
    return seconds == null ? null : round(seconds / 60.0, 2);
  }

  static Double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }

  /** {@code GET /stats/heatmap}: arrivals by ISO weekday (1 = Monday) and hour, as a 7 x 24 grid and as cells. */
  public Future<JsonObject> heatmap(StatsRequest r) {
    return ready(r).compose(store::heatmap).map(cells -> {
      long[][] grid = new long[7][24];
      JsonArray list = new JsonArray();
      for (StatsStore.Cell c : cells) {
        grid[c.weekday() - 1][c.hour()] = c.arrivals();
        list.add(new JsonObject().put("weekday", c.weekday()).put("hour", c.hour()).put("arrivals", c.arrivals()));
      }
      JsonArray rows = new JsonArray();
      for (long[] day : grid) {
        JsonArray hours = new JsonArray();
        for (long n : day) {
          hours.add(n);
        }
        rows.add(hours);
      }
      return scope(r).put("cells", list).put("grid", rows);
    });
  }

  /** {@code GET /stats/histogram}: called visits by waiting time, in 5-minute bins. */
  public Future<JsonObject> histogram(StatsRequest r) {
    return ready(r).compose(scope -> store.histogram(scope, BIN_MINUTES * 60.0, LAST_BIN)).map(bins -> {
      long[] counts = new long[LAST_BIN + 1];
      bins.forEach(b -> counts[b.bin()] = b.legs());
      JsonArray out = new JsonArray();
      for (int i = 0; i <= LAST_BIN; i++) {
        out.add(new JsonObject().put("fromMinutes", i * BIN_MINUTES)
            .put("toMinutes", i == LAST_BIN ? null : (i + 1) * BIN_MINUTES).put("visits", counts[i]));
      }
      return scope(r).put("binMinutes", BIN_MINUTES).put("bins", out);
    });
  }

  /**
   * {@code GET /stats/officers}: per officer, visits served, mean service time, the time their
   * counter was open (OPEN) and paused, the idle share of open time (open time not spent serving),
   * and pauses by reason.
   */
  public Future<JsonObject> officers(StatsRequest r) {
    return ready(r).compose(scope -> Future.all(store.officerWork(scope), store.officerTime(scope, clock.instant()),
        store.userNames())).map(all -> {
          List<StatsStore.OfficerWork> work = all.resultAt(0);
          List<StatsStore.OfficerTime> time = all.resultAt(1);
          Map<String, String> users = all.resultAt(2);
          Map<String, JsonObject> rows = new TreeMap<>();
          for (StatsStore.OfficerWork w : work) {
            officer(rows, w.officer(), users).put("served", w.served()).put("transferred", w.transferred())
                .put("noShow", w.noShow()).put("serviceMinutesMean", w.serviceMean() == null ? null : min(w.serviceMean()))
                .put("serviceSeconds", w.serviceTotal());
          }
          for (StatsStore.OfficerTime t : time) {
            JsonObject o = officer(rows, t.officer(), users);
            if ("OPEN".equals(t.state())) {
              o.put("openSeconds", o.getDouble("openSeconds") + t.seconds());
            } else {
              o.put("pausedSeconds", o.getDouble("pausedSeconds") + t.seconds());
              o.getJsonArray("pauses").add(new JsonObject().put("reason", t.reason()).put("times", t.times())
                  .put("minutes", round(t.seconds() / 60.0, 1)));
            }
          }
          JsonArray out = new JsonArray();
          for (JsonObject o : rows.values()) {
            double open = o.getDouble("openSeconds");
            double busy = o.getDouble("serviceSeconds");
            o.put("openMinutes", round(open / 60.0, 1)).put("pausedMinutes", round(o.getDouble("pausedSeconds") / 60.0, 1))
                .put("idlePct", open <= 0 ? null : round(100.0 * Math.max(0, open - busy) / open, 1));
            o.remove("openSeconds");
            o.remove("pausedSeconds");
            o.remove("serviceSeconds");
            out.add(o);
          }
          return scope(r).put("rows", out);
        });
  }

  private static JsonObject officer(Map<String, JsonObject> rows, String officer, Map<String, String> users) {
    return rows.computeIfAbsent(officer, k -> new JsonObject().put("officer", k).put("name", users.getOrDefault(k, k))
        .put("served", 0L).put("transferred", 0L).put("noShow", 0L).putNull("serviceMinutesMean")
        .put("serviceSeconds", 0.0).put("openSeconds", 0.0).put("pausedSeconds", 0.0).put("pauses", new JsonArray()));
  }
}
