package id.antre.server.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;

/**
 * The process's one Prometheus registry: Vert.x's own metrics (HTTP server latency by route,
 * method and status; pools, the SQL clients' among them) when the Vert.x instance was built with
 * {@link #enable}, and the hall's ({@link NodeMetrics}). Scraped at {@code GET /metrics}.
 */
public final class Metrics {
  public static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private Metrics() {
  }

  /**
   * Vert.x's metrics into {@link #REGISTRY}; labels kept to bounded sets (the route, never the path).
   * Only the documented families are kept (docs/api.md: HTTP server, pools, JVM): the event bus's,
   * the raw sockets' and the verticles' counters were updated on every bus message and every socket
   * read and write, and nobody read them.
   */
  public static VertxBuilder enable(VertxBuilder builder, VertxOptions options) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME));
    for (MetricsDomain unread : EnumSet.of(MetricsDomain.EVENT_BUS, MetricsDomain.NET_SERVER, MetricsDomain.NET_CLIENT,
        MetricsDomain.HTTP_CLIENT, MetricsDomain.DATAGRAM_SOCKET, MetricsDomain.VERTICLES)) {
      metrics.addDisabledMetricsCategory(unread);
    }
    options.setMetricsOptions(metrics);
    return builder.with(options).withMetrics(new MicrometerMetricsFactory(REGISTRY));
  }
}
