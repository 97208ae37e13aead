package id.antre.server.queue;

import static id.antre.server.queue.Transitions.checkReplay;

import id.antre.server.auth.Actor;
import id.antre.server.domain.AllowedActions;
import id.antre.server.domain.Availability;
import id.antre.server.domain.CounterState;
import id.antre.server.domain.CounterSnapshot;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.Lifecycle;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.Routing;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketAction;
import id.antre.server.domain.TicketNumber;
import id.antre.server.domain.TicketStatus;
import id.antre.server.logging.LogText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The officer's presses at a counter: asks the domain what is allowed, has the store commit it,
 * and only then publishes what happened.
 */
final class CounterActionService implements CounterActions {
  private static final Logger LOG = LoggerFactory.getLogger(CounterActionService.class);
  /** Outcome recorded on the served ticket when it is transferred. */
  static final String TRANSFER_OUTCOME = "dirujuk";

  private final HallRef halls;
  private final TicketRepository store;
  private final CounterRepository counterStore;
  private final Events events;
  private final Clock clock;
  private final boolean alwaysOpen;
  private final CounterLookup counters;
  private final Transitions transitions;

  CounterActionService(HallRef halls, TicketRepository store, CounterRepository counterStore, Events events,
      Clock clock, boolean alwaysOpen, CounterLookup counters, Transitions transitions) {
    this.halls = halls;
    this.store = store;
    this.counterStore = counterStore;
    this.events = events;
    this.clock = clock;
    this.alwaysOpen = alwaysOpen;
    this.counters = counters;
    this.transitions = transitions;
  }

  private LocalDate today() {
    Hall hall = halls.get();
    return TicketNumber.serviceDay(clock.instant(), hall.timeZone());
  }

  /**
   * Call-next: empty when nobody waits for this counter's services. The routing plan is made
   * from this node's last view of the counter (its priority streak, calls per service and any
   * reassignment, at most {@link CounterLookup#PLAN_CACHE_MILLIS} old), so the usual call is one
   * statement. The claim itself checks that the counter is open and free under a row lock, and
   * that its streak and reassignment are still the ones planned from: a plan made from an
   * out-of-date view (a call or a reassignment through another node) claims nothing, and the
   * call is planned once more from the counter as stored.
   */
  @Override
  public Future<Optional<Ticket>> callNext(Actor actor, String counterId, String requestId) {
    return counters.counterFor(actor, counterId).compose(counter -> counters.planView(counterId)
        .compose(row -> callNext(actor, counter, row, requestId, true)));
  }

  private Future<Optional<Ticket>> callNext(Actor actor, Hall.Counter counter, CounterSnapshot row, String requestId,
      boolean mayPlanAgain) {
    Hall hall = halls.get();
    String counterId = counter.id();
    LocalDate day = today();
    Routing.CallPlan plan = Routing.plan(row.effective(counter), hall.routing(), row.priorityStreak(),
        row.servedOn(day));
    return counterStore.callNext(counterId, day, plan.services(), plan.priorityFirst(), plan.transfersFirst(),
            row.plannedFrom(), actor.name(), clock.instant(), requestId)
        .recover(err -> store.isRequestReplay(err)
            ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(err))
        .compose(called -> {
          if (called.isPresent()) {
            CounterSnapshot now = called.get();
            counters.remember(now);
            Ticket t = now.current();
            LOG.debug("counter {} called ticket {} id={}", counterId, t.number(), t.id());
            events.ticket("CALL", t);
            events.call(t, counter, false);
            events.queue(t.service());
            events.counter(counter, now);
            return Future.succeededFuture(Optional.of(t));
          }
          // not open, still busy, a repeated press, planned from an old view, or nobody waiting: tell which
          return counterStore.counter(counterId).compose(now -> {
            counters.remember(now);
            Optional<QueueException> notFree = notFreeToCall(now);
            if (notFree.isPresent()) {
              return transitions.replayOr(requestId, "CALL", counterId, notFree.get()).map(Optional::of);
            }
            if (!now.plannedFrom().equals(row.plannedFrom())) {
              if (mayPlanAgain) {
                return callNext(actor, counter, now, requestId, false); // planned from an old view: plan again
              }
              // changed again between reading and claiming: rare enough to ask for another press
              return transitions.replayOr(requestId, "CALL", counterId, Refusals.counterChanged()).map(Optional::of);
            }
            return transitions.replay(requestId, "CALL", counterId);
          });
        });
  }

  @Override
  public Future<Ticket> recall(Actor actor, String counterId, String requestId) {
    return onCurrent(actor, counterId, requestId, TicketAction.RECALL, null, null);
  }

  @Override
  public Future<Ticket> start(Actor actor, String counterId, String requestId) {
    return onCurrent(actor, counterId, requestId, TicketAction.START, null, null);
  }

