package id.antre.server.queue;

import id.antre.server.domain.Ticket;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The print jobs and the printers' states as the print service needs them. Implemented by
 * {@code persistence.PrintStore}.
 */
public interface PrintRepository {

  /** A print job and the ticket it prints. */
  record Job(long id, String kiosk, String status, int attempts, String lastError, Ticket ticket) {
  }

  /** The stored outcome (PRINTED, QUEUED for a retry, FAILED) or empty when the job was not open. */
  record Result(String status, int attempts) {
  }

  /** A printer as managers see it; {@code stale}: its agent's node has not vouched for it lately. */
  record PrinterRow(String kiosk, String status, String detail, String agent, Instant updatedAt, long pending,
      long failed, boolean stale) {
  }

  Future<List<Job>> open(String kiosk);

  /** Cancels the kiosk's open jobs whose ticket is no longer waiting or was issued before {@code issuedBefore}. */
  Future<List<Job>> cancelStale(String kiosk, Instant now, Instant issuedBefore, String reason);

  Future<Optional<Job>> get(long id);

  Future<Void> markSent(long id, Instant at);

  Future<Optional<Result>> result(long id, String kiosk, boolean printed, String error, Instant at, int maxAttempts);

  Future<Boolean> cancel(long id, Instant at);

  /** @param connection the agent connection that reports it (null when unknown) */
  Future<Void> printerState(String kiosk, String status, String detail, String agent, Instant at, String connection);

  /** AGENT_OFFLINE if {@code connection} is the one that reported last; false when a newer one has. */
  Future<Boolean> agentGone(String kiosk, String connection, String detail, Instant at);

  /** The holding node's word that {@code connection} is still the kiosk's agent; false when it no longer is. */
  Future<Boolean> agentAlive(String kiosk, String connection);

  /** @param staleAfter a state not refreshed this long is {@link PrinterRow#stale()} */
  Future<List<PrinterRow>> printers(Duration staleAfter);
}
