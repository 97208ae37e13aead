package id.antre.server.queue;

import id.antre.server.auth.Actor;
import id.antre.server.domain.Availability;
import id.antre.server.domain.CounterActions;
import id.antre.server.domain.CounterState;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.Lifecycle;
import id.antre.server.domain.Priority;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.Routing;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketAction;
import id.antre.server.domain.TicketNumber;
import id.antre.server.domain.TicketStatus;
import id.antre.server.domain.WaitEstimator;
import id.antre.server.auth.Tokens;
import id.antre.server.logging.LogText;
import id.antre.server.persistence.TicketStore;
import id.antre.server.persistence.TicketStore.CounterRow;
import id.antre.server.persistence.TicketStore.TransitionRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's application service: checks who may do what, asks the domain what is allowed,
 * has the store commit it, and only then publishes what happened.
 */
public class QueueService {
  private static final Logger LOG = LoggerFactory.getLogger(QueueService.class);
  static final Set<String> CHANNELS = Set.of("kiosk", "web", "counter", "booking");
  /** Outcome recorded on the served ticket when it is transferred. */
  static final String TRANSFER_OUTCOME = "dirujuk";

  private final Hall hall;
  private final TicketStore store;
  private final Events events;
  private final Estimates estimates;
  private final Clock clock;
  private final boolean alwaysOpen;
  private PrintService printing;

  public QueueService(Hall hall, TicketStore store, Events events, Estimates estimates, Clock clock,
      boolean alwaysOpen) {
    this.hall = hall;
    this.store = store;
    this.events = events;
    this.estimates = estimates;
    this.clock = clock;
    this.alwaysOpen = alwaysOpen;
  }

  public Hall hall() {
    return hall;
  }

  public void printing(PrintService printing) {
    this.printing = printing;
  }

  public LocalDate today() {
    return TicketNumber.serviceDay(clock.instant(), hall.timeZone());
  }

  // ---------------------------------------------------------------- tickets

  /** An issued ticket with what the visitor is told. */
  public record Issued(Ticket ticket, int ahead, int estimatedWaitMinutes, Long printJob) {
  }

  public Future<Issued> issue(Actor actor, String serviceCode, String channel, String priority, String requestId) {
    return issue(actor, serviceCode, channel, priority, requestId, true);
  }

  /**
   * @param print whether the kiosk's printer should print it (a visitor may take the QR on screen only)
   */
  public Future<Issued> issue(Actor actor, String serviceCode, String channel, String priority, String requestId,
      boolean print) {
    if (!actor.mayIssue()) {
      return forbidden("Perangkat ini tidak boleh mengambil nomor (this device may not issue tickets)");
    }
    Hall.Service service = hall.service(serviceCode).orElse(null);
    if (service == null) {
      return Future.failedFuture(new QueueException(ErrorCode.UNKNOWN_SERVICE, "Layanan tidak dikenal: " + serviceCode));
    }
    if (!CHANNELS.contains(channel)) {
      return invalid("channel must be one of " + CHANNELS);
    }
    if (priority != null && Priority.ofCode(priority).isEmpty()) {
      return invalid("priority must be one of lansia, disabilitas, ibu-hamil, anak, korban-bencana");
    }
    Instant now = clock.instant();
    Availability.Decision open = Availability.issuing(hall, service, now.atZone(hall.timeZone()), alwaysOpen);
    if (!open.open()) {
      return firstIssue(requestId, new QueueException(ErrorCode.SERVICE_CLOSED,
          open.reasonId() + " (" + open.reasonEn() + ")")).map(result -> issued(result, service));
    }
    TicketStore.IssueRequest req = new TicketStore.IssueRequest(service.code(), TicketNumber.serviceDay(now, hall.timeZone()),
        service.dailyQuota(), service.prefix(), priority, channel, Tokens.randomId(16), requestId, now,
        estimates.minutesPerPerson(service), printing == null ? null : printing.printerFor(actor, print));
    return store.issue(req).compose(t -> t.isPresent() ? Future.succeededFuture(t.get())
        : firstIssue(requestId, new QueueException(ErrorCode.QUOTA_EXHAUSTED,
            "Kuota " + service.name() + " hari ini sudah habis (today's quota is used up)"))).map(result -> {
      Issued answer = issued(result, service);
      Ticket ticket = answer.ticket();
      if (ticket.trackingToken().equals(req.trackingToken())) { // not a replay
        LOG.debug("issued ticket {} {} id={}", ticket.number(), service.code(), ticket.id());
        events.ticket("ISSUE", ticket);
        events.queue(service.code());
        if (result.printJob() != null) {
          printing.queued(result.printJob(), req.printKiosk(), ticket);
        }
      }
      return answer;
    });
  }

