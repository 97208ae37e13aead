package id.antre.server.api;

import id.antre.printer.escpos.PrinterProfile;
import id.antre.server.api.Requests.Type;
import id.antre.server.auth.Actor;
import id.antre.server.auth.AuthService;
import id.antre.server.bus.Addresses;
import id.antre.server.bus.Deadlines;
import id.antre.server.bus.JsonViews;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.logging.LogText;
import id.antre.server.persistence.PgErrors;
import id.antre.server.realtime.Gateway;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP API v1 and the pages. An adapter: decodes the request, sends the command on the event
 * bus, encodes the reply or the problem.
 */
public class ApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ApiVerticle.class);
  static final int BODY_LIMIT = 16 * 1024;
  /** Frames past this are dropped by Netty without a close code; the gateway's own limit is smaller. */
  static final int MAX_WS_MESSAGE = 256 * 1024;
  private static final String ACTOR = "actor";
  /** Readiness answers within a second, 503 when the database does not answer in time. */
  static final Duration READY_TIMEOUT = Duration.ofMillis(800);
  /** What a 503 asks the client to wait before repeating, in seconds. */
  static final String RETRY_AFTER = "1";
  private static final Map<String, Type> REQUEST_ONLY = Map.of("requestId", Type.STRING);

  private final int port;
  private final AuthService auth;
  private final Supplier<Future<Void>> readiness;
  private final GatewayOptions gatewayOptions;
  private final java.util.Optional<String> audioDir;
  private final Function<String, java.util.Optional<String>> counterAgency;
  private final RateLimiter limiter;
  private final RateLimits limits;
  private final ClientAddress clientAddress;
  private final java.time.Duration idleTimeout;
  private final Duration deadline;
  private final SurveyRoutes surveys;
  private HttpServer server;
  private Gateway gateway;
  private Router root;
  private Router api;
  private final List<Extension> extensions = new ArrayList<>();

  /** Routes another part of the server adds (the statistics), mounted before the pages and the 404. */
  public interface Extension {
    void mount(Router root, Router api, io.vertx.core.Handler<RoutingContext> authenticated);
  }

  /**
   * @param deadline how long a command may take, from its arrival to its answer
   */
  public ApiVerticle(int port, AuthService auth, Supplier<Future<Void>> readiness, GatewayOptions gatewayOptions,
      java.util.Optional<String> audioDir, Function<String, java.util.Optional<String>> counterAgency,
      RateLimiter limiter, RateLimits limits, java.time.Duration idleTimeout, Duration deadline,
      id.antre.server.survey.SurveyService surveys) {
    this.surveys = new SurveyRoutes(surveys, auth);
    this.audioDir = audioDir;
    this.idleTimeout = idleTimeout;
    this.limiter = limiter;
    this.limits = limits;
    this.clientAddress = new ClientAddress(limits.trustedProxies());
    this.counterAgency = counterAgency;
    this.deadline = deadline;
    this.port = port;
    this.auth = auth;
    this.readiness = readiness;
    this.gatewayOptions = gatewayOptions;
  }

  /** Adds routes; call before the verticle is deployed. */
  public ApiVerticle extend(Extension extension) {
    extensions.add(extension);
    return this;
  }

  /** Who made the request, once an authenticating handler has run. */
  public static Actor actor(RoutingContext ctx) {
    return ctx.get(ACTOR);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    root = router;
    gateway = new Gateway(vertx, auth, gatewayOptions, counterAgency);
    router.route().handler(Edge::handle);
    router.get("/ws").handler(this::webSocket);
    router.get("/health/ready").handler(this::ready);
    router.get("/health").handler(ctx -> Health.handle(ctx, readiness, id.antre.server.ClusterView.of(vertx)));
    router.get("/health/live").handler(ctx -> ctx.response().end("ok"));

    Router api = Router.router(vertx);
    this.api = api;
    api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    Buffer openApi = vertx.fileSystem().readFileBlocking("openapi/openapi.yaml");
    api.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").end(openApi));
    api.post("/auth/login").handler(this::login);
    api.post("/auth/logout").handler(this::logout);
    api.patch("/users/:username").handler(this::authenticated).handler(this::userActive);
    api.delete("/devices/:device").handler(this::authenticated).handler(ctx ->
        auth.revokeDevice(ctx.get(ACTOR), name(ctx, "device"))
            .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
    api.get("/hall").handler(ctx -> command(ctx, "hall", null, new JsonObject()));
    api.get("/queues").handler(ctx -> command(ctx, "queues", null, new JsonObject()));
    api.put("/hall/running-text").handler(this::authenticated).handler(ctx -> {
      JsonObject body = Requests.parse(ctx.body().buffer(), Map.of("text", Type.STRING_OR_EMPTY), "text");
      command(ctx, "running-text", ctx.get(ACTOR), body);
    });
    api.post("/tickets").handler(this::authenticated).handler(this::throttleIssue).handler(this::issue);
    api.get("/tickets/:token").handler(ctx -> command(ctx, "track", null,
        new JsonObject().put("token", ctx.pathParam("token"))));
    api.get("/tickets/:token/qr.svg").handler(this::trackingQr);
    api.post("/tickets/:token/cancel").handler(this::anonymousWrite).handler(ctx -> {
      Requests.parse(ctx.body().buffer(), REQUEST_ONLY);
      command(ctx, "cancel", null, new JsonObject().put("token", ctx.pathParam("token")));
    });
    api.get("/printers").handler(this::authenticated).handler(ctx -> command(ctx, "printers", ctx.get(ACTOR),
        new JsonObject()));
    api.post("/print-jobs/:job/cancel").handler(this::authenticated).handler(ctx -> command(ctx, "print-cancel",
        ctx.get(ACTOR), new JsonObject().put("job", jobId(ctx))));
    api.get("/print-jobs/:job/preview.png").handler(this::authenticated).handler(this::preview);
    api.route("/counters").handler(this::authenticated);
    api.get("/counters").handler(ctx -> command(ctx, "counters", ctx.get(ACTOR), new JsonObject()));
    api.route("/counters/*").handler(this::authenticated);
    api.get("/counters/:counter").handler(ctx -> counter(ctx, "counter", Map.of()));
    api.get("/counters/:counter/waiting").handler(ctx -> counter(ctx, "waiting", Map.of()));
    api.post("/counters/:counter/call").handler(ctx -> counter(ctx, "call",
        Map.of("requestId", Type.STRING, "ticket", Type.INTEGER, "reason", Type.STRING), "ticket", "reason"));
    api.post("/counters/:counter/services").handler(ctx -> counter(ctx, "services",
        Map.of("services", Type.ARRAY, "weights", Type.OBJECT), "services"));
    api.get("/counters/:counter/held").handler(ctx -> counter(ctx, "held", Map.of()));
    for (String action : new String[] {"call-next", "recall", "start", "no-show", "open", "close"}) {
      api.post("/counters/:counter/" + action).handler(ctx -> counter(ctx, action, REQUEST_ONLY));
    }
    api.post("/counters/:counter/finish").handler(ctx -> counter(ctx, "finish",
        Map.of("requestId", Type.STRING, "outcome", Type.STRING)));
    api.post("/counters/:counter/pause").handler(ctx -> counter(ctx, "pause",
        Map.of("requestId", Type.STRING, "reason", Type.STRING)));
    api.post("/counters/:counter/hold").handler(ctx -> counter(ctx, "hold",
        Map.of("requestId", Type.STRING, "note", Type.STRING)));
    api.post("/counters/:counter/transfer").handler(ctx -> counter(ctx, "transfer",
        Map.of("requestId", Type.STRING, "service", Type.STRING, "note", Type.STRING, "force", Type.BOOLEAN),
        "service"));
    api.post("/counters/:counter/resume").handler(ctx -> counter(ctx, "resume",
        Map.of("requestId", Type.STRING, "ticket", Type.INTEGER), "ticket"));
    surveys.mount(api, this::authenticated, this::anonymousWrite);
    extensions.forEach(e -> e.mount(router, api, this::authenticated));
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
        .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS)
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

  /**
   * Wrong passwords are counted per user name and per client address; past either limit the
   * sign-in is refused before the password is even checked.
   */
  private void login(RoutingContext ctx) {
    JsonObject body = Requests.parse(ctx.body().buffer(),
        Map.of("username", Type.STRING, "password", Type.STRING), "username", "password");
    String userKey = "login-user:" + body.getString("username").trim().toLowerCase(java.util.Locale.ROOT);
    String addressKey = "login-address:" + address(ctx);
    long wait = Math.max(limiter.peek(userKey, limits.loginFailuresPerUser()),
        limiter.peek(addressKey, limits.loginFailuresPerAddress()));
    if (wait > 0) {
      ctx.fail(new Throttled(wait));
      return;
    }
    vertx.eventBus().<Object>request(Addresses.QUEUE_COMMANDS, body,
            new DeliveryOptions().addHeader("action", "login").setLocalOnly(true))
        .onSuccess(reply -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(reply.body().toString()))
        .onFailure(err -> {
          if (err instanceof ReplyException r && r.failureCode() == ErrorCode.UNAUTHENTICATED.busCode()) {
            limiter.take(userKey, limits.loginFailuresPerUser(), limits.loginFailuresPerUser());
            limiter.take(addressKey, limits.loginFailuresPerAddress(), limits.loginFailuresPerAddress());
          }
          ctx.fail(err);
        });
  }

  /** Issuing is paced per issuer: a kiosk by its device, a signed-in user by name, anyone else by address. */
  private void throttleIssue(RoutingContext ctx) {
    Actor actor = ctx.get(ACTOR);
    String key = actor != null ? "issue:" + actor.role() + ":" + actor.name() : "issue-address:" + address(ctx);
    long wait = limiter.take(key, limits.issuePerMinute(), limits.issueBurst());
    if (wait > 0) {
      ctx.fail(new Throttled(wait));
    } else {
      ctx.next();
    }
  }

  /** Requests that need no token are paced per client address. */
  private void anonymousWrite(RoutingContext ctx) {
    long wait = limiter.take("anonymous:" + address(ctx), limits.anonymousPerMinute(), limits.anonymousBurst());
    if (wait > 0) {
      ctx.fail(new Throttled(wait));
    } else {
      ctx.next();
    }
  }

  private String address(RoutingContext ctx) {
    io.vertx.core.net.SocketAddress peer = ctx.request().remoteAddress();
    return clientAddress.of(peer == null ? "unknown" : peer.hostAddress(), ctx.request().getHeader("X-Forwarded-For"));
  }

  private void logout(RoutingContext ctx) {
    Requests.parse(ctx.body().buffer(), Map.of());
    auth.logout(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  /** The minimal form of a user's administration: activate or deactivate (administrators). */
  private void userActive(RoutingContext ctx) {
    JsonObject body = Requests.parse(ctx.body().buffer(), Map.of("active", Type.BOOLEAN), "active");
    auth.setActive(ctx.get(ACTOR), name(ctx, "username"), body.getBoolean("active"))
        .onSuccess(a -> ctx.json(new JsonObject().put("username", a.username()).put("role", a.role())
            .put("agency", a.agency()).put("displayName", a.displayName()).put("active", a.active())))
        .onFailure(ctx::fail);
  }

  private void issue(RoutingContext ctx) {
    JsonObject body = Requests.parse(ctx.body().buffer(), Map.of("service", Type.STRING, "channel", Type.STRING,
        "priority", Type.STRING, "requestId", Type.STRING, "print", Type.BOOLEAN), "service");
    command(ctx, "issue", ctx.get(ACTOR), body, 201);
  }

  private void counter(RoutingContext ctx, String action, Map<String, Type> fields, String... required) {
    JsonObject body = fields.isEmpty() ? new JsonObject() : Requests.parse(ctx.body().buffer(), fields, required);
    body.put("counter", ctx.pathParam("counter"));
    command(ctx, action, ctx.get(ACTOR), body);
  }

  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /** A user name or device id from the path; anything else (a NUL, a space, 1 KB) is refused before any query. */
  private static String name(RoutingContext ctx, String param) {
    String v = ctx.pathParam(param);
    if (v == null || !NAME.matcher(v).matches()) {
      throw Requests.invalid(param + " must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
    }
    return v;
  }

  private static long jobId(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("job"));
    } catch (NumberFormatException e) {
      throw Requests.invalid("print job id must be a number");
    }
  }

  /** The ticket of a print job as the printer would print it, rendered by the ESC/POS decoder. */
  private void preview(RoutingContext ctx) {
    String profile = ctx.queryParam("paper").isEmpty() ? "80" : ctx.queryParam("paper").get(0);
    try {
      PrinterProfile.named(profile);
    } catch (IllegalArgumentException e) {
      throw Requests.invalid("paper must be 58mm or 80mm");
    }
    JsonObject body = new JsonObject().put("job", jobId(ctx));
    Actor actor = ctx.get(ACTOR);
    body.put("actor", JsonViews.actor(actor));
    vertx.eventBus().<JsonObject>request(Addresses.QUEUE_COMMANDS, body, Deadlines.command("print-content", deadline))
        .compose(reply -> vertx.executeBlocking(() -> TicketPreview.png(reply.body(), profile)))
        .onSuccess(png -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/png").end(Buffer.buffer(png)))
        .onFailure(ctx::fail);
  }

  /**
   * The QR code of a ticket's tracking address, for the kiosk's screen. The address starts with the
   * one this request reached the server at, as the page's own location does, so the code on screen
   * opens the phone page on the address the kiosk uses. Public like the tracking itself: the
   * token is the key, and an unknown one gets 404.
   */
  private void trackingQr(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    HostAndPort authority = ctx.request().authority();
    if (!TicketQr.wellFormedToken(token)) {
      throw Requests.invalid("not a tracking token");
    }
    if (authority == null) {
      throw Requests.invalid("the request names no host");
    }
    String url = ctx.request().scheme() + "://" + authority + "/t/" + token;
    if (url.length() > TicketQr.MAX_TEXT) {
      throw Requests.invalid("host name too long for a QR code");
    }
    vertx.eventBus().request(Addresses.QUEUE_COMMANDS, new JsonObject().put("token", token),
            new DeliveryOptions().addHeader("action", "track").setLocalOnly(true))
        .map(known -> TicketQr.svg(url))
        .onSuccess(svg -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, TicketQr.CONTENT_TYPE)
            .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
            .end(svg))
        .onFailure(ctx::fail);
  }

  private void authenticated(RoutingContext ctx) {
    auth.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
        .timeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(actor -> {
          ctx.put(ACTOR, actor);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  private void command(RoutingContext ctx, String action, Actor actor, JsonObject body) {
    command(ctx, action, actor, body, 200);
  }

  private void command(RoutingContext ctx, String action, Actor actor, JsonObject body, int okStatus) {
    if (actor != null) {
      body.put("actor", JsonViews.actor(actor));
    }
    DeliveryOptions opts = Deadlines.command(action, deadline);
    vertx.eventBus().<Object>request(Addresses.QUEUE_COMMANDS, body, opts)
        .onSuccess(reply -> {
          Object answer = reply.body();
          if (answer == null) {
            ctx.response().setStatusCode(204).end();
          } else {
            ctx.response().setStatusCode(okStatus).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(answer.toString());
          }
        })
        .onFailure(ctx::fail);
  }

  private void failure(RoutingContext ctx) {
    Throwable err = ctx.failure();
    if (err instanceof QueueException q) {
      problem(ctx, q.code(), q.getMessage());
    } else if (err instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      problem(ctx, ErrorCode.ofBusCode(r.failureCode()), r.getMessage());
    } else if (err instanceof ReplyException) {
      // no answer within the deadline: the command may still commit, so the same requestId is safe
      problem(ctx, ErrorCode.UNAVAILABLE, PgErrors.UNAVAILABLE_DETAIL);
    } else if (PgErrors.classify(err).<Throwable>map(e -> e).orElse(null) instanceof QueueException q) {
      problem(ctx, q.code(), q.getMessage());
    } else {
      LOG.error("request {} {} failed", ctx.request().method(), LogText.safe(ctx.request().path()), err);
      problem(ctx, ErrorCode.INTERNAL, null);
    }
  }

  static void problem(RoutingContext ctx, ErrorCode code, String detail) {
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
        .end(Problems.body(code, detail, ctx.request().path()).encode());
  }
}
