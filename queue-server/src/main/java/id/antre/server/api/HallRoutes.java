package id.antre.server.api;

import id.antre.server.api.Requests.Type;
import id.antre.server.queue.HallOverview;
import id.antre.server.view.Views;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** The hall as the kiosk and the managers see it, and its running text. */
final class HallRoutes implements RouteGroup {
  private final ApiContext http;
  private final HallOverview overview;
  private final Views views;

  HallRoutes(ApiContext http) {
    this.http = http;
    this.overview = http.app().overview();
    this.views = http.views();
  }

  @Override
  public void mount(Router api) {
    api.get("/hall").handler(this::hall);
    api.get("/queues").handler(this::queues);
    api.put("/hall/running-text").handler(http::authenticated).handler(this::setRunningText);
  }

  private void hall(RoutingContext ctx) {
    http.answer(ctx, () -> overview.runningText().compose(text -> overview.services().compose(services ->
        overview.counters().map(counters -> views.hall(text, services, counters, overview.today())))));
  }

  private void queues(RoutingContext ctx) {
    http.answer(ctx, () -> overview.services().map(services -> views.queues(services, overview.now())));
  }

  private void setRunningText(RoutingContext ctx) {
    JsonObject body = Requests.parse(ctx.body().buffer(), Map.of("text", Type.STRING_OR_EMPTY), "text");
    http.answer(ctx, () -> overview.runningText(http.actor(ctx), body.getString("text")).map(views::runningText));
  }
}