  /** What the visitor is told about an issued ticket, first or repeated; a request id of another service is refused. */
  private static Issued issued(TicketStore.IssueResult result, Hall.Service service) {
    Ticket ticket = result.ticket();
    if (!ticket.service().equals(service.code())) {
      throw new QueueException(ErrorCode.REQUEST_ID_REUSED, "requestId sudah dipakai (requestId was used for another ticket)");
    }
    return new Issued(ticket, ticket.aheadAtIssue(), ticket.estimatedWaitAtIssue(), result.printJob());
  }

  /**
   * The ticket a repeated request id issued the first time, whatever changed since (the
   * service closed, the quota ran out): the visitor's ticket exists, so they are told about it.
   * The refusal only when the request id is new.
   */
  private Future<TicketStore.IssueResult> firstIssue(String requestId, QueueException refusal) {
    if (requestId == null) {
      return Future.failedFuture(refusal);
    }
    return store.issuedByRequest(requestId).map(r -> r.orElseThrow(() -> refusal));
  }

  /**
   * What a visitor of a service is told besides the queue: where its counters are, how many are
   * open, and, when none is, from when service starts today (if it starts later today). Without
   * an open counter no estimate is given: nobody can say when one will open.
   */
  public record Outlook(String where, int countersOpen, Optional<java.time.LocalTime> servingFrom) {
    public boolean serving() {
      return countersOpen > 0;
    }
  }

  public Outlook outlook(String serviceCode) {
    Hall.Service service = hall.service(serviceCode).orElseThrow();
    return new Outlook(hall.whereServed(serviceCode), estimates.openCounters(service),
        Availability.servingFromLaterToday(hall, service, clock.instant().atZone(hall.timeZone())));
  }

  /** What the visitor's phone shows. */
  public record Tracking(Ticket ticket, int ahead, int estimatedWaitMinutes, Optional<Hall.Counter> counter) {
  }

  public Future<Tracking> track(String token) {
    return store.ticketByToken(token).compose(t -> {
      Ticket ticket = t.orElseThrow(() -> new QueueException(ErrorCode.UNKNOWN_TICKET, "Tiket tidak ditemukan (no such ticket)"));
      Optional<Hall.Counter> counter = Optional.ofNullable(ticket.counterId()).flatMap(hall::counter);
      if (ticket.status() != TicketStatus.WAITING) {
        return Future.succeededFuture(new Tracking(ticket, 0, 0, counter));
      }
      Hall.Service service = hall.service(ticket.service()).orElseThrow();
      return store.aheadOf(ticket).map(ahead -> new Tracking(ticket, ahead,
          WaitEstimator.estimateMinutes(ahead, estimates.minutesPerPerson(service)), counter));
    });
  }

  public Future<Ticket> cancel(String token) {
    return store.ticketByToken(token).compose(t -> {
      Ticket ticket = t.orElseThrow(() -> new QueueException(ErrorCode.UNKNOWN_TICKET, "Tiket tidak ditemukan (no such ticket)"));
      Lifecycle.Transition tr = Lifecycle.apply(ticket.status(), TicketAction.CANCEL, ticket.recallCount(), 0);
      return commit(ticket, tr, "CANCEL", null, null, null, null, null);
    });
  }

  // ---------------------------------------------------------------- counters

  /** A counter's state for its terminal. */
  public record CounterView(Hall.Counter counter, CounterRow row) {
  }

  public Future<CounterView> counter(Actor actor, String counterId) {
    return counterFor(actor, counterId).compose(c -> store.counter(c.id()).map(row -> new CounterView(c, row)));
  }

