package id.antre.server.queue;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Lifecycle;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketStatus;
import id.antre.server.queue.TicketRepository.TransitionRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a ticket's transition and publishes it, and answers a repeated request id with its
 * first outcome: shared by the visitor's cancel and every counter action.
 */
final class Transitions {
  private static final Logger LOG = LoggerFactory.getLogger(Transitions.class);

  private final TicketRepository store;
  private final Events events;
  private final Clock clock;

  Transitions(TicketRepository store, Events events, Clock clock) {
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  Future<Ticket> commit(Ticket ticket, Lifecycle.Transition tr, String type, String outcome,
      String counterId, String officer, String requestId, JsonObject data) {
    boolean keeps = tr.to() == TicketStatus.CALLED || tr.to() == TicketStatus.SERVING;
    TransitionRequest req = new TransitionRequest(ticket.id(), tr.from(), tr.to(), tr.recallCount(), type,
        clock.instant(), outcome, counterId, officer, requestId, data, keeps);
    return store.transition(req)
        .recover(err -> store.isRequestReplay(err)
            ? store.replay(requestId).map(r -> Optional.of(checkReplay(r.orElseThrow(), type, counterId)))
            : Future.failedFuture(err))
        .map(t -> {
          Ticket done = t.orElseThrow(Refusals::concurrent);
          LOG.debug("ticket {} id={} {} -> {} ({}) at counter {}", done.number(), done.id(), tr.from(), done.status(),
              type, counterId);
          events.ticket(type, done);
          if (tr.from() == TicketStatus.WAITING || tr.to() == TicketStatus.WAITING) {
            events.queue(done.service());
          }
          return done;
        });
  }

  /** The first answer of a repeated request id, or the refusal when the request is new. */
  Future<Ticket> replayOr(String requestId, String type, String counterId, QueueException otherwise) {
    if (requestId == null) {
      return Future.failedFuture(otherwise);
    }
    return store.replay(requestId).map(r -> checkReplay(r.orElseThrow(() -> otherwise), type, counterId));
  }

  /** The first answer of a repeated request id, if it was one. */
  Future<Optional<Ticket>> replay(String requestId, String type, String counterId) {
    return store.replay(requestId).map(r -> r.map(x -> checkReplay(x, type, counterId)));
  }

  static Ticket checkReplay(TicketRepository.Replay replay, String type, String counterId) {
    boolean sameAction = replay.eventType().equals(type)
        || ("RECALL".equals(type) && "NO_SHOW".equals(replay.eventType()));
    if (!sameAction || (counterId != null && !counterId.equals(replay.counterId()))) {
      throw new QueueException(ErrorCode.REQUEST_ID_REUSED,
          "requestId sudah dipakai untuk tindakan lain (requestId was used for another action)");
    }
    return replay.ticket();
  }
}
