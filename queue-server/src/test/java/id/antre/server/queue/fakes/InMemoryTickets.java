package id.antre.server.queue.fakes;

import id.antre.server.domain.CounterSnapshot;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.Lifecycle;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.Routing;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketAction;
import id.antre.server.domain.TicketStatus;
import id.antre.server.queue.CounterRepository;
import id.antre.server.queue.OverviewRepository;
import id.antre.server.queue.TicketRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The three repositories of {@code persistence.TicketStore} in memory, for the application
 * services' unit tests. It keeps the guarantees the services rely on, each as its statement
 * keeps it: a request id is taken once (issuing answers a repeat with the first ticket; a
 * transition with a used one fails as the unique index does, and {@link #isRequestReplay} says
 * so); the daily quota; a claim only while the counter is OPEN, free and on the planned streak,
 * in {@link Routing#choose} order; the status guards of {@link Lifecycle}. Every answer is an
 * already completed {@link Future}. Not thread-safe: a test drives it from one thread.
 */
public final class InMemoryTickets implements TicketRepository, CounterRepository, OverviewRepository {

  /** What the unique index on a request id raises when a request id is used a second time. */
  public static final class RequestIdTaken extends RuntimeException {
    RequestIdTaken(String requestId) {
      super("request id already used: " + requestId, null, false, false);
    }
  }

  private record Event(long id, long ticketId, String type, TicketStatus from, TicketStatus to, String counterId,
      String officer, Instant at, String requestId) {
  }

  private static final class Row {
    long id;
    String service;
    LocalDate day;
    String prefix;
    int number;
    TicketStatus status;
    String priority;
    String channel;
    String token;
    Instant issuedAt;
    int aheadAtIssue;
    double minutesPerPerson;
    String counterId;
    String officer;
    Instant calledAt;
    Instant startedAt;
    Instant finishedAt;
    String outcome;
    int recallCount;
    Long transferredFrom;
    String note;
    String requestId;
    Long printJob;

    Ticket ticket(long eventId) {
      return new Ticket(id, service, day, prefix, number, status, priority, channel, token, issuedAt, aheadAtIssue,
          minutesPerPerson, counterId, officer, calledAt, startedAt, finishedAt, outcome, recallCount, transferredFrom,
          note, eventId);
    }
  }

  private static final class CounterRow {
    String state = "CLOSED";
    String pauseReason;
    String officer;
    Long current;
    int priorityStreak;
    LocalDate servedDay;
    Map<String, Integer> served = new HashMap<>();
    List<String> services;
    Map<String, Integer> weights = new HashMap<>();
  }

  private final Hall hall;
  private final Map<Long, Row> tickets = new LinkedHashMap<>();
  private final Map<String, Integer> sequences = new HashMap<>();
  private final List<Event> events = new ArrayList<>();
  private final Map<String, CounterRow> counters = new LinkedHashMap<>();
  private int claims;
  private long nextTicket = 1;
  private long nextPrintJob = 1;
  private String runningText;

  /** Every configured counter, CLOSED, as the start of a day leaves them. */
  public InMemoryTickets(Hall hall) {
    this.hall = hall;
    hall.counters().forEach(c -> counters.put(c.id(), new CounterRow()));
  }

  // ---- what a test arranges and looks at

  /** Opens a counter directly, as if its officer had. */
  public InMemoryTickets open(String counterId, String officer) {
    CounterRow c = counterRow(counterId);
    c.state = "OPEN";
    c.officer = officer;
    return this;
  }

  /** Changes a counter's stored priority streak, as another node's call would. */
  public void setPriorityStreak(String counterId, int streak) {
    counterRow(counterId).priorityStreak = streak;
  }

  /** How many call-next claims were attempted, successful or not. */
  public int claims() {
    return claims;
  }

  /** Every stored ticket row, in the order they were made. */
  public List<Ticket> all() {
    return tickets.values().stream().map(r -> r.ticket(0)).toList();
  }

  /** How many events of a type the log holds. */
  public long eventCount(String type) {
    return events.stream().filter(e -> e.type().equals(type)).count();
  }

  // ---- tickets

  @Override
  public Future<Optional<IssueResult>> issue(IssueRequest r) {
    Optional<IssueResult> first = byRequest(r.requestId());
    if (first.isPresent()) {
      return Future.succeededFuture(first);
    }
    String key = r.service() + "/" + r.day();
    Integer last = sequences.get(key);
    if (last != null && last >= r.quota()) {
      return Future.succeededFuture(Optional.empty());
    }
    int number = last == null ? 1 : last + 1;
    sequences.put(key, number);
    Row t = new Row();
    t.id = nextTicket++;
    t.service = r.service();
    t.day = r.day();
    t.prefix = r.prefix();
    t.number = number;
    t.status = Lifecycle.QUEUED;
    t.priority = r.priority();
    t.channel = r.channel();
    t.token = r.trackingToken();
    t.issuedAt = r.at();
    t.aheadAtIssue = (int) waiting(r.day(), List.of(r.service())).count();
    t.minutesPerPerson = r.minutesPerPerson();
    t.requestId = r.requestId();
    t.printJob = r.printKiosk() == null ? null : nextPrintJob++;
    tickets.put(t.id, t);
    log(t, "ISSUE", null, Lifecycle.QUEUED, null, null, r.at(), null);
    return Future.succeededFuture(Optional.of(new IssueResult(t.ticket(0), t.printJob)));
  }

  @Override
  public Future<Optional<IssueResult>> issuedByRequest(String requestId) {
    return Future.succeededFuture(byRequest(requestId));
  }

  private Optional<IssueResult> byRequest(String requestId) {
    if (requestId == null) {
      return Optional.empty();
    }
    return tickets.values().stream().filter(t -> requestId.equals(t.requestId)).findFirst()
        .map(t -> new IssueResult(t.ticket(0), t.printJob));
  }

  @Override
  public Future<Optional<Ticket>> ticketById(long id) {
    return Future.succeededFuture(Optional.ofNullable(tickets.get(id)).map(t -> t.ticket(0)));
  }

  @Override
  public Future<Optional<Ticket>> ticketByToken(String token) {
    return Future.succeededFuture(tickets.values().stream().filter(t -> t.token.equals(token))
        .max(Comparator.comparingLong(t -> t.id)).map(t -> t.ticket(0)));
  }

  @Override
  public Future<Integer> aheadOf(Ticket t) {
    return Future.succeededFuture((int) waiting(t.serviceDay(), List.of(t.service()))
        .filter(w -> w.issuedAt.isBefore(t.issuedAt()) || w.issuedAt.equals(t.issuedAt()) && w.id < t.id()).count());
  }

  @Override
  public Future<Optional<Replay>> replay(String requestId) {
    if (requestId == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return Future.succeededFuture(events.stream().filter(e -> requestId.equals(e.requestId())).findFirst()
        .map(e -> new Replay(e.type(), e.counterId(), tickets.get(e.ticketId()).ticket(0))));
  }

  @Override
  public Future<Optional<Ticket>> transition(TransitionRequest r) {
    Row t = tickets.get(r.ticketId());
    boolean guarded = t != null && t.status == r.from()
        && (r.counterId() == null || Lifecycle.from(TicketAction.RESUME).contains(r.from())
            || r.counterId().equals(t.counterId))
        && (!"RECALL".equals(r.eventType()) || t.recallCount == r.recallCount() - 1);
    if (!guarded) {
      return Future.succeededFuture(Optional.empty());
    }
    if (taken(r.requestId())) {
      return Future.failedFuture(new RequestIdTaken(r.requestId()));
    }
    t.status = r.to();
    t.recallCount = r.recallCount();
    if ("START".equals(r.eventType())) {
      t.startedAt = r.at();
    }
    if (r.to().isFinal()) {
      t.finishedAt = r.at();
    }
    if (r.to() == Lifecycle.QUEUED) {
      t.counterId = null;
    }
    if (r.outcome() != null) {
      t.outcome = r.outcome();
    }
    if ("HOLD".equals(r.eventType()) && r.data() != null && r.data().containsKey("note")) {
      t.note = r.data().getString("note");
    }
    long event = log(t, r.eventType(), r.from(), r.to(), r.counterId(), r.officer(), r.at(), r.requestId());
    if (!r.counterKeepsTicket() && r.counterId() != null) {
      release(r.counterId(), t.id);
    }
    return Future.succeededFuture(Optional.of(t.ticket(event)));
  }

  @Override
  public Future<Optional<Ticket>> transfer(long ticketId, String targetService, Instant at, String counterId,
      String officer, String requestId, String note, String outcome) {
    Row t = tickets.get(ticketId);
    if (t == null || !Lifecycle.from(TicketAction.TRANSFER).contains(t.status)) {
      return Future.succeededFuture(Optional.empty());
    }
    if (taken(requestId)) {
      return Future.failedFuture(new RequestIdTaken(requestId));
    }
    TicketStatus from = t.status;
    t.status = Lifecycle.to(TicketAction.TRANSFER);
    t.finishedAt = at;
    t.outcome = outcome;
    Row n = new Row();
    n.id = nextTicket++;
    n.service = targetService;
    n.day = t.day;
    n.prefix = t.prefix;
    n.number = t.number;
    n.status = Lifecycle.QUEUED;
    n.priority = t.priority;
    n.channel = t.channel;
    n.token = t.token;
    n.issuedAt = t.issuedAt;
    n.transferredFrom = t.id;
    n.note = note;
    tickets.put(n.id, n);
    log(t, "TRANSFER", from, t.status, counterId, officer, at, requestId);
    log(n, "TRANSFER", null, Lifecycle.QUEUED, counterId, officer, at, null);
    release(counterId, t.id);
    return Future.succeededFuture(Optional.of(n.ticket(0)));
  }

  @Override
  public Future<Optional<Ticket>> callTicket(String counterId, long ticketId, List<String> services, String officer,
      Instant now, String requestId, JsonObject data, LocalDate day) {
    CounterRow c = counterRow(counterId);
    Row t = tickets.get(ticketId);
    if (!freeToCall(c) || t == null || !Lifecycle.from(TicketAction.CALL).contains(t.status)
        || !services.contains(t.service) || !t.day.equals(day)) {
      return Future.succeededFuture(Optional.empty());
    }
    if (taken(requestId)) {
      return Future.failedFuture(new RequestIdTaken(requestId));
    }
    long event = call(t, counterId, officer, now, requestId);
    c.current = t.id;
    return Future.succeededFuture(Optional.of(t.ticket(event)));
  }

  @Override
  public Future<List<Ticket>> waitingOf(LocalDate day, List<String> services, int limit) {
    return Future.succeededFuture(waiting(day, services).limit(limit).map(t -> t.ticket(0)).toList());
  }

  @Override
  public Future<List<Ticket>> held(LocalDate day, List<String> services) {
    return Future.succeededFuture(tickets.values().stream()
        .filter(t -> Lifecycle.from(TicketAction.RESUME).contains(t.status) && t.day.equals(day)
            && services.contains(t.service))
        .sorted(Comparator.comparing(t -> t.issuedAt)).map(t -> t.ticket(0)).toList());
  }

  @Override
  public boolean isRequestReplay(Throwable err) {
    return err instanceof RequestIdTaken;
  }

  // ---- counters

  @Override
  public Future<CounterSnapshot> counter(String counterId) {
    if (!counters.containsKey(counterId)) {
      return Future.failedFuture(new QueueException(ErrorCode.UNKNOWN_COUNTER, "Loket tidak dikenal: " + counterId));
    }
    return Future.succeededFuture(snapshot(counterId));
  }

  @Override
  public Future<List<CounterSnapshot>> counters() {
    return Future.succeededFuture(counters.keySet().stream().map(this::snapshot).toList());
  }

  @Override
  public Future<Optional<CounterSnapshot>> callNext(String counterId, LocalDate day, List<String> services,
      boolean priorityFirst, boolean transfersFirst, CounterSnapshot.PlannedFrom from, String officer, Instant now,
      String requestId) {
    claims++;
    CounterRow c = counterRow(counterId);
    if (!freeToCall(c) || !snapshot(counterId).plannedFrom().equals(from)) {
      return Future.succeededFuture(Optional.empty());
    }
    int plannedStreak = from.priorityStreak();
    Routing.CallPlan plan = new Routing.CallPlan(services, priorityFirst, transfersFirst);
    List<Routing.Candidate> waiting = waiting(day, services)
        .map(t -> new Routing.Candidate(t.id, t.service, t.priority != null, t.transferredFrom != null, t.issuedAt))
        .toList();
    Optional<Routing.Candidate> chosen = Routing.choose(waiting, plan);
    if (chosen.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    if (taken(requestId)) {
      return Future.failedFuture(new RequestIdTaken(requestId));
    }
    Row t = tickets.get(chosen.get().id());
    long event = call(t, counterId, officer, now, requestId);
    c.current = t.id;
    c.priorityStreak = Routing.nextStreak(plannedStreak, t.priority != null);
    if (!day.equals(c.servedDay)) {
      c.served = new HashMap<>();
    }
    c.served.merge(t.service, 1, Integer::sum);
    c.servedDay = day;
    CounterSnapshot s = snapshot(counterId);
    return Future.succeededFuture(Optional.of(s.withCurrent(t.ticket(event))));
  }

  @Override
  public Future<Optional<String>> setCounterState(String counterId, String state, String reason, String officer,
      Instant at, String eventType, boolean requiresIdle) {
    CounterRow c = counterRow(counterId);
    if (requiresIdle && c.current != null) {
      return Future.succeededFuture(Optional.empty());
    }
    String from = c.state;
    c.state = state;
    c.pauseReason = reason;
    c.officer = officer;
    return Future.succeededFuture(Optional.of(from));
  }

  @Override
  public Future<Void> setServices(String counterId, List<String> services, Map<String, Integer> weights, Instant at,
      String officer) {
    CounterRow c = counterRow(counterId);
    c.services = services == null ? null : List.copyOf(services);
    c.weights = weights == null ? new HashMap<>() : new HashMap<>(weights);
    return Future.succeededFuture();
  }

  @Override
  public Future<ServedToday> servedToday(String officer, String counterId, Instant since) {
    List<Event> done = events.stream()
        .filter(e -> !e.at().isBefore(since) && e.to() == Lifecycle.to(TicketAction.FINISH)).toList();
    return Future.succeededFuture(new ServedToday(
        (int) done.stream().filter(e -> e.type().equals("FINISH") && counterId.equals(e.counterId())).count(),
        (int) done.stream().filter(e -> e.type().equals("FINISH") && officer.equals(e.officer())).count(),
        (int) done.stream().filter(e -> e.type().equals("TRANSFER") && officer.equals(e.officer())).count()));
  }

  // ---- the overview

  @Override
  public Future<Map<String, QueueRow>> queues(LocalDate day) {
    return queues(day, tickets.values().stream().map(t -> t.service).distinct().toList());
  }

  @Override
  public Future<Map<String, QueueRow>> queues(LocalDate day, Collection<String> services) {
    Map<String, QueueRow> out = new HashMap<>();
    waiting(day, List.copyOf(services)).forEach(t -> out.merge(t.service, new QueueRow(t.service, 1, t.issuedAt),
        (a, b) -> new QueueRow(a.service(), a.waiting() + 1,
            a.oldest().isBefore(b.oldest()) ? a.oldest() : b.oldest())));
    return Future.succeededFuture(out);
  }

  @Override
  public Future<Map<String, Integer>> issuedToday(LocalDate day) {
    Map<String, Integer> out = new HashMap<>();
    sequences.forEach((key, n) -> {
      String[] parts = key.split("/");
      if (parts[1].equals(day.toString())) {
        out.put(parts[0], n);
      }
    });
    return Future.succeededFuture(out);
  }

  /** No samples: the estimates fall back to each service's configured minutes. */
  @Override
  public Future<Map<String, ServiceTime>> recentServiceTimes(LocalDate day) {
    return Future.succeededFuture(Map.of());
  }

  @Override
  public Future<List<String>> openCounters() {
    return Future.succeededFuture(counters.entrySet().stream().filter(e -> "OPEN".equals(e.getValue().state))
        .map(Map.Entry::getKey).toList());
  }

  @Override
  public Future<List<CallRow>> callsAfter(long afterSeq, String zone, int limit) {
    List<Event> calls = events.stream().filter(e -> isCall(e) && e.id() > afterSeq
        && (zone == null || hall.counter(e.counterId()).map(c -> zone.equals(c.zone())).orElse(false))).toList();
    return Future.succeededFuture(calls.subList(Math.max(0, calls.size() - limit), calls.size()).stream()
        .map(e -> new CallRow(e.id(), e.type().equals("RECALL"), e.at(), e.counterId(),
            tickets.get(e.ticketId()).ticket(e.id())))
        .toList());
  }

  @Override
  public Future<List<Long>> callSeqsAfter(long afterSeq, int limit) {
    List<Long> seqs = events.stream().filter(e -> isCall(e) && e.id() > afterSeq).map(Event::id)
        .sorted(java.util.Comparator.reverseOrder()).toList();
    return Future.succeededFuture(seqs.subList(0, Math.min(limit, seqs.size())));
  }

  @Override
  public Future<List<CallRow>> callsAt(List<Long> seqs) {
    return Future.succeededFuture(events.stream().filter(e -> isCall(e) && seqs.contains(e.id()))
        .map(e -> new CallRow(e.id(), e.type().equals("RECALL"), e.at(), e.counterId(),
            tickets.get(e.ticketId()).ticket(e.id())))
        .toList());
  }

  @Override
  public Future<Long> latestCallSeq() {
    return Future.succeededFuture(events.stream().filter(InMemoryTickets::isCall).mapToLong(Event::id).max()
        .orElse(0));
  }

  @Override
  public Future<String> runningText() {
    return Future.succeededFuture(runningText);
  }

  @Override
  public Future<Void> runningText(String text) {
    runningText = text;
    return Future.succeededFuture();
  }

  // ---- shared steps

  private static boolean isCall(Event e) {
    return Set.of("CALL", "RECALL").contains(e.type()) && e.to() == Lifecycle.to(TicketAction.CALL);
  }

  private java.util.stream.Stream<Row> waiting(LocalDate day, List<String> services) {
    return tickets.values().stream()
        .filter(t -> t.status == Lifecycle.QUEUED && t.day.equals(day) && services.contains(t.service))
        .sorted(Comparator.<Row, Instant>comparing(t -> t.issuedAt).thenComparingLong(t -> t.id));
  }

  private static boolean freeToCall(CounterRow c) {
    return "OPEN".equals(c.state) && c.current == null;
  }

  private long call(Row t, String counterId, String officer, Instant now, String requestId) {
    TicketStatus from = t.status;
    t.status = Lifecycle.to(TicketAction.CALL);
    t.counterId = counterId;
    t.officer = officer;
    t.calledAt = now;
    t.recallCount = 0;
    return log(t, "CALL", from, t.status, counterId, officer, now, requestId);
  }

  private boolean taken(String requestId) {
    return requestId != null && events.stream().anyMatch(e -> requestId.equals(e.requestId()));
  }

  private long log(Row t, String type, TicketStatus from, TicketStatus to, String counterId, String officer,
      Instant at, String requestId) {
    long id = events.size() + 1;
    events.add(new Event(id, t.id, type, from, to, counterId, officer, at, requestId));
    return id;
  }

  private void release(String counterId, long ticketId) {
    CounterRow c = counters.get(counterId);
    if (c != null && c.current != null && c.current == ticketId) {
      c.current = null;
    }
  }

  private CounterRow counterRow(String counterId) {
    CounterRow c = counters.get(counterId);
    if (c == null) {
      throw new QueueException(ErrorCode.UNKNOWN_COUNTER, "Loket tidak dikenal: " + counterId);
    }
    return c;
  }

  private CounterSnapshot snapshot(String counterId) {
    CounterRow c = counters.get(counterId);
    Ticket current = c.current == null ? null : tickets.get(c.current).ticket(0);
    return new CounterSnapshot(counterId, c.state, c.pauseReason, c.officer, c.current, c.priorityStreak,
        c.servedDay, Map.copyOf(c.served), current, c.services, Map.copyOf(c.weights));
  }
}