  /**
   * Call-next: empty when nobody waits for this counter's services. The routing plan is made
   * from this node's last view of the counter (its priority streak, calls per service and any
   * reassignment, at most {@link #PLAN_CACHE_MILLIS} old): a slightly old view only shifts
   * fairness, never correctness, because the claim itself checks that the counter is open and
   * free under a row lock. So the usual call is one statement.
   */
  public Future<Optional<Ticket>> callNext(Actor actor, String counterId, String requestId) {
    return counterFor(actor, counterId).compose(counter -> planView(counterId).compose(row -> {
      LocalDate day = today();
      Routing.CallPlan plan = Routing.plan(effective(counter, row), hall.routing(), row.priorityStreak(),
          row.servedOn(day));
      return store.callNext(counterId, day, plan.services(), plan.priorityFirst(), plan.transfersFirst(),
              row.priorityStreak(), actor.name(), clock.instant(), requestId)
          .recover(err -> isRequestReplay(err) ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(err))
          .compose(called -> {
            if (called.isPresent()) {
              CounterRow now = called.get();
              remember(now);
              Ticket t = now.current();
              LOG.debug("counter {} called ticket {} id={}", counterId, t.number(), t.id());
              events.ticket("CALL", t);
              events.call(t, counter, false);
              events.queue(t.service());
              events.counter(counter, now);
              return Future.succeededFuture(Optional.of(t));
            }
            // not open, still busy, a repeated press, or nobody waiting: tell which
            return store.counter(counterId).compose(now -> {
              remember(now);
              Optional<QueueException> notFree = notFreeToCall(now);
              if (notFree.isPresent()) {
                return replayOr(requestId, "CALL", counterId, notFree.get()).map(Optional::of);
              }
              if (now.priorityStreak() != row.priorityStreak()) {
                return callNext(actor, counterId, requestId); // planned from an old streak: plan again
              }
              return store.replay(requestId).map(r -> r.map(x -> checkReplay(x, "CALL", counterId)));
            });
          });
    }));
  }

  /** How long a node trusts its view of a counter for planning a call. */
  static final long PLAN_CACHE_MILLIS = 5_000;

  private record PlanView(CounterRow row, long at) {
  }

  private final java.util.Map<String, PlanView> planViews = new java.util.concurrent.ConcurrentHashMap<>();

  private Future<CounterRow> planView(String counterId) {
    PlanView v = planViews.get(counterId);
    if (v != null && System.currentTimeMillis() - v.at() < PLAN_CACHE_MILLIS) {
      return Future.succeededFuture(v.row());
    }
    return store.counter(counterId).map(row -> {
      remember(row);
      return row;
    });
  }

  private void remember(CounterRow row) {
    planViews.put(row.counterId(), new PlanView(row, System.currentTimeMillis()));
  }

  public Future<Ticket> recall(Actor actor, String counterId, String requestId) {
    return onCurrent(actor, counterId, requestId, TicketAction.RECALL, null, null);
  }

  public Future<Ticket> start(Actor actor, String counterId, String requestId) {
    return onCurrent(actor, counterId, requestId, TicketAction.START, null, null);
  }

  public Future<Ticket> finish(Actor actor, String counterId, String outcome, String requestId) {
    String o = outcome == null ? hall.outcomes().get(0) : outcome;
    if (!hall.outcomes().contains(o)) {
      return invalid("Hasil layanan harus salah satu dari " + hall.outcomes() + " (outcome must be one of "
          + hall.outcomes() + ")");
    }
    return onCurrent(actor, counterId, requestId, TicketAction.FINISH, o, null);
  }

  public Future<Ticket> noShow(Actor actor, String counterId, String requestId) {
    return onCurrent(actor, counterId, requestId, TicketAction.NO_SHOW, null, null);
  }

  public Future<Ticket> hold(Actor actor, String counterId, String note, String requestId) {
    return onCurrent(actor, counterId, requestId, TicketAction.HOLD, null, note);
  }

