package id.antre.server.metrics;

import id.antre.server.api.ApiVerticle;
import id.antre.server.api.ApiContext;
import id.antre.server.view.Problems;
import id.antre.server.domain.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics} in Prometheus's text format. Readable from this machine (loopback, and
 * not relayed by a proxy: no {@code X-Forwarded-For} or {@code Forwarded}) or with
 * {@code Authorization: Bearer <ANTRE_METRICS_TOKEN>} from anywhere; anyone else gets 403.
 */
public final class MetricsRoutes implements ApiVerticle.Extension {
  private final NodeMetrics node;
  private final Optional<String> token;

  public MetricsRoutes(NodeMetrics node, Optional<String> token) {
    this.node = node;
    this.token = token.filter(t -> !t.isBlank());
  }

  @Override
  public void mount(Router root, Router api, ApiContext http) {
    root.get("/metrics").handler(this::scrape);
  }

  void scrape(RoutingContext ctx) {
    if (!allowed(ctx)) {
      ctx.response().setStatusCode(403).putHeader("Content-Type", Problems.CONTENT_TYPE)
          .end(Problems.body(ErrorCode.FORBIDDEN, "Metrik hanya untuk mesin ini atau dengan token metrik"
              + " (metrics: this machine or the metrics token only)", "/metrics").encode());
      return;
    }
    node.refresh().onComplete(done -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(node.scrape()));
  }

  boolean allowed(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    if (token.isPresent() && auth != null && auth.startsWith("Bearer ")) {
      return MessageDigest.isEqual(auth.substring(7).getBytes(StandardCharsets.UTF_8),
          token.get().getBytes(StandardCharsets.UTF_8));
    }
    var remote = ctx.request().remoteAddress();
    boolean loopback = remote != null && remote.hostAddress() != null
        && (remote.hostAddress().startsWith("127.") || remote.hostAddress().equals("0:0:0:0:0:0:0:1")
            || remote.hostAddress().equals("::1"));
    return loopback && ctx.request().getHeader("X-Forwarded-For") == null
        && ctx.request().getHeader("Forwarded") == null;
  }
}
