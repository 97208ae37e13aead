package id.antre.server.realtime;

import id.antre.server.auth.Actor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Everything the gateway asks of the application: snapshots for subscribers and print agents'
 * reports. Typed calls, answered in the JSON the clients receive; each one within the command
 * deadline (a call that could not start in time fails UNAVAILABLE without starting).
 */
public interface GatewayPort {

  /** {@code {seq, calls:[...]}}: calls after {@code since} (all zones when zone is null), at most {@code limit}. */
  Future<JsonObject> calls(long since, String zone, int limit);

  /** The positions of the latest calls after {@code since} (all zones), at most {@code limit}. */
  Future<List<Long>> callSeqs(long since, int limit);

  /** {@code {calls:[...]}}: the calls at these positions, oldest first. */
  Future<JsonObject> callsAt(List<Long> seqs);

  /** {@code {queues:[...]}}. */
  Future<JsonObject> queues();

  /** {@code {runningText}}. */
  Future<JsonObject> runningText();

  /** {@code {counters:[...]}} without officer names. */
  Future<JsonObject> publicCounters();

  /** A counter as its terminal sees it, for an actor who may act for it. */
  Future<JsonObject> counter(Actor actor, String counterId);

  /** A ticket as the visitor's phone sees it. */
  Future<JsonObject> tracking(String token);

  /** A kiosk printer's last known state. */
  Future<JsonObject> printerState(String kiosk);

  /** The print commands of the kiosk's jobs still open. */
  Future<List<JsonObject>> pendingJobs(String kiosk);

  /** A print agent's answer for a job. */
  Future<JsonObject> printResult(Actor agent, long job, boolean printed, String error);

  /** A print agent's report of its printer. */
  Future<JsonObject> printerStatus(Actor agent, String status, String detail, String connection);

  /** A print agent's connection closed. */
  Future<JsonObject> agentGone(Actor agent, String connection);
}
