package id.antre.server.api;

import id.antre.server.api.Requests.Type;
import id.antre.server.auth.Actor;
import id.antre.server.auth.SignIn;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.view.Views;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;

/** Signing in and out; every sign-in, refused or not, is in the audit trail. */
final class AuthRoutes implements RouteGroup {
  private final ApiContext http;
  private final SignIn auth;

  AuthRoutes(ApiContext http) {
    this.http = http;
    this.auth = http.auth();
  }

  @Override
  public void mount(Router api) {
    api.post("/auth/login").handler(this::login);
    api.post("/auth/logout").handler(this::logout);
  }

  /**
   * Wrong passwords are counted per user name and per client address; past either limit the
   * sign-in is refused before the password is even checked.
   */
  private void login(RoutingContext ctx) {
    JsonObject body = Requests.parse(ctx.body().buffer(),
        Map.of("username", Type.STRING, "password", Type.STRING), "username", "password");
    RateLimits limits = http.limits();
    String userKey = "login-user:" + body.getString("username").trim().toLowerCase(Locale.ROOT);
    String addressKey = "login-address:" + http.address(ctx);
    long wait = Math.max(http.limiter().peek(userKey, limits.loginFailuresPerUser()),
        http.limiter().peek(addressKey, limits.loginFailuresPerAddress()));
    if (wait > 0) {
      ctx.fail(new Throttled(wait));
      return;
    }
    // not bound by the command deadline: the password hash is slow by design, on a worker thread
    String address = http.address(ctx);
    String typed = body.getString("username").trim();
    String named = typed.length() > 64 ? typed.substring(0, 64) : typed;
    // every sign-in is in the audit trail, refused ones too; never with the password
    http.respond(ctx, 200, auth.login(body.getString("username"), body.getString("password"))
        .compose(login -> http.audit().record(login.actor(), address, "auth.login", login.actor().name(), null,
            new JsonObject().put("role", login.actor().role().name().toLowerCase(Locale.ROOT))).map(v -> login))
        .map(Views::login)
        .recover(err -> {
          if (err instanceof QueueException q && q.code() == ErrorCode.UNAUTHENTICATED) {
            http.limiter().take(userKey, limits.loginFailuresPerUser(), limits.loginFailuresPerUser());
            http.limiter().take(addressKey, limits.loginFailuresPerAddress(), limits.loginFailuresPerAddress());
            return http.audit().record(new Actor(named, null, null), address, "auth.login.failed", named, null, null)
                .transform(x -> io.vertx.core.Future.failedFuture(err));
          }
          return io.vertx.core.Future.failedFuture(err);
        }));
  }

  private void logout(RoutingContext ctx) {
    Requests.parse(ctx.body().buffer(), Map.of());
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    // who signs out is read before the session ends; logout itself refuses what is not a valid sign-in
    auth.authenticate(authorization).recover(e -> io.vertx.core.Future.succeededFuture(null))
        .compose(actor -> auth.logout(authorization).compose(v -> http.audit().record(actor, http.address(ctx),
            "auth.logout", actor == null ? null : actor.name(), null, null)))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }
}
