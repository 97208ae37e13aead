package id.antre.server.queue;

import id.antre.server.auth.Actor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Tickets on paper: what managers and kiosks see of the printers, and what print agents report.
 * Answers are the JSON the agents and pages read (their shape is the print protocol).
 */
public interface Printing {

  /** Every kiosk printer's state and its open and failed jobs (staff). */
  Future<JsonArray> printers(Actor actor);

  /** The last known state of one kiosk's printer, or UNKNOWN when it never reported. */
  Future<JsonObject> printerState(String kiosk);

  /** Every job of the kiosk still to print, as print commands. */
  Future<List<JsonObject>> pending(String kiosk);

  /** The agent's answer for a job. */
  Future<JsonObject> result(Actor agent, long jobId, boolean printed, String error);

  /** @param connection the agent connection that reports, so its later close is told from a newer one's */
  Future<JsonObject> printerStatus(Actor agent, String status, String detail, String connection);

  /** The agent's connection closed: AGENT_OFFLINE unless a newer connection reported since. */
  Future<JsonObject> agentGone(Actor agent, String connection);

  /** A manager cancels a job not printed yet. */
  Future<JsonObject> cancel(Actor actor, long jobId);

  /** A job's printed content with its state (staff), for the preview. */
  Future<JsonObject> jobContent(Actor actor, long jobId);
}
