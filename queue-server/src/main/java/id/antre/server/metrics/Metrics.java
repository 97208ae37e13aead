package id.antre.server.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
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

  /** Vert.x's metrics into {@link #REGISTRY}; labels kept to bounded sets (the route, never the path). */
  public static VertxBuilder enable(VertxBuilder builder, VertxOptions options) {
    options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME)));
    return builder.with(options).withMetrics(new MicrometerMetricsFactory(REGISTRY));
  }
}
