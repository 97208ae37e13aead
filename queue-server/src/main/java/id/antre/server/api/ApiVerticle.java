package id.antre.server.api;

import id.antre.printer.PrinterProfile;
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
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
  private final Duration deadline;
  private HttpServer server;
  private Gateway gateway;

  /**
   * @param deadline how long a command may take, from its arrival to its answer
   */
  public ApiVerticle(int port, AuthService auth, Supplier<Future<Void>> readiness, GatewayOptions gatewayOptions,
      java.util.Optional<String> audioDir, Duration deadline) {
    this.audioDir = audioDir;
    this.deadline = deadline;
    this.port = port;
    this.auth = auth;
    this.readiness = readiness;
    this.gatewayOptions = gatewayOptions;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    gateway = new Gateway(vertx, auth, gatewayOptions);
    router.route().handler(Edge::handle);
    router.get("/ws").handler(this::webSocket);
    router.get("/health/ready").handler(this::ready);
    router.get("/health/live").handler(ctx -> ctx.response().end("ok"));

    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    Buffer openApi = vertx.fileSystem().readFileBlocking("openapi/openapi.yaml");
    api.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").end(openApi));
    api.post("/auth/login").handler(this::login);
    api.get("/hall").handler(ctx -> command(ctx, "hall", null, new JsonObject()));
    api.get("/queues").handler(ctx -> command(ctx, "queues", null, new JsonObject()));
    api.put("/hall/running-text").handler(this::authenticated).handler(ctx -> {
      JsonObject body = Requests.parse(ctx.body().buffer(), Map.of("text", Type.STRING_OR_EMPTY), "text");
      command(ctx, "running-text", ctx.get(ACTOR), body);
    });
    api.post("/tickets").handler(this::authenticated).handler(this::issue);
    api.get("/tickets/:token").handler(ctx -> command(ctx, "track", null,
        new JsonObject().put("token", ctx.pathParam("token"))));
    api.post("/tickets/:token/cancel").handler(ctx -> {
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
        Map.of("requestId", Type.STRING, "service", Type.STRING, "note", Type.STRING), "service"));
    api.post("/counters/:counter/resume").handler(ctx -> counter(ctx, "resume",
        Map.of("requestId", Type.STRING, "ticket", Type.INTEGER), "ticket"));
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
    return gateway == null ? Future.succeededFuture() : gateway.stop();
  }

  public Gateway gateway() {
    return gateway;
  }

  public int actualPort() {
    return server.actualPort();
  }

  // ---------------------------------------------------------------- handlers

  private void webSocket(RoutingContext ctx) {
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (!Origins.allowed(origin, ctx.request().authority() == null ? null : ctx.request().authority().toString(),
        gatewayOptions.allowedOrigins())) {
      problem(ctx, ErrorCode.FORBIDDEN, "origin not allowed: " + origin);
      return;
    }
    // a plain GET, or a handshake Netty refuses, is the client's mistake: 400, not a server error
    ctx.request().toWebSocket().onSuccess(gateway::accept)
        .onFailure(e -> problem(ctx, ErrorCode.INVALID_REQUEST, "a WebSocket upgrade is expected here"));
  }

  private void ready(RoutingContext ctx) {
    readiness.get().timeout(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(v -> ctx.json(new JsonObject().put("status", "ready")))
        .onFailure(e -> problem(ctx, ErrorCode.UNAVAILABLE, "database not reachable"));
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Requests.parse(ctx.body().buffer(),
        Map.of("username", Type.STRING, "password", Type.STRING), "username", "password");
    command(ctx, "login", null, body);
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
    if (code == ErrorCode.UNAVAILABLE) {
      ctx.response().putHeader("Retry-After", RETRY_AFTER);
    }
    ctx.response().setStatusCode(Problems.status(code)).putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
        .end(Problems.body(code, detail, ctx.request().path()).encode());
  }
}
