package id.antre.server.api;

import id.antre.server.api.Requests.Type;
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

/** Signing in and out, and the minimal administration of users and devices. */
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
    api.patch("/users/:username").handler(http::authenticated).handler(this::userActive);
    api.delete("/devices/:device").handler(http::authenticated).handler(this::revokeDevice);
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
    http.respond(ctx, 200, auth.login(body.getString("username"), body.getString("password")).map(Views::login)
        .onFailure(err -> {
          if (err instanceof QueueException q && q.code() == ErrorCode.UNAUTHENTICATED) {
            http.limiter().take(userKey, limits.loginFailuresPerUser(), limits.loginFailuresPerUser());
            http.limiter().take(addressKey, limits.loginFailuresPerAddress(), limits.loginFailuresPerAddress());
          }
        }));
  }

  private void logout(RoutingContext ctx) {
    Requests.parse(ctx.body().buffer(), Map.of());
    auth.logout(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  /** The minimal form of a user's administration: activate or deactivate (administrators). */
  private void userActive(RoutingContext ctx) {
    JsonObject body = Requests.parse(ctx.body().buffer(), Map.of("active", Type.BOOLEAN), "active");
    auth.setActive(http.actor(ctx), ApiContext.name(ctx, "username"), body.getBoolean("active"))
        .onSuccess(a -> ctx.json(new JsonObject().put("username", a.username()).put("role", a.role())
            .put("agency", a.agency()).put("displayName", a.displayName()).put("active", a.active())))
        .onFailure(ctx::fail);
  }

  private void revokeDevice(RoutingContext ctx) {
    auth.revokeDevice(http.actor(ctx), ApiContext.name(ctx, "device"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }
}