  @Override
  public Future<Ticket> finish(Actor actor, String counterId, String outcome, String requestId) {
    Hall hall = halls.get();
    String o = outcome == null ? hall.outcomes().get(0) : outcome;
    if (!hall.outcomes().contains(o)) {
      return Refusals.invalid("Hasil layanan harus salah satu dari " + hall.outcomes() + " (outcome must be one of "
          + hall.outcomes() + ")");
    }
    return onCurrent(actor, counterId, requestId, TicketAction.FINISH, o, null);
  }

  @Override
  public Future<Ticket> noShow(Actor actor, String counterId, String requestId) {
    return onCurrent(actor, counterId, requestId, TicketAction.NO_SHOW, null, null);
  }

  @Override
  public Future<Ticket> hold(Actor actor, String counterId, String note, String requestId) {
    return onCurrent(actor, counterId, requestId, TicketAction.HOLD, null, note);
  }

  /**
   * Transfers the serving ticket; returns the new waiting ticket in the target service. A target
   * that no longer serves today is refused with the reason, unless the officer confirms with
   * {@code force} (then the transfer is logged as confirmed).
   */
  @Override
  public Future<Ticket> transfer(Actor actor, String counterId, String targetService, String note, String requestId,
      boolean force) {
    Hall hall = halls.get();
    Hall.Service target = hall.service(targetService).orElse(null);
    if (target == null) {
      return Future.failedFuture(Refusals.unknownService(targetService));
    }
    Availability.Decision serving = Availability.servingToday(hall, target, clock.instant().atZone(hall.timeZone()),
        alwaysOpen);
    if (!serving.open() && !force) {
      return counters.counterFor(actor, counterId).compose(c -> Future.failedFuture(new QueueException(ErrorCode.SERVICE_CLOSED,
          target.name() + " tidak melayani lagi hari ini: " + serving.reasonId()
              + " (The target service does not serve any more today: " + serving.reasonEn() + ")")));
    }
    return counters.counterFor(actor, counterId).compose(counter -> counterStore.counter(counterId).compose(row -> {
      Ticket current = row.current();
      if (current == null) {
        return transitions.replayOr(requestId, "TRANSFER", counterId, Refusals.noCurrent());
      }
      if (current.service().equals(targetService)) {
        return Refusals.invalid("Tiket tidak dapat dialihkan ke layanannya sendiri"
            + " (a ticket cannot be transferred to the service it is in)");
      }
      try {
        Lifecycle.apply(current.status(), TicketAction.TRANSFER, current.recallCount(), hall.routing().recallLimit());
      } catch (QueueException e) {
        return transitions.replayOr(requestId, "TRANSFER", counterId, e);
      }
      return store.transfer(current.id(), targetService, clock.instant(), counterId, actor.name(), requestId, note,
              TRANSFER_OUTCOME)
          .compose(n -> {
            if (n.isEmpty()) {
              return Future.failedFuture(Refusals.concurrent());
            }
            Ticket next = n.get();
            if (serving.open()) {
              LOG.debug("counter {} transferred ticket {} id={} to {} as id={}", counterId, current.number(),
                  current.id(), targetService, next.id());
            } else {
              LOG.info("counter {} transferred ticket {} id={} to {} as id={} although it is closed ({}), confirmed by {}",
                  counterId, current.number(), current.id(), targetService, next.id(), serving.reasonEn(), actor.name());
            }
            events.ticket("TRANSFER", next);
            events.queue(current.service());
            events.queue(targetService);
            events.counter(counter, row.withCurrent(null));
            return Future.succeededFuture(next);
          })
          .recover(err -> store.isRequestReplay(err) ? store.replay(requestId)
              .map(r -> checkReplay(r.orElseThrow(), "TRANSFER", counterId)) : Future.failedFuture(err));
    }));
  }

  /** Puts a held ticket back in the queue, at its original place. */
  @Override
  public Future<Ticket> resume(Actor actor, String counterId, long ticketId, String requestId) {
    Hall hall = halls.get();
    return counters.counterFor(actor, counterId).compose(counter -> counterStore.counter(counterId).compose(row ->
        store.ticketById(ticketId).compose(t -> {
      Ticket ticket = t.filter(x -> row.effective(counter).services().contains(x.service()))
          .orElseThrow(() -> new QueueException(ErrorCode.UNKNOWN_TICKET, "Tiket tidak ditemukan di loket ini"));
      Lifecycle.Transition tr;
      try {
        tr = Lifecycle.apply(ticket.status(), TicketAction.RESUME, ticket.recallCount(), hall.routing().recallLimit());
      } catch (QueueException e) {
        return transitions.replayOr(requestId, "RESUME", counterId, e);
      }
      return transitions.commit(ticket, tr, "RESUME", null, counterId, actor.name(), requestId, null);
    })));
  }

  @Override
  public Future<List<Ticket>> held(Actor actor, String counterId) {
    return counters.counterFor(actor, counterId).compose(c -> counterStore.counter(counterId)
        .compose(row -> store.held(today(), row.effective(c).services())));
  }