  /**
   * Transfers the serving ticket; returns the new waiting ticket in the target service. A target
   * that no longer serves today is refused with the reason, unless the officer confirms with
   * {@code force} (then the transfer is logged as confirmed).
   */
  public Future<Ticket> transfer(Actor actor, String counterId, String targetService, String note, String requestId,
      boolean force) {
    Hall.Service target = hall.service(targetService).orElse(null);
    if (target == null) {
      return Future.failedFuture(new QueueException(ErrorCode.UNKNOWN_SERVICE, "Layanan tidak dikenal: " + targetService));
    }
    Availability.Decision serving = Availability.servingToday(hall, target, clock.instant().atZone(hall.timeZone()),
        alwaysOpen);
    if (!serving.open() && !force) {
      return counterFor(actor, counterId).compose(c -> Future.failedFuture(new QueueException(ErrorCode.SERVICE_CLOSED,
          target.name() + " tidak melayani lagi hari ini: " + serving.reasonId()
              + " (The target service does not serve any more today: " + serving.reasonEn() + ")")));
    }
    return counterFor(actor, counterId).compose(counter -> store.counter(counterId).compose(row -> {
      Ticket current = row.current();
      if (current == null) {
        return replayOr(requestId, "TRANSFER", counterId, noCurrent());
      }
      if (current.service().equals(targetService)) {
        return invalid("Tiket tidak dapat dialihkan ke layanannya sendiri"
            + " (a ticket cannot be transferred to the service it is in)");
      }
      try {
        Lifecycle.apply(current.status(), TicketAction.TRANSFER, current.recallCount(), hall.routing().recallLimit());
      } catch (QueueException e) {
        return replayOr(requestId, "TRANSFER", counterId, e);
      }
      return store.transfer(current.id(), targetService, clock.instant(), counterId, actor.name(), requestId, note,
              TRANSFER_OUTCOME)
          .compose(n -> {
            if (n.isEmpty()) {
              return Future.failedFuture(concurrent());
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
          .recover(err -> isRequestReplay(err) ? store.replay(requestId)
              .map(r -> checkReplay(r.orElseThrow(), "TRANSFER", counterId)) : Future.failedFuture(err));
    }));
  }

  /** Puts a held ticket back in the queue, at its original place. */
  public Future<Ticket> resume(Actor actor, String counterId, long ticketId, String requestId) {
    return counterFor(actor, counterId).compose(counter -> store.counter(counterId).compose(row ->
        store.ticketById(ticketId).compose(t -> {
      Ticket ticket = t.filter(x -> effective(counter, row).services().contains(x.service()))
          .orElseThrow(() -> new QueueException(ErrorCode.UNKNOWN_TICKET, "Tiket tidak ditemukan di loket ini"));
      Lifecycle.Transition tr;
      try {
        tr = Lifecycle.apply(ticket.status(), TicketAction.RESUME, ticket.recallCount(), hall.routing().recallLimit());
      } catch (QueueException e) {
        return replayOr(requestId, "RESUME", counterId, e);
      }
      return commit(ticket, tr, "RESUME", null, counterId, actor.name(), requestId, null);
    })));
  }

  public Future<List<Ticket>> held(Actor actor, String counterId) {
    return counterFor(actor, counterId).compose(c -> store.counter(counterId)
        .compose(row -> store.held(today(), effective(c, row).services())));
  }

  /** The waiting tickets of the counter's services, oldest first: to pick one out of order. */
  public Future<List<Ticket>> waiting(Actor actor, String counterId, int limit) {
    return counterFor(actor, counterId).compose(c -> store.counter(counterId)
        .compose(row -> store.waitingOf(today(), effective(c, row).services(), limit)));
  }

  /** Calls one chosen waiting ticket out of order; the reason goes into the event log. */
  public Future<Ticket> callTicket(Actor actor, String counterId, long ticketId, String reason, String requestId) {
    if (reason == null || reason.isBlank()) {
      return invalid("Alasan wajib diisi untuk memanggil nomor di luar urutan"
          + " (a reason is required to call a ticket out of order)");
    }
    return counterFor(actor, counterId).compose(counter -> store.counter(counterId).compose(row -> {
      Optional<QueueException> notFree = notFreeToCall(row);
      if (notFree.isPresent()) {
        return replayOr(requestId, "CALL", counterId, notFree.get());
      }
      return store.callTicket(counterId, ticketId, effective(counter, row).services(), actor.name(), clock.instant(),
              requestId, new JsonObject().put("outOfOrder", true).put("reason", reason), today())
          .recover(err -> isRequestReplay(err) ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(err))
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

  /** A supervisor changes which services a counter calls, live; an empty list restores the configuration. */
  public Future<CounterView> setServices(Actor actor, String counterId, List<String> services,
      java.util.Map<String, Integer> weights) {
    if (actor.role() != Actor.Role.SUPERVISOR && actor.role() != Actor.Role.MANAGER && actor.role() != Actor.Role.ADMIN) {
      return forbidden("Hanya koordinator yang dapat mengubah layanan loket (supervisors only)");
    }
    return counterFor(actor, counterId).compose(counter -> {
      for (String code : services) {
        Hall.Service svc = hall.service(code).orElse(null);
        if (svc == null) {
          return Future.failedFuture(new QueueException(ErrorCode.UNKNOWN_SERVICE, "Layanan tidak dikenal: " + code));
        }
        if (!svc.agency().equals(counter.agency())) {
          return invalid("Layanan " + code + " milik instansi lain (service " + code + " belongs to another agency)");
        }
      }
      if (new java.util.HashSet<>(services).size() != services.size()) {
        return invalid("Ada layanan yang tercantum dua kali (a service is listed twice)");
      }
      for (var w : weights.entrySet()) {
        if (!services.contains(w.getKey()) || w.getValue() < 1 || w.getValue() > 100) {
          return invalid("Bobot harus 1..100 untuk layanan yang dipilih (weights must be 1..100 for listed services)");
        }
      }
      return store.setServices(counterId, services.isEmpty() ? null : services, weights, clock.instant(), actor.name())
          .compose(v -> store.counter(counterId)).map(row -> {
            remember(row);
            LOG.info("counter {} now serves {} (by {})", counterId, services.isEmpty() ? counter.services() : services,
                actor.name());
            events.counter(counter, row);
            return new CounterView(counter, row);
          });
    });
  }

  /** Counters an actor may see: their agency's, or all for managers. */
  public Future<List<CounterView>> counters(Actor actor) {
    if (!actor.isStaff()) {
      return forbidden("Hanya petugas (staff only)");
    }
    return counters().map(list -> list.stream().filter(v -> actor.mayActFor(v.counter().agency())).toList());
  }

  /** Tickets finished today at the counter and by the officer, and the officer's transfers apart. */
  public Future<TicketStore.ServedToday> servedToday(String officer, String counterId) {
    return store.servedToday(officer, counterId, today().atStartOfDay(hall.timeZone()).toInstant());
  }

  /** The counter as configured, with a supervisor's live reassignment applied. */
  public static Hall.Counter effective(Hall.Counter c, CounterRow row) {
    if (row.servicesOverride() == null || row.servicesOverride().isEmpty()) {
      return c;
    }
    return new Hall.Counter(c.id(), c.name(), c.agency(), c.zone(), row.servicesOverride(),
        row.weightsOverride() == null ? java.util.Map.of() : row.weightsOverride());
  }

  public Future<CounterView> open(Actor actor, String counterId) {
    return setState(actor, counterId, CounterState.Command.OPEN, null);
  }

  public Future<CounterView> pause(Actor actor, String counterId, String reason) {
    return setState(actor, counterId, CounterState.Command.PAUSE, reason == null ? "istirahat" : reason);
  }

  public Future<CounterView> close(Actor actor, String counterId) {
    return setState(actor, counterId, CounterState.Command.CLOSE, null);
  }

  private Future<CounterView> setState(Actor actor, String counterId, CounterState.Command command, String reason) {
    return counterFor(actor, counterId).compose(counter -> store.counter(counterId).compose(row -> {
      CounterState to = CounterState.apply(CounterState.valueOf(row.state()), command, row.current() != null);
      boolean requiresIdle = command != CounterState.Command.OPEN;
      return store.setCounterState(counterId, to.name(), reason, actor.name(), clock.instant(), command.name(),
              requiresIdle)
          .compose(from -> {
            if (from.isEmpty()) {
              return Future.failedFuture(new QueueException(ErrorCode.COUNTER_BUSY,
                  "Selesaikan dulu tiket yang sedang dilayani (finish the current ticket first)"));
            }
            LOG.info("counter {} {} -> {} by {}", counterId, from.get(), to, actor.name());
            // visitors are told at once whether anyone serves, not at the next periodic refresh
            return estimates.refresh(today()).recover(err -> Future.succeededFuture())
                .compose(v -> store.counter(counterId)).map(now -> {
              remember(now);
              events.counter(counter, now);
              return new CounterView(counter, now);
            });
          });
    }));
  }

  // ---------------------------------------------------------------- overview

  /** A service as the kiosk and the managers see it now. */
  public record ServiceStatus(Hall.Service service, Availability.Decision availability, int quotaLeft, int waiting,
      Instant oldestWaiting, List<String> openCounters) {
  }

  public Future<List<ServiceStatus>> services() {
    LocalDate day = today();
    Instant now = clock.instant();
    return store.queues(day).compose(queues -> store.issuedToday(day).compose(issued -> store.counters().map(rows -> {
      List<String> open = rows.stream().filter(r -> "OPEN".equals(r.state())).map(CounterRow::counterId).toList();
      return hall.services().stream().map(s -> {
        TicketStore.QueueRow q = queues.get(s.code());
        List<String> serving = hall.counters().stream()
            .filter(c -> c.services().contains(s.code()) && open.contains(c.id())).map(Hall.Counter::id).toList();
        return new ServiceStatus(s, Availability.issuing(hall, s, now.atZone(hall.timeZone()), alwaysOpen),
            Math.max(0, s.dailyQuota() - issued.getOrDefault(s.code(), 0)), q == null ? 0 : q.waiting(),
            q == null ? null : q.oldest(), serving);
      }).toList();
    })));
  }

  /** Every counter in configuration order, the order every page lists them in. */
  public Future<List<CounterView>> counters() {
    return store.counters().map(rows -> rows.stream()
        .sorted(java.util.Comparator.comparingInt(r -> hall.counterOrder(r.counterId())))
        .map(r -> new CounterView(hall.counter(r.counterId()).orElseThrow(), r)).toList());
  }

  /** The running text the displays show: the managers' if they set one, else the configuration's. */
  public Future<String> runningText() {
    return store.runningText().map(t -> t == null ? hall.runningText() : t);
  }

  /** Managers set the running text; an empty text restores the configuration's. */
  public Future<String> runningText(Actor actor, String text) {
    if (actor.role() != Actor.Role.MANAGER && actor.role() != Actor.Role.ADMIN) {
      return forbidden("Hanya manajer yang dapat mengubah teks berjalan (managers only)");
    }
    String stored = text == null || text.isBlank() ? null : text.strip();
    return store.runningText(stored).map(v -> {
      String shown = stored == null ? hall.runningText() : stored;
      LOG.info("running text set by {}", actor.name());
      events.runningText(shown);
      return shown;
    });
  }

  /** Calls after an event-log position (all zones when zone is null), at most {@code limit}, oldest first. */
  public Future<List<TicketStore.CallRow>> callsAfter(long afterSeq, String zone, int limit) {
    return store.callsAfter(afterSeq, zone, limit);
  }

  public Future<Long> latestCallSeq() {
    return store.latestCallSeq();
  }

  public Instant now() {
    return clock.instant();
  }

  // ---------------------------------------------------------------- helpers

  /**
   * An action on the counter's current ticket, decided from this node's view of the counter.
   * The transition is guarded by the ticket's status and counter in SQL, so an out-of-date view
   * cannot act on the wrong ticket: it is refused, and then the view is read afresh and the
   * action decided once more.
   */
  private Future<Ticket> onCurrent(Actor actor, String counterId, String requestId, TicketAction action,
      String outcome, String note) {
    return counterFor(actor, counterId).compose(counter -> {
      PlanView cached = planViews.get(counterId);
      boolean fresh = cached == null || System.currentTimeMillis() - cached.at() >= PLAN_CACHE_MILLIS;
      Future<Ticket> first = (fresh ? store.counter(counterId) : Future.succeededFuture(cached.row()))
          .compose(row -> act(counter, row, requestId, action, outcome, note, actor));
      if (fresh) {
        return first;
      }
      return first.recover(err -> err instanceof QueueException q && STALE_VIEW.contains(q.code())
          ? store.counter(counterId).compose(row -> act(counter, row, requestId, action, outcome, note, actor))
          : Future.failedFuture(err));
    });
  }

  /** Refusals that an out-of-date view of the counter can cause. */
  private static final Set<ErrorCode> STALE_VIEW =
      Set.of(ErrorCode.NO_CURRENT_TICKET, ErrorCode.INVALID_TRANSITION, ErrorCode.CONFLICT);

  private Future<Ticket> act(Hall.Counter counter, CounterRow row, String requestId, TicketAction action,
      String outcome, String note, Actor actor) {
    String counterId = counter.id();
    Ticket current = row.current();
    if (current == null) {
      return replayOr(requestId, action.name(), counterId, noCurrent());
    }
    Lifecycle.Transition tr;
    try {
      tr = Lifecycle.apply(current.status(), action, current.recallCount(), hall.routing().recallLimit());
    } catch (QueueException e) {
      return replayOr(requestId, action.name(), counterId, e);
    }
    String type = tr.to() == TicketStatus.NO_SHOW ? "NO_SHOW" : action.name();
    JsonObject data = action == TicketAction.RECALL && tr.to() == TicketStatus.NO_SHOW
        ? new JsonObject().put("reason", "recall-limit") : note == null ? null : new JsonObject().put("note", note);
    return commit(current, tr, type, outcome, counterId, actor.name(), requestId, data)
        .onSuccess(t -> {
          if (tr.to() == TicketStatus.CALLED) {
            events.call(t, counter, true);
          }
          boolean keeps = t.status() == TicketStatus.CALLED || t.status() == TicketStatus.SERVING;
          CounterRow now = row.withCurrent(keeps ? t : null);
          remember(now);
          events.counter(counter, now);
        });
  }

  private Future<Ticket> commit(Ticket ticket, Lifecycle.Transition tr, String type, String outcome,
      String counterId, String officer, String requestId, JsonObject data) {
    boolean keeps = tr.to() == TicketStatus.CALLED || tr.to() == TicketStatus.SERVING;
    TransitionRequest req = new TransitionRequest(ticket.id(), tr.from(), tr.to(), tr.recallCount(), type,
        clock.instant(), outcome, counterId, officer, requestId, data, keeps);
    return store.transition(req)
        .recover(err -> isRequestReplay(err)
            ? store.replay(requestId).map(r -> Optional.of(checkReplay(r.orElseThrow(), type, counterId)))
            : Future.failedFuture(err))
        .map(t -> {
          Ticket done = t.orElseThrow(QueueService::concurrent);
          LOG.debug("ticket {} id={} {} -> {} ({}) at counter {}", done.number(), done.id(), tr.from(), done.status(), type,
              counterId);
          events.ticket(type, done);
          if (tr.from() == TicketStatus.WAITING || tr.to() == TicketStatus.WAITING) {
            events.queue(done.service());
          }
          return done;
        });
  }

  /** Why a counter cannot call now (not open, or still holding a ticket), if it cannot. */
  private static Optional<QueueException> notFreeToCall(CounterRow row) {
    return CounterActions.notFreeToCall(CounterState.valueOf(row.state()),
        row.current() == null ? null : row.current().number());
  }

  /** The first answer of a repeated request id, or the refusal when the request is new. */
  private Future<Ticket> replayOr(String requestId, String type, String counterId, QueueException otherwise) {
    if (requestId == null) {
      return Future.failedFuture(otherwise);
    }
    return store.replay(requestId).map(r -> checkReplay(r.orElseThrow(() -> otherwise), type, counterId));
  }


  private static Ticket checkReplay(TicketStore.Replay replay, String type, String counterId) {
    boolean sameAction = replay.eventType().equals(type)
        || ("RECALL".equals(type) && "NO_SHOW".equals(replay.eventType()));
    if (!sameAction || (counterId != null && !counterId.equals(replay.counterId()))) {
      throw new QueueException(ErrorCode.REQUEST_ID_REUSED,
          "requestId sudah dipakai untuk tindakan lain (requestId was used for another action)");
    }
    return replay.ticket();
  }

  private static boolean isRequestReplay(Throwable err) {
    return TicketStore.isRequestReplay(err);
  }

  private Future<Hall.Counter> counterFor(Actor actor, String counterId) {
    Hall.Counter counter = hall.counter(counterId).orElse(null);
    if (counter == null) {
      return Future.failedFuture(new QueueException(ErrorCode.UNKNOWN_COUNTER, "Loket tidak dikenal: " + counterId));
    }
    if (!actor.mayActFor(counter.agency())) {
      return forbidden("Loket ini milik instansi lain (this counter belongs to another agency)");
    }
    return Future.succeededFuture(counter);
  }


  private static QueueException noCurrent() {
    return new QueueException(ErrorCode.NO_CURRENT_TICKET, "Tidak ada tiket yang sedang dipanggil (no current ticket)");
  }

  private static QueueException concurrent() {
    return new QueueException(ErrorCode.CONFLICT, "Tiket baru saja diubah di tempat lain, muat ulang (changed concurrently)");
  }

  private static <T> Future<T> forbidden(String detail) {
    return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, detail));
  }

  private static <T> Future<T> invalid(String detail) {
    return Future.failedFuture(new QueueException(ErrorCode.INVALID_REQUEST, detail));
  }
}
