package id.antre.server.queue;

import id.antre.server.auth.Actor;
import id.antre.server.domain.Ticket;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * What an officer does at a counter. Every press carries an optional request id: a repeated
 * press answers with the first outcome instead of acting twice.
 */
public interface CounterActions {

  /** Empty when nobody waits for this counter's services. */
  Future<Optional<Ticket>> callNext(Actor actor, String counterId, String requestId);

  Future<Ticket> recall(Actor actor, String counterId, String requestId);

  Future<Ticket> start(Actor actor, String counterId, String requestId);

  /** {@code outcome} null: the hall's first outcome. */
  Future<Ticket> finish(Actor actor, String counterId, String outcome, String requestId);

  Future<Ticket> noShow(Actor actor, String counterId, String requestId);

  Future<Ticket> hold(Actor actor, String counterId, String note, String requestId);

  /**
   * Transfers the serving ticket; returns the new waiting ticket in the target service. A target
   * that no longer serves today is refused with the reason, unless the officer confirms with
   * {@code force}.
   */
  Future<Ticket> transfer(Actor actor, String counterId, String targetService, String note, String requestId,
      boolean force);

  /** Puts a held ticket back in the queue, at its original place. */
  Future<Ticket> resume(Actor actor, String counterId, long ticketId, String requestId);

  /** Calls one chosen waiting ticket out of order; the reason goes into the event log. */
  Future<Ticket> callTicket(Actor actor, String counterId, long ticketId, String reason, String requestId);

  Future<List<Ticket>> held(Actor actor, String counterId);

  /** The waiting tickets of the counter's services, oldest first: to pick one out of order. */
  Future<List<Ticket>> waiting(Actor actor, String counterId, int limit);
}
