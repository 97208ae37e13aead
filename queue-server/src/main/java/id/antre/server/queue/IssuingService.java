package id.antre.server.queue;

import id.antre.server.auth.Actor;
import id.antre.server.auth.Tokens;
import id.antre.server.domain.Availability;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.Lifecycle;
import id.antre.server.domain.Priority;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketAction;
import id.antre.server.domain.TicketNumber;
import id.antre.server.domain.TicketStatus;
import id.antre.server.domain.WaitEstimator;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issues tickets, tells visitors where they stand, and takes tickets back. */
final class IssuingService implements Issuing {
  private static final Logger LOG = LoggerFactory.getLogger(IssuingService.class);
  static final Set<String> CHANNELS = Set.of("kiosk", "web", "counter", "booking");

  private final HallRef halls;
  private final TicketRepository store;
  private final Events events;
  private final Estimates estimates;
  private final Clock clock;
  private final boolean alwaysOpen;
  private final PrintService printing;
  private final Transitions transitions;

  IssuingService(HallRef halls, TicketRepository store, Events events, Estimates estimates, Clock clock, boolean alwaysOpen,
      PrintService printing, Transitions transitions) {
    this.halls = halls;
    this.store = store;
    this.events = events;
    this.estimates = estimates;
    this.clock = clock;
    this.alwaysOpen = alwaysOpen;
    this.printing = printing;
    this.transitions = transitions;
  }

  @Override
  public Future<Issued> issue(Actor actor, IssueRequest request) {
    Hall hall = halls.get();
    if (!actor.mayIssue()) {
      return Refusals.forbidden("Perangkat ini tidak boleh mengambil nomor (this device may not issue tickets)");
    }
    Hall.Service service = hall.service(request.service()).orElse(null);
    if (service == null) {
      return Future.failedFuture(Refusals.unknownService(request.service()));
    }
    if (!CHANNELS.contains(request.channel())) {
      return Refusals.invalid("channel must be one of " + CHANNELS);
    }
    String priority = request.priority();
    if (priority != null && Priority.ofCode(priority).isEmpty()) {
      return Refusals.invalid("priority must be one of lansia, disabilitas, ibu-hamil, anak, korban-bencana");
    }
    String requestId = request.requestId();
    Instant now = clock.instant();
    Availability.Decision open = Availability.issuing(hall, service, now.atZone(hall.timeZone()), alwaysOpen);
    if (!open.open()) {
      return firstIssue(requestId, new QueueException(ErrorCode.SERVICE_CLOSED,
          open.reasonId() + " (" + open.reasonEn() + ")")).map(result -> issued(result, service));
    }
    TicketRepository.IssueRequest req = new TicketRepository.IssueRequest(service.code(),
        TicketNumber.serviceDay(now, hall.timeZone()), service.dailyQuota(), service.prefix(), priority,
        request.channel(), Tokens.randomId(16), requestId, now, estimates.minutesPerPerson(service),
        printing == null ? null : printing.printerFor(actor, request.print()));
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
  private static Issued issued(TicketRepository.IssueResult result, Hall.Service service) {
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
  private Future<TicketRepository.IssueResult> firstIssue(String requestId, QueueException refusal) {
    if (requestId == null) {
      return Future.failedFuture(refusal);
    }
    return store.issuedByRequest(requestId).map(r -> r.orElseThrow(() -> refusal));
  }

  @Override
  public Outlook outlook(String serviceCode) {
    Hall hall = halls.get();
    Hall.Service service = hall.service(serviceCode).orElseThrow();
    return new Outlook(hall.whereServed(serviceCode), estimates.openCounters(service),
        Availability.servingFromLaterToday(hall, service, clock.instant().atZone(hall.timeZone())));
  }

  @Override
  public Future<Tracking> track(String token) {
    Hall hall = halls.get();
    return store.ticketByToken(token).compose(t -> {
      Ticket ticket = t.orElseThrow(Refusals::unknownTicket);
      Optional<Hall.Counter> counter = Optional.ofNullable(ticket.counterId()).flatMap(hall::counter);
      if (ticket.status() != TicketStatus.WAITING) {
        return Future.succeededFuture(new Tracking(ticket, 0, 0, counter));
      }
      Hall.Service service = hall.service(ticket.service()).orElseThrow();
      return store.aheadOf(ticket).map(ahead -> new Tracking(ticket, ahead,
          WaitEstimator.estimateMinutes(ahead, estimates.minutesPerPerson(service)), counter));
    });
  }

  @Override
  public Future<Ticket> cancel(String token) {
    return store.ticketByToken(token).compose(t -> {
      Ticket ticket = t.orElseThrow(Refusals::unknownTicket);
      Lifecycle.Transition tr = Lifecycle.apply(ticket.status(), TicketAction.CANCEL, ticket.recallCount(), 0);
      return transitions.commit(ticket, tr, "CANCEL", null, null, null, null, null);
    });
  }
}
