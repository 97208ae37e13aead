package id.antre.server.realtime;

import id.antre.server.auth.Actor;
import id.antre.server.bus.Addresses;
import id.antre.server.bus.JsonViews;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every command the gateway gives the application, one typed method each. They travel as
 * {@link Addresses#QUEUE_COMMANDS} requests on this node (local only) with an {@code action}
 * header; this class is the only part of the gateway that knows those names. Failures arrive as
 * {@code ReplyException}s carrying the error code ({@code WsErrors} maps them).
 */
final class GatewayCommands {
  private final Vertx vertx;

  GatewayCommands(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The newest call's seq in the event log (0 when there is none). */
  Future<Long> latestCallSeq() {
    return request("latest-call-seq", new JsonObject()).map(j -> j.getLong("seq"));
  }

  /** A page of calls after {@code since}, oldest first. */
  record Calls(long seq, JsonArray calls) {
  }

  /**
   * @param zone  a zone, or null for the whole hall
   * @param since the seq after which calls are wanted (0: the latest {@code limit})
   */
  Future<Calls> calls(String zone, long since, int limit) {
    return request("calls", new JsonObject().put("since", since).put("zone", zone).put("limit", limit))
        .map(j -> new Calls(j.getLong("seq"), j.getJsonArray("calls")));
  }

  /** {@code {"queues":[...]}}: waiting visitors per service. */
  Future<JsonObject> queues() {
    return request("queues", new JsonObject());
  }

  /** {@code {"runningText":...}}: the hall's running text. */
  Future<JsonObject> runningText() {
    return request("running-text", new JsonObject());
  }

  /** {@code {"counters":[...]}}: every counter as the screens see it, without officer names. */
  Future<JsonObject> publicCounters() {
    return request("counters-public", new JsonObject());
  }

  /** One counter's full state, as its own terminals see it (the actor must be allowed to). */
  Future<JsonObject> counter(String counter, Actor actor) {
    return request("counter", new JsonObject().put("counter", counter).put("actor", JsonViews.actor(actor)));
  }

  /** A ticket followed by its tracking token. */
  Future<JsonObject> track(String trackingToken) {
    return request("track", new JsonObject().put("token", trackingToken));
  }

  /** A kiosk's printer as last reported ({@code status} UNKNOWN when it never reported). */
  Future<JsonObject> printerState(String kiosk) {
    return request("printer-state", new JsonObject().put("kiosk", kiosk));
  }

  /** The print jobs of a kiosk still to print (stale ones are cancelled on the way). */
  Future<JsonArray> pendingPrintJobs(String kiosk) {
    return request("print-pending", new JsonObject().put("kiosk", kiosk)).map(j -> j.getJsonArray("jobs"));
  }

  /**
   * A print agent's report on one job; answers the stored outcome.
   *
   * @param reason why it failed, or null
   */
  Future<JsonObject> printResult(Actor agent, long job, boolean printed, String reason) {
    return request("print-result", new JsonObject().put("job", job).put("printed", printed).put("error", reason)
        .put("actor", JsonViews.actor(agent)));
  }

  /**
   * A print agent's report on its printer; answers the stored state.
   *
   * @param connection the reporting connection's claim key, so an older connection cannot overwrite a newer one's report
   */
  Future<JsonObject> printerStatus(Actor agent, String status, String detail, String connection) {
    return request("printer-status", new JsonObject().put("status", status).put("detail", detail)
        .put("connection", connection).put("actor", JsonViews.actor(agent)));
  }

  /** A kiosk's print agent connection closed; its printer is offline unless a newer one reported since. */
  Future<JsonObject> printerAgentGone(Actor agent, String connection) {
    return request("printer-agent-gone", new JsonObject().put("connection", connection)
        .put("actor", JsonViews.actor(agent)));
  }

  private Future<JsonObject> request(String action, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(Addresses.QUEUE_COMMANDS, body,
        new DeliveryOptions().addHeader("action", action).setLocalOnly(true)).map(m -> m.body());
  }
}
