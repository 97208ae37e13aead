package id.antre.server.metrics;

import id.antre.server.ClusterView;
import id.antre.server.persistence.MetricsStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The hall's own metrics on this node. Event-loop delay is measured by a timer that should fire
 * every {@link #PROBE}: how late it fires is how long the loop was busy. The figures of the day
 * (tickets issued, called and waiting per service, print jobs by state) are read from the database
 * when {@code /metrics} is scraped, so every node reports the same hall-wide numbers (take the max
 * across nodes, not the sum). WebSocket connections are this node's.
 */
public final class NodeMetrics {
  static final Duration PROBE = Duration.ofMillis(200);
  private final Vertx vertx;
  private final MetricsStore store;
  private final Clock clock;
  private final ZoneId zone;
  private final Timer loopDelay;
  private final MultiGauge issued;
  private final MultiGauge called;
  private final MultiGauge waiting;
  private final MultiGauge printJobs;
  private final MultiGauge subscriptions;
  private final Supplier<Map<String, Integer>> topics;
  private final List<Gauge> gauges = new ArrayList<>();
  private long probe = -1;
  /** This node's meters (a JVM may run several nodes, as the tests do); Vert.x's are in {@link Metrics#REGISTRY}. */
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public NodeMetrics(Vertx vertx, MetricsStore store, Clock clock, ZoneId zone, IntSupplier webSockets,
      Supplier<Map<String, Integer>> topics) {
    this.topics = topics;
    this.vertx = vertx;
    this.store = store;
    this.clock = clock;
    this.zone = zone;
    var r = registry;
    loopDelay = Timer.builder("antre.event.loop.delay").description("how late a timer on the event loop fired")
        .register(r);
    issued = MultiGauge.builder("antre.tickets.issued.today").description("tickets issued today per service").register(r);
    called = MultiGauge.builder("antre.tickets.called.today").description("tickets called today per service").register(r);
    waiting = MultiGauge.builder("antre.tickets.waiting").description("tickets waiting now per service").register(r);
    printJobs = MultiGauge.builder("antre.print.jobs.today").description("today's print jobs by state").register(r);
    subscriptions = MultiGauge.builder("antre.websocket.subscriptions")
        .description("WebSocket subscriptions on this node per kind of topic").register(r);
    ClusterView cluster = ClusterView.of(vertx);
    gauges.add(Gauge.builder("antre.websocket.connections", webSockets::getAsInt)
        .description("open WebSocket connections on this node").register(r));
    gauges.add(Gauge.builder("antre.cluster.members", cluster::members).description("cluster members this node sees")
        .register(r));
    gauges.add(Gauge.builder("antre.cluster.members.expected", cluster::expected)
        .description("cluster members expected (ANTRE_CLUSTER_EXPECTED)").register(r));
  }

  public void start() {
    long[] last = {System.nanoTime()};
    probe = vertx.setPeriodic(PROBE.toMillis(), id -> {
      long now = System.nanoTime();
      loopDelay.record(Math.max(0, now - last[0] - PROBE.toNanos()), TimeUnit.NANOSECONDS);
      last[0] = now;
    });
  }

  public void stop() {
    if (probe >= 0) {
      vertx.cancelTimer(probe);
    }
  }

  /** This node's meters and then Vert.x's, in Prometheus's text format. */
  public String scrape() {
    return registry.scrape() + Metrics.REGISTRY.scrape();
  }

  /** Reads the day's figures into the gauges; then the registry is scraped. */
  public Future<Void> refresh() {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    subscriptions.register(topics.get().entrySet().stream()
        .map(e -> MultiGauge.Row.of(Tags.of("topic", e.getKey()), e.getValue())).collect(Collectors.toList()), true);
    return store.ticketsOn(today).compose(counts -> {
      issued.register(counts.stream().map(c -> MultiGauge.Row.of(Tags.of("service", c.service()), c.issued()))
          .collect(Collectors.toList()), true);
      called.register(counts.stream().map(c -> MultiGauge.Row.of(Tags.of("service", c.service()), c.called()))
          .collect(Collectors.toList()), true);
      waiting.register(counts.stream().map(c -> MultiGauge.Row.of(Tags.of("service", c.service()), c.waiting()))
          .collect(Collectors.toList()), true);
      return store.printJobsSince(today.atStartOfDay(zone).toInstant());
    }).map(jobs -> {
      List<MultiGauge.Row<?>> p = new ArrayList<>();
      jobs.forEach((state, n) -> p.add(MultiGauge.Row.of(Tags.of("state", state), n)));
      printJobs.register(p, true);
      return null;
    });
  }
}
