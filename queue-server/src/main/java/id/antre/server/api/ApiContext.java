package id.antre.server.api;

import id.antre.server.audit.AuditTrail;
import id.antre.server.auth.Actor;
import id.antre.server.auth.SignIn;
import id.antre.server.queue.Application;
import id.antre.server.queue.Deadline;
import id.antre.server.view.Views;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What every route family shares: the application, the JSON views, sign-in, rate limits, the
 * command deadline, and the few steps every handler takes (sign the caller in, pace it, run the
 * command, answer).
 */
public final class ApiContext {
  private static final String ACTOR = "actor";
  private static final String DEADLINE = "deadline";
  /** What a device's client says it is ({@code kiosk/0.1.0}, web/common/client.js); shown in the device list. */
  public static final String CLIENT_HEADER = "X-Antre-Client";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final Vertx vertx;
  private final Application app;
  private final Views views;
  private final SignIn auth;
  private final RateLimiter limiter;
  private final RateLimits limits;
  private final ClientAddress clientAddress;
  private final Duration deadline;
  private AuditTrail audit = AuditTrail.NONE;

  public ApiContext(Vertx vertx, Application app, SignIn auth, RateLimiter limiter, RateLimits limits,
      Duration deadline) {
    this.vertx = vertx;
    this.app = app;
    this.views = new Views(app.hall(), app.issuing());
    this.auth = auth;
    this.limiter = limiter;
    this.limits = limits;
    this.clientAddress = new ClientAddress(limits.trustedProxies());
    this.deadline = deadline;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Application app() {
    return app;
  }

  public Views views() {
    return views;
  }

  public SignIn auth() {
    return auth;
  }

  /** Where administrative changes and sign-ins are recorded (AntreServer's audit store). */
  public AuditTrail audit() {
    return audit;
  }

  ApiContext audit(AuditTrail trail) {
    this.audit = trail;
    return this;
  }

  RateLimiter limiter() {
    return limiter;
  }

  RateLimits limits() {
    return limits;
  }

  /** The first handler of every request: its command deadline starts when it arrives. */
  void arrived(RoutingContext ctx) {
    ctx.put(DEADLINE, Deadline.after(deadline));
    ctx.next();
  }

  Deadline deadline(RoutingContext ctx) {
    Deadline d = ctx.get(DEADLINE);
    return d != null ? d : Deadline.after(deadline);
  }

  /** The signed-in caller (after {@link #authenticated}). */
  public Actor actor(RoutingContext ctx) {
    return ctx.get(ACTOR);
  }

  /** A guard: the caller signs in with its bearer token, within the request's deadline. */
  public void authenticated(RoutingContext ctx) {
    deadline(ctx).run(() -> auth.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)))
        .onSuccess(actor -> {
          ctx.put(ACTOR, actor);
          String client = ctx.request().getHeader(CLIENT_HEADER);
          if (client != null) {
            auth.seen(actor, client);
          }
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  /** A guard: requests that need no token are paced per client address. */
  public void anonymousWrite(RoutingContext ctx) {
    long wait = limiter.take("anonymous:" + address(ctx), limits.anonymousPerMinute(), limits.anonymousBurst());
    if (wait > 0) {
      ctx.fail(new Throttled(wait));
    } else {
      ctx.next();
    }
  }

  /** The client's address, as the trusted proxies tell it. */
  String address(RoutingContext ctx) {
    SocketAddress peer = ctx.request().remoteAddress();
    return clientAddress.of(peer == null ? "unknown" : peer.hostAddress(), ctx.request().getHeader("X-Forwarded-For"));
  }

  /** Runs a command within the request's deadline and answers its JSON with 200. */
  public void answer(RoutingContext ctx, Supplier<Future<JsonObject>> command) {
    answer(ctx, 200, command);
  }

  /** Runs a command within the request's deadline and answers its JSON (204 when there is none). */
  public void answer(RoutingContext ctx, int okStatus, Supplier<Future<JsonObject>> command) {
    respond(ctx, okStatus, deadline(ctx).run(command));
  }

  /** Answers the JSON of an answer that is not bound by the deadline (204 when there is none). */
  void respond(RoutingContext ctx, int okStatus, Future<JsonObject> answer) {
    answer.onSuccess(json -> {
      if (json == null) {
        ctx.response().setStatusCode(204).end();
      } else {
        ctx.response().setStatusCode(okStatus).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(json.encode());
      }
    }).onFailure(ctx::fail);
  }

  /** A user name or device id from the path; anything else (a NUL, a space, 1 KB) is refused before any query. */
  static String name(RoutingContext ctx, String param) {
    String v = ctx.pathParam(param);
    if (v == null || !NAME.matcher(v).matches()) {
      throw Requests.invalid(param + " must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
    }
    return v;
  }
}
