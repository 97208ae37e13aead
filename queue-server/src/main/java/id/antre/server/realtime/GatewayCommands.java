package id.antre.server.realtime;

import id.antre.server.auth.Actor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Every command the gateway gives the application, one typed method each, in the shapes the
 * gateway's parts use; the only part of the gateway that knows the {@link GatewayPort}. Failures
 * arrive as {@code QueueException}s ({@code WsErrors} maps them).
 */
final class GatewayCommands {
  private final GatewayPort app;

  GatewayCommands(GatewayPort app) {
    this.app = app;
  }

  /** A page of calls after {@code since}, oldest first. */
  record Calls(long seq, JsonArray calls) {
  }

  /**
   * @param zone  a zone, or null for the whole hall
   * @param since the seq after which calls are wanted (0: the latest {@code limit})
   */
  Future<Calls> calls(String zone, long since, int limit) {
    return app.calls(since, zone, limit).map(j -> new Calls(j.getLong("seq"), j.getJsonArray("calls")));
  }

  /** The positions of the latest calls after {@code since}, newest first, at most {@code limit}. */
  Future<List<Long>> callSeqs(long since, int limit) {
    return app.callSeqs(since, limit);
  }

  /** The calls at these positions, oldest first. */
  Future<List<JsonObject>> callsAt(List<Long> seqs) {
    return app.callsAt(seqs).map(j -> {
      List<JsonObject> calls = new ArrayList<>();
      j.getJsonArray("calls").forEach(c -> calls.add((JsonObject) c));
      return calls;
    });
  }

  /** {@code {"queues":[...]}}: waiting visitors per service. */
  Future<JsonObject> queues() {
    return app.queues();
  }

  /** {@code {"runningText":...}}: the hall's running text. */
  Future<JsonObject> runningText() {
    return app.runningText();
  }

  /** {@code {"counters":[...]}}: every counter as the screens see it, without officer names. */
  Future<JsonObject> publicCounters() {
    return app.publicCounters();
  }

  /** One counter's full state, as its own terminals see it (the actor must be allowed to). */
  Future<JsonObject> counter(String counter, Actor actor) {
    return app.counter(actor, counter);
  }

  /** A ticket followed by its tracking token. */
  Future<JsonObject> track(String trackingToken) {
    return app.tracking(trackingToken);
  }

  /** A kiosk's printer as last reported ({@code status} UNKNOWN when it never reported). */
  Future<JsonObject> printerState(String kiosk) {
    return app.printerState(kiosk);
  }

  /** The print jobs of a kiosk still to print (stale ones are cancelled on the way). */
  Future<JsonArray> pendingPrintJobs(String kiosk) {
    return app.pendingJobs(kiosk).map(JsonArray::new);
  }

  /**
   * A print agent's report on one job; answers the stored outcome.
   *
   * @param reason why it failed, or null
   */
  Future<JsonObject> printResult(Actor agent, long job, boolean printed, String reason) {
    return app.printResult(agent, job, printed, reason);
  }

  /**
   * A print agent's report on its printer; answers the stored state.
   *
   * @param connection the reporting connection's claim key, so an older connection cannot overwrite a newer one's report
   */
  Future<JsonObject> printerStatus(Actor agent, String status, String detail, String connection) {
    return app.printerStatus(agent, status, detail, connection);
  }

  /** A kiosk's print agent connection closed; its printer is offline unless a newer one reported since. */
  Future<JsonObject> printerAgentGone(Actor agent, String connection) {
    return app.agentGone(agent, connection);
  }
}
