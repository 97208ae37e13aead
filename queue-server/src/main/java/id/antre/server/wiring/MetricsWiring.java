package id.antre.server.wiring;

import id.antre.server.api.ApiVerticle;
import id.antre.server.domain.HallRef;
import id.antre.server.metrics.MetricsRoutes;
import id.antre.server.metrics.NodeMetrics;
import id.antre.server.persistence.MetricsStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;

/** The node's own metrics (its WebSockets counted by {@code http}) and {@code GET /metrics}. */
public record MetricsWiring(NodeMetrics node) {

  public static MetricsWiring create(Vertx vertx, Storage storage, Clock clock, HallRef hall, HttpWiring http) {
    return new MetricsWiring(new NodeMetrics(vertx, new MetricsStore(storage.pool()), clock, hall.get().timeZone(),
        http::webSocketConnections, http::webSocketTopics));
  }

  public ApiVerticle.Extension routes() {
    return new MetricsRoutes(node, Optional.ofNullable(System.getenv("ANTRE_METRICS_TOKEN")));
  }
}
