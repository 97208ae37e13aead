package id.antre.server.queue;

import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The tickets as the application services need them: issuing, reading, and each transition
 * committed in one step that checks the ticket is still where the domain saw it. A request id
 * is taken once: a repeated one answers with what it did the first time. Implemented by
 * {@code persistence.TicketStore}; the unit tests use an in-memory one.
 */
public interface TicketRepository {

  /** What issuing needs besides the service code. */
  record IssueRequest(String service, LocalDate day, int quota, String prefix, String priority, String channel,
      String trackingToken, String requestId, Instant at, double minutesPerPerson, String printKiosk) {
  }

  /** An issued ticket and its print job, if its kiosk prints. */
  record IssueResult(Ticket ticket, Long printJob) {
  }

  /** The ticket and event type that a request id already produced. */
  record Replay(String eventType, String counterId, Ticket ticket) {
  }

  /** A ticket transition as the domain decided it. */
  record TransitionRequest(long ticketId, TicketStatus from, TicketStatus to, int recallCount, String eventType,
      Instant at, String outcome, String counterId, String officer, String requestId, JsonObject data,
      boolean counterKeepsTicket) {
  }

  /** Empty when the quota is exhausted; a repeated request id answers with the first ticket. */
  Future<Optional<IssueResult>> issue(IssueRequest r);

  /** The ticket a request id already issued, with its print job, if any. */
  Future<Optional<IssueResult>> issuedByRequest(String requestId);

  Future<Optional<Ticket>> ticketById(long id);

  Future<Optional<Ticket>> ticketByToken(String token);

  /** Waiting tickets of the same service and day issued before this one. */
  Future<Integer> aheadOf(Ticket t);

  /** The ticket and event type that a request id already produced, if any. */
  Future<Optional<Replay>> replay(String requestId);

  /** Empty when the ticket is no longer in the expected status (somebody else moved it). */
  Future<Optional<Ticket>> transition(TransitionRequest r);

  /** Returns the new waiting ticket in the target service; empty when the ticket was not serving. */
  Future<Optional<Ticket>> transfer(long ticketId, String targetService, Instant at, String counterId,
      String officer, String requestId, String note, String outcome);

  /** Empty when the ticket is not waiting in these services today or the counter is not free. */
  Future<Optional<Ticket>> callTicket(String counterId, long ticketId, List<String> services, String officer,
      Instant now, String requestId, JsonObject data, LocalDate day);

  /** The waiting tickets of some services, oldest first. */
  Future<List<Ticket>> waitingOf(LocalDate day, List<String> services, int limit);

  /** The held tickets of some services. */
  Future<List<Ticket>> held(LocalDate day, List<String> services);

  /**
   * Whether a failure is a concurrent repeat of a request id that lost the race to the first:
   * the caller then answers with {@link #replay} of it.
   */
  boolean isRequestReplay(Throwable err);
}
