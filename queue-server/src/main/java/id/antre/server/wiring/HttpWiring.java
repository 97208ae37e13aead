package id.antre.server.wiring;

import id.antre.server.ServerConfig;
import id.antre.server.api.ApiVerticle;
import id.antre.server.api.RateLimiter;
import id.antre.server.audit.AuditTrail;
import id.antre.server.auth.AuthService;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.queue.Application;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The node's HTTP verticles, each with its WebSocket gateway, sharing one port and one rate
 * limiter; they stop newest first.
 */
public final class HttpWiring {
  /** How often full rate-limit buckets are forgotten. */
  static final long LIMITER_SWEEP_MS = 60_000;

  /** What every verticle serves: the application, signing in, and the route families mounted on it. */
  public record Served(Application app, AuthService auth, Supplier<Future<Void>> readiness, HallRef hall,
      Supplier<List<ApiVerticle.Extension>> families, AuditTrail audit) {
  }

  private final Vertx vertx;
  private final ServerConfig config;
  /** One per node, shared by its HTTP verticles. */
  private final RateLimiter limiter;
  private final List<String> deployments = new ArrayList<>();
  private final List<ApiVerticle> apis = new ArrayList<>();
  private int port;

  public HttpWiring(Vertx vertx, ServerConfig config, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.limiter = new RateLimiter(clock);
  }

  public void sweepLimiter() {
    vertx.setPeriodic(LIMITER_SWEEP_MS, id -> limiter.sweep());
  }

  /** {@code ANTRE_VERTICLES} verticles (at least one) on {@code ANTRE_PORT}, one after the other. */
  public Future<Void> deploy(Served served) {
    return deploy(served, config.port(), Math.max(1, config.verticles()));
  }

  private Future<Void> deploy(Served served, int wantedPort, int remaining) {
    ApiVerticle api = new ApiVerticle(wantedPort, served.app(), served.auth(), served.readiness(), config.gateway(),
        config.audioDir(), id -> served.hall().get().counter(id).map(Hall.Counter::agency), limiter, config.limits(),
        config.httpIdleTimeout(), config.commandDeadline());
    served.families().get().forEach(api::extend);
    api.audit(served.audit());
    return vertx.deployVerticle(api).compose(id -> {
      deployments.add(id);
      apis.add(api);
      port = api.actualPort();
      // further instances share the first one's port (port 0 picks it once)
      return remaining > 1 ? deploy(served, port, remaining - 1) : Future.succeededFuture();
    });
  }

  /** The HTTP verticles, newest first (they stop accepting and let requests in flight finish). */
  public Future<Void> undeploy() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(v -> vertx.undeploy(id).recover(e -> Future.succeededFuture()));
    }
    return chain;
  }

  public int port() {
    return port;
  }

  /** Open WebSocket connections on this node. */
  public int webSocketConnections() {
    return apis.stream().mapToInt(a -> a.gateway().connectionCount()).sum();
  }

  /** WebSocket subscriptions on this node per kind of topic. */
  public Map<String, Integer> webSocketTopics() {
    Map<String, Integer> out = new TreeMap<>();
    apis.forEach(a -> a.gateway().subscriptionsByKind().forEach((k, n) -> out.merge(k, n, Integer::sum)));
    return out;
  }

  /** Every HTTP route of the node ("METHOD /path"), for the access-matrix test. */
  public List<String> routes() {
    return apis.get(0).routes();
  }
}
