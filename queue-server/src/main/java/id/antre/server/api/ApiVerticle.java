package id.antre.server.api;

import id.antre.server.audit.AuditTrail;
import id.antre.server.auth.AuthService;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.logging.LogText;
import id.antre.server.queue.Application;
import id.antre.server.realtime.Gateway;
import id.antre.server.realtime.GatewayOptions;
import id.antre.server.realtime.DirectGatewayPort;
import id.antre.server.view.Problems;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP server of the node: the pages, health, the WebSocket gateway, and API v1, whose route
 * families ({@link #ROUTES}) decode a request, call the application directly and encode its
 * answer; every failure becomes a problem+json here, through {@link Problems}.
 */
public class ApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ApiVerticle.class);
  static final int BODY_LIMIT = 16 * 1024;
  /** Frames past this are dropped by Netty without a close code; the gateway's own limit is smaller. */
  static final int MAX_WS_MESSAGE = 256 * 1024;
  /** Readiness answers within a second, 503 when the database does not answer in time. */
  static final Duration READY_TIMEOUT = Duration.ofMillis(800);
  /** What a 503 asks the client to wait before repeating, in seconds. */
  static final String RETRY_AFTER = "1";

  /** The route families of API v1, in mounting order: a new family is one line here. */
  static final List<Function<ApiContext, RouteGroup>> ROUTES = List.of(
      AuthRoutes::new,
      HallRoutes::new,
      TicketRoutes::new,
      PrintRoutes::new,
      CounterRoutes::new);

  private final int port;
  private final AuthService auth;
  private final Supplier<Future<Void>> readiness;
  private final GatewayOptions gatewayOptions;
  private final Optional<String> audioDir;
  private final Function<String, Optional<String>> counterAgency;
  private final RateLimiter limiter;
  private final RateLimits limits;
  private final Duration idleTimeout;
  private final Duration deadline;
  private final Application app;
  private HttpServer server;
  private Gateway gateway;
  private Router root;
  private Router api;
  private final List<Extension> extensions = new ArrayList<>();
  private AuditTrail audit = AuditTrail.NONE;

  /**
   * Routes another part of the server adds (the statistics, the survey), mounted with the route
   * families, before the pages and the 404.
   */
  public interface Extension {
    void mount(Router root, Router api, ApiContext http);
  }

  /**
   * @param deadline how long a command may take, from its arrival to its answer
   */
  public ApiVerticle(int port, Application app, AuthService auth, Supplier<Future<Void>> readiness,
      GatewayOptions gatewayOptions, Optional<String> audioDir, Function<String, Optional<String>> counterAgency,
      RateLimiter limiter, RateLimits limits, Duration idleTimeout, Duration deadline) {
    this.app = app;
    this.audioDir = audioDir;
    this.idleTimeout = idleTimeout;
    this.limiter = limiter;
    this.limits = limits;
    this.counterAgency = counterAgency;
    this.deadline = deadline;
    this.port = port;
    this.auth = auth;
    this.readiness = readiness;
    this.gatewayOptions = gatewayOptions;
  }

  /** Where sign-ins and administrative changes are recorded; call before deploying. */
  public ApiVerticle audit(AuditTrail trail) {
    this.audit = trail;
    return this;
  }

  /** Adds a family of routes from outside this package; call before deploying. */
  public ApiVerticle extend(Extension extension) {
    extensions.add(extension);
    return this;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    root = router;
    gateway = new Gateway(vertx, auth, gatewayOptions, counterAgency, new DirectGatewayPort(app, deadline));
    ApiContext http = new ApiContext(vertx, app, auth, limiter, limits, deadline).audit(audit);
    router.route().handler(Edge::handle).handler(http::arrived);
    router.get("/ws").handler(this::webSocket);
    router.get("/health/ready").handler(this::ready);
    router.get("/health").handler(ctx -> Health.handle(ctx, readiness, id.antre.server.ClusterView.of(vertx)));
    router.get("/health/live").handler(ctx -> ctx.response().end("ok"));

    Router api = Router.router(vertx);
    this.api = api;
    // a hall file is larger than any other body; every other route keeps the small limit
    api.put("/config").handler(BodyHandler.create(false).setBodyLimit(ConfigRoutes.BODY_LIMIT));
    api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    Buffer openApi = vertx.fileSystem().readFileBlocking("openapi/openapi.yaml");
    api.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").end(openApi));
    ROUTES.forEach(family -> family.apply(http).mount(api));
    extensions.forEach(e -> e.mount(router, api, http));
    router.route("/api/v1/*").subRouter(api);

    Pages.mount(router, audioDir);
    router.route().last().handler(ctx -> ctx.fail(404));
    router.errorHandler(400, ctx -> problem(ctx, ErrorCode.INVALID_REQUEST, "malformed request"));
    router.errorHandler(404, ctx -> problem(ctx, ErrorCode.NOT_FOUND, "no such resource: " + ctx.request().path()));
    router.errorHandler(405, ctx -> problem(ctx, ErrorCode.NOT_FOUND, "method not allowed here"));
    router.errorHandler(413, ctx -> problem(ctx, ErrorCode.PAYLOAD_TOO_LARGE,
        "body larger than " + BODY_LIMIT + " bytes"));
    router.errorHandler(500, this::failure);

    server = vertx.createHttpServer(new HttpServerOptions()
        .setPort(port)
        .setHost("0.0.0.0")
        .setCompressionSupported(false)
        .setTcpNoDelay(true)
        // silent or half-sent connections go; a subscribed WebSocket stays through its heartbeats
        .setIdleTimeout((int) Math.max(1, idleTimeout.toSeconds()))
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxWebSocketFrameSize(MAX_WS_MESSAGE)
        .setMaxWebSocketMessageSize(MAX_WS_MESSAGE)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false))
        .requestHandler(router);
    return gateway.start().compose(v -> server.listen())
        .onSuccess(s -> LOG.info("HTTP listening on port {}", s.actualPort()));
  }

  @Override
  public Future<?> stop() {
    // stop accepting, give requests in flight a moment, close WebSockets with 1001 (GoingAway)
    Future<Void> closing = server == null ? Future.succeededFuture()
        : server.shutdown(GoingAway.GRACE.toMillis(), TimeUnit.MILLISECONDS);
    return closing.compose(v -> gateway == null ? Future.succeededFuture() : gateway.stop());
  }

  public Gateway gateway() {
    return gateway;
  }

  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Every route as "METHOD /path" ("* /path" for a route of any method, such as a guard or the
   * static files), for the access-matrix test: a route it has no rule for fails it.
   */
  public List<String> routes() {
    List<String> out = new ArrayList<>();
    list(out, "", root);
    list(out, "/api/v1", api);
    return out.stream().distinct().sorted().toList();
  }

  private static void list(List<String> out, String prefix, Router router) {
    for (Route r : router.getRoutes()) {
      if (r.getPath() == null || r.getSubRouter() != null) {
        continue;
      }
      String path = r.getPath() + (r.isExactPath() ? "" : "*");
      if (r.methods() == null || r.methods().isEmpty()) {
        out.add("* " + prefix + path);
      } else {
        r.methods().forEach(m -> out.add(m.name() + " " + prefix + path));
      }
    }
  }

  // ---------------------------------------------------------------- handlers

  private void webSocket(RoutingContext ctx) {
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (!Origins.allowed(origin, ctx.request().authority() == null ? null : ctx.request().authority().toString(),
        gatewayOptions.allowedOrigins())) {
      problem(ctx, ErrorCode.FORBIDDEN, "origin not allowed: " + origin);
      return;
    }
    if (!ctx.request().canUpgradeToWebSocket()) {
      problem(ctx, ErrorCode.INVALID_REQUEST, "a WebSocket upgrade is expected here");
      return;
    }
    // a handshake Netty refuses is the client's mistake: 400, not a server error
    ctx.request().toWebSocket().onSuccess(ws -> gateway.accept(GoingAway.onShutdown(ws)))
        .onFailure(e -> problem(ctx, ErrorCode.INVALID_REQUEST, "a WebSocket upgrade is expected here"));
  }

  private void ready(RoutingContext ctx) {
    readiness.get().timeout(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(v -> ctx.json(new JsonObject().put("status", "ready")))
        .onFailure(e -> problem(ctx, ErrorCode.UNAVAILABLE, "database not reachable"));
  }

  /** Every failure of a request, through the one mapping of failures to codes. */
  private void failure(RoutingContext ctx) {
    QueueException q = Problems.of(ctx.failure());
    if (q.code() == ErrorCode.INTERNAL) {
      LOG.error("request {} {} failed", ctx.request().method(), LogText.safe(ctx.request().path()), ctx.failure());
    }
    problem(ctx, q.code(), q.getMessage(), q.extras());
  }

  static void problem(RoutingContext ctx, ErrorCode code, String detail) {
    problem(ctx, code, detail, java.util.Map.of());
  }

  static void problem(RoutingContext ctx, ErrorCode code, String detail, java.util.Map<String, String> extras) {
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.failure() instanceof Throttled t) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(t.retryAfterSeconds));
    }
    if (code == ErrorCode.UNAVAILABLE) {
      ctx.response().putHeader("Retry-After", RETRY_AFTER);
    }
    ctx.response().setStatusCode(Problems.status(code)).putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
        .end(Problems.body(code, detail, ctx.request().path(), extras).encode());
  }
}
