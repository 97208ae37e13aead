package id.antre.server.api;

import id.antre.server.api.Requests.Type;
import id.antre.server.queue.Issuing;
import id.antre.server.view.Views;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Taking a ticket, following it, its QR code, giving it back. */
final class TicketRoutes implements RouteGroup {
  private static final Map<String, Type> ISSUE_FIELDS = Map.of("service", Type.STRING, "channel", Type.STRING,
      "priority", Type.STRING, "requestId", Type.STRING, "print", Type.BOOLEAN);

  private final ApiContext http;
  private final Issuing issuing;
  private final Views views;

  TicketRoutes(ApiContext http) {
    this.http = http;
    this.issuing = http.app().issuing();
    this.views = http.views();
  }

  @Override
  public void mount(Router api) {
    api.post("/tickets").handler(http::authenticated).handler(this::throttleIssue).handler(this::issue);
    api.get("/tickets/:token").handler(this::track);
    api.get("/tickets/:token/qr.svg").handler(this::trackingQr);
    api.post("/tickets/:token/cancel").handler(http::anonymousWrite).handler(this::cancel);
  }

  /** Issuing is paced per issuer: a kiosk by its device, a signed-in user by name, anyone else by address. */
  private void throttleIssue(RoutingContext ctx) {
    var actor = http.actor(ctx);
    String key = actor != null ? "issue:" + actor.role() + ":" + actor.name() : "issue-address:" + http.address(ctx);
    long wait = http.limiter().take(key, http.limits().issuePerMinute(), http.limits().issueBurst());
    if (wait > 0) {
      ctx.fail(new Throttled(wait));
    } else {
      ctx.next();
    }
  }

  private void issue(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(), ISSUE_FIELDS, "service");
    Issuing.IssueRequest request = new Issuing.IssueRequest(b.getString("service"), b.getString("channel"),
        b.getString("priority"), b.getString("requestId"), b.getBoolean("print", true));
    http.answer(ctx, 201, () -> issuing.issue(http.actor(ctx), request).map(views::issued));
  }

  private void track(RoutingContext ctx) {
    http.answer(ctx, () -> issuing.track(ctx.pathParam("token")).map(views::tracking));
  }

  private void cancel(RoutingContext ctx) {
    Requests.parse(ctx.body().buffer(), Map.of("requestId", Type.STRING));
    http.answer(ctx, () -> issuing.cancel(ctx.pathParam("token")).map(views::ticket));
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
    http.deadline(ctx).run(() -> issuing.track(token))
        .map(known -> TicketQr.svg(url))
        .onSuccess(svg -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, TicketQr.CONTENT_TYPE)
            .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
            .end(svg))
        .onFailure(ctx::fail);
  }
}