  /** The waiting tickets of the counter's services, oldest first: to pick one out of order. */
  @Override
  public Future<List<Ticket>> waiting(Actor actor, String counterId, int limit) {
    return counters.counterFor(actor, counterId).compose(c -> counterStore.counter(counterId)
        .compose(row -> store.waitingOf(today(), row.effective(c).services(), limit)));
  }

  /** Calls one chosen waiting ticket out of order; the reason goes into the event log. */
  @Override
  public Future<Ticket> callTicket(Actor actor, String counterId, long ticketId, String reason, String requestId) {
    if (reason == null || reason.isBlank()) {
      return Refusals.invalid("Alasan wajib diisi untuk memanggil nomor di luar urutan"
          + " (a reason is required to call a ticket out of order)");
    }
    return counters.counterFor(actor, counterId).compose(counter -> counterStore.counter(counterId).compose(row -> {
      Optional<QueueException> notFree = notFreeToCall(row);
      if (notFree.isPresent()) {
        return transitions.replayOr(requestId, "CALL", counterId, notFree.get());
      }
      return store.callTicket(counterId, ticketId, row.effective(counter).services(), actor.name(), clock.instant(),
              requestId, new JsonObject().put("outOfOrder", true).put("reason", reason), today())
          .recover(err -> store.isRequestReplay(err)
              ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(err))
          .compose(called -> {
            if (called.isEmpty()) {
              return store.replay(requestId).map(r -> r.map(x -> checkReplay(x, "CALL", counterId))
                  .orElseThrow(() -> new QueueException(ErrorCode.INVALID_TRANSITION,
                      "Tiket tidak menunggu di layanan loket ini (ticket is not waiting for this counter)")));
            }
            Ticket t = called.get();
            LOG.info("counter {} called ticket {} id={} out of order: {}", counterId, t.number(), t.id(),
                LogText.safe(reason));
            events.ticket("CALL", t);
            events.call(t, counter, false);
            events.queue(t.service());
            events.counter(counter, row.withCurrent(t));
            return Future.succeededFuture(t);
          });
    }));
  }

  /**
   * An action on the counter's current ticket, decided from this node's view of the counter.
   * The transition is guarded by the ticket's status and counter in SQL, so an out-of-date view
   * cannot act on the wrong ticket: it is refused, and then the view is read afresh and the
   * action decided once more.
   */
  private Future<Ticket> onCurrent(Actor actor, String counterId, String requestId, TicketAction action,
      String outcome, String note) {
    return counters.counterFor(actor, counterId).compose(counter -> {
      Optional<CounterSnapshot> cached = counters.cached(counterId);
      boolean fresh = cached.isEmpty();
      Future<Ticket> first = (fresh ? counterStore.counter(counterId) : Future.succeededFuture(cached.get()))
          .compose(row -> act(counter, row, requestId, action, outcome, note, actor));
      if (fresh) {
        return first;
      }
      return first.recover(err -> err instanceof QueueException q && STALE_VIEW.contains(q.code())
          ? counterStore.counter(counterId).compose(row -> act(counter, row, requestId, action, outcome, note, actor))
          : Future.failedFuture(err));
    });
  }

  /** Refusals that an out-of-date view of the counter can cause. */
  private static final Set<ErrorCode> STALE_VIEW =
      Set.of(ErrorCode.NO_CURRENT_TICKET, ErrorCode.INVALID_TRANSITION, ErrorCode.CONFLICT);

  private Future<Ticket> act(Hall.Counter counter, CounterSnapshot row, String requestId, TicketAction action,
      String outcome, String note, Actor actor) {
    Hall hall = halls.get();
    String counterId = counter.id();
    Ticket current = row.current();
    if (current == null) {
      return transitions.replayOr(requestId, action.name(), counterId, Refusals.noCurrent());
    }
    Lifecycle.Transition tr;
    try {
      tr = Lifecycle.apply(current.status(), action, current.recallCount(), hall.routing().recallLimit());
    } catch (QueueException e) {
      return transitions.replayOr(requestId, action.name(), counterId, e);
    }
    String type = tr.to() == TicketStatus.NO_SHOW ? "NO_SHOW" : action.name();
    JsonObject data = action == TicketAction.RECALL && tr.to() == TicketStatus.NO_SHOW
        ? new JsonObject().put("reason", "recall-limit") : note == null ? null : new JsonObject().put("note", note);
    return transitions.commit(current, tr, type, outcome, counterId, actor.name(), requestId, data)
        .onSuccess(t -> {
          if (tr.to() == TicketStatus.CALLED) {
            events.call(t, counter, true);
          }
          boolean keeps = t.status() == TicketStatus.CALLED || t.status() == TicketStatus.SERVING;
          CounterSnapshot now = row.withCurrent(keeps ? t : null);
          counters.remember(now);
          events.counter(counter, now);
        });
  }

  /** Why a counter cannot call now (not open, or still holding a ticket), if it cannot. */
  private static Optional<QueueException> notFreeToCall(CounterSnapshot row) {
    return AllowedActions.notFreeToCall(CounterState.valueOf(row.state()),
        row.current() == null ? null : row.current().number());
  }

}
