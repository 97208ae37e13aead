package id.antre.server.api;

import id.antre.server.api.Requests.Type;
import id.antre.server.auth.Actor;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.queue.CounterActions;
import id.antre.server.queue.CounterAdmin;
import id.antre.server.view.Views;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The counter terminal's presses and the counters' administration; every route needs a signed-in caller. */
final class CounterRoutes implements RouteGroup {
  /** The waiting list an officer picks from, at most. */
  static final int WAITING_LIMIT = 200;
  private static final Map<String, Type> REQUEST_ONLY = Map.of("requestId", Type.STRING);

  private final ApiContext http;
  private final CounterActions actions;
  private final CounterAdmin admin;
  private final Views views;

  CounterRoutes(ApiContext http) {
    this.http = http;
    this.actions = http.app().counterActions();
    this.admin = http.app().counterAdmin();
    this.views = http.views();
  }

  @Override
  public void mount(Router api) {
    api.route("/counters").handler(http::authenticated);
    api.get("/counters").handler(this::counters);
    api.route("/counters/*").handler(http::authenticated);
    api.get("/counters/:counter").handler(this::counter);
    api.get("/counters/:counter/waiting").handler(this::waiting);
    api.post("/counters/:counter/call").handler(this::callTicket);
    api.post("/counters/:counter/services").handler(this::setServices);
    api.get("/counters/:counter/held").handler(this::held);
    api.post("/counters/:counter/call-next").handler(this::callNext);
    api.post("/counters/:counter/recall").handler(this::recall);
    api.post("/counters/:counter/start").handler(this::start);
    api.post("/counters/:counter/no-show").handler(this::noShow);
    api.post("/counters/:counter/open").handler(this::open);
    api.post("/counters/:counter/close").handler(this::close);
    api.post("/counters/:counter/finish").handler(this::finish);
    api.post("/counters/:counter/pause").handler(this::pause);
    api.post("/counters/:counter/hold").handler(this::hold);
    api.post("/counters/:counter/transfer").handler(this::transfer);
    api.post("/counters/:counter/resume").handler(this::resume);
  }

  // ------------------------------------------------------------ reading

  private void counters(RoutingContext ctx) {
    http.answer(ctx, () -> admin.counters(http.actor(ctx)).map(views::counters));
  }

  private void counter(RoutingContext ctx) {
    http.answer(ctx, () -> admin.counter(http.actor(ctx), id(ctx)).map(views::desk));
  }

  private void waiting(RoutingContext ctx) {
    http.answer(ctx, () -> actions.waiting(http.actor(ctx), id(ctx), WAITING_LIMIT).map(views::tickets));
  }

  private void held(RoutingContext ctx) {
    http.answer(ctx, () -> actions.held(http.actor(ctx), id(ctx)).map(views::tickets));
  }

  // ------------------------------------------------------------ the officer's presses

  private void callNext(RoutingContext ctx) {
    String requestId = requestOnly(ctx);
    http.answer(ctx, () -> actions.callNext(http.actor(ctx), id(ctx), requestId)
        .map(t -> t.map(views::pressed).orElse(null)));
  }

  private void recall(RoutingContext ctx) {
    String requestId = requestOnly(ctx);
    http.answer(ctx, () -> actions.recall(http.actor(ctx), id(ctx), requestId).map(views::pressed));
  }

  private void start(RoutingContext ctx) {
    String requestId = requestOnly(ctx);
    http.answer(ctx, () -> actions.start(http.actor(ctx), id(ctx), requestId).map(views::pressed));
  }

  private void noShow(RoutingContext ctx) {
    String requestId = requestOnly(ctx);
    http.answer(ctx, () -> actions.noShow(http.actor(ctx), id(ctx), requestId).map(views::pressed));
  }

  private void finish(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(), Map.of("requestId", Type.STRING, "outcome", Type.STRING));
    http.answer(ctx, () -> actions.finish(http.actor(ctx), id(ctx), b.getString("outcome"), b.getString("requestId"))
        .map(views::pressed));
  }

  private void hold(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(), Map.of("requestId", Type.STRING, "note", Type.STRING));
    http.answer(ctx, () -> actions.hold(http.actor(ctx), id(ctx), b.getString("note"), b.getString("requestId"))
        .map(views::pressed));
  }

  private void transfer(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(),
        Map.of("requestId", Type.STRING, "service", Type.STRING, "note", Type.STRING, "force", Type.BOOLEAN), "service");
    http.answer(ctx, () -> actions.transfer(http.actor(ctx), id(ctx), b.getString("service"), b.getString("note"),
        b.getString("requestId"), b.getBoolean("force", false)).map(views::pressed));
  }

  private void resume(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(), Map.of("requestId", Type.STRING, "ticket", Type.INTEGER),
        "ticket");
    http.answer(ctx, () -> actions.resume(http.actor(ctx), id(ctx), b.getLong("ticket"), b.getString("requestId"))
        .map(views::ticket));
  }

  private void callTicket(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(),
        Map.of("requestId", Type.STRING, "ticket", Type.INTEGER, "reason", Type.STRING), "ticket", "reason");
    http.answer(ctx, () -> actions.callTicket(http.actor(ctx), id(ctx), b.getLong("ticket"), b.getString("reason"),
        b.getString("requestId")).map(views::pressed));
  }

  // ------------------------------------------------------------ administration

  private void open(RoutingContext ctx) {
    requestOnly(ctx);
    http.answer(ctx, () -> admin.open(http.actor(ctx), id(ctx)).map(views::counter));
  }

  private void close(RoutingContext ctx) {
    requestOnly(ctx);
    http.answer(ctx, () -> admin.close(http.actor(ctx), id(ctx)).map(views::counter));
  }

  private void pause(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(), Map.of("requestId", Type.STRING, "reason", Type.STRING));
    http.answer(ctx, () -> admin.pause(http.actor(ctx), id(ctx), b.getString("reason")).map(views::counter));
  }

  private void setServices(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(), Map.of("services", Type.ARRAY, "weights", Type.OBJECT),
        "services");
    List<String> services = b.getJsonArray("services").stream().map(String::valueOf).toList();
    Map<String, Integer> weights = weights(b.getJsonObject("weights"));
    Actor actor = http.actor(ctx);
    http.answer(ctx, () -> admin.setServices(actor, id(ctx), services, weights).map(views::counter));
  }

  // ------------------------------------------------------------ helpers

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("counter");
  }

  private static String requestOnly(RoutingContext ctx) {
    return Requests.parse(ctx.body().buffer(), REQUEST_ONLY).getString("requestId");
  }

  private static Map<String, Integer> weights(JsonObject w) {
    Map<String, Integer> out = new HashMap<>();
    if (w != null) {
      w.forEach(e -> {
        if (!(e.getValue() instanceof Integer i)) {
          throw new QueueException(ErrorCode.INVALID_REQUEST, "weights must be whole numbers");
        }
        out.put(e.getKey(), i);
      });
    }
    return out;
  }
}
