package id.antre.server.persistence;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.Routing;
import id.antre.server.domain.CounterSnapshot;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketStatus;
import id.antre.server.queue.CounterRepository;
import id.antre.server.queue.OverviewRepository;
import id.antre.server.queue.TicketRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tickets, counters and queues in PostgreSQL, the repositories of the application services.
 * Every method is one statement in autocommit.
 */
public class TicketStore implements TicketRepository, CounterRepository, OverviewRepository {
  /** SQLSTATE unique_violation. */
  static final String UNIQUE_VIOLATION = "23505";
  /** SQLSTATE foreign_key_violation. */
  static final String FOREIGN_KEY_VIOLATION = "23503";

  private final SqlClient client;
  private final Statement issue;
  private final Statement ticketByRequest;
  private final Statement ticketById;
  private final Statement ticketByToken;
  private final Statement aheadOf;
  private final Statement eventByRequest;
  private final Statement counterGet;
  private final Statement callNext;
  private final Statement transition;
  private final Statement transfer;
  private final Statement counterSetState;
  private final Statement runningTextSet;
  private final Statement callsAfter;
  private final Statement callSeqsAfter;
  private final Statement callsAt;
  private final Statement counterSetServices;
  private final Statement callTicket;
  private final Statement servedToday;
  private final Statement waitingOf;
  private final Statement heldTickets;
  private final Statement allQueues;
  private final Statement queuesOf;
  private final Statement issuedToday;
  private final Statement recentServiceTimes;

  public TicketStore(SqlClient client) {
    this.client = client;
    issue = new Statement(client, Sql.ISSUE);
    ticketByRequest = new Statement(client, Sql.TICKET_BY_REQUEST);
    ticketById = new Statement(client, Sql.TICKET_BY_ID);
    ticketByToken = new Statement(client, Sql.TICKET_BY_TOKEN);
    aheadOf = new Statement(client, Sql.AHEAD_OF);
    eventByRequest = new Statement(client, Sql.EVENT_BY_REQUEST);
    counterGet = new Statement(client, Sql.COUNTER_GET);
    callNext = new Statement(client, Sql.CALL_NEXT);
    transition = new Statement(client, Sql.TRANSITION);
    transfer = new Statement(client, Sql.TRANSFER);
    counterSetState = new Statement(client, Sql.COUNTER_SET_STATE);
    runningTextSet = new Statement(client, Sql.RUNNING_TEXT_SET);
    callsAfter = new Statement(client, Sql.CALLS_AFTER);
    callSeqsAfter = new Statement(client, Sql.CALL_SEQS_AFTER);
    callsAt = new Statement(client, Sql.CALLS_AT);
    counterSetServices = new Statement(client, Sql.COUNTER_SET_SERVICES);
    callTicket = new Statement(client, Sql.CALL_TICKET);
    servedToday = new Statement(client, Sql.SERVED_TODAY);
    waitingOf = new Statement(client, Sql.WAITING_OF);
    heldTickets = new Statement(client, Sql.HELD_TICKETS);
    allQueues = new Statement(client, Sql.QUEUES);
    queuesOf = new Statement(client, Sql.QUEUES_OF);
    issuedToday = new Statement(client, Sql.ISSUED_TODAY);
    recentServiceTimes = new Statement(client, Sql.RECENT_SERVICE_TIMES);
  }

  /** Empty when the quota is exhausted; a repeated request id answers with the first ticket. */
  public Future<Optional<IssueResult>> issue(IssueRequest r) {
    return issue.execute("service", r.service(), "day", r.day(), "quota", r.quota(), "prefix", r.prefix(),
            "priority", r.priority(), "channel", r.channel(), "trackingToken", r.trackingToken(),
            "requestId", r.requestId(), "now", ts(r.at()), "minutesPerPerson", r.minutesPerPerson(),
            "printKiosk", r.printKiosk())
        .map(rows -> rows.size() == 0 ? Optional.<IssueResult>empty() : Optional.of(new IssueResult(
            ticket(rows.iterator().next()), rows.iterator().next().getLong("print_job"))))
        .recover(err -> isUnique(err, "ticket_request_unique")
            ? ticketByRequest.execute("requestId", r.requestId()).map(rows -> Optional.of(
                new IssueResult(ticket(rows.iterator().next()), rows.iterator().next().getLong("print_job"))))
            : Future.failedFuture(err));
  }

  /** The ticket a request id already issued, with its print job, if any. */
  public Future<Optional<IssueResult>> issuedByRequest(String requestId) {
    if (requestId == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return ticketByRequest.execute("requestId", requestId).map(rows -> rows.size() == 0
        ? Optional.<IssueResult>empty()
        : Optional.of(new IssueResult(ticket(rows.iterator().next()), rows.iterator().next().getLong("print_job"))));
  }

  public Future<Optional<Ticket>> ticketById(long id) {
    return ticketById.execute("id", id).map(TicketStore::first);
  }

  public Future<Optional<Ticket>> ticketByToken(String token) {
    return ticketByToken.execute("token", token).map(TicketStore::first);
  }

  public Future<Integer> aheadOf(Ticket t) {
    return aheadOf.execute("service", t.service(), "day", t.serviceDay(), "queuedAt", ts(t.queuedAt()), "id", t.id())
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  public Future<Optional<Replay>> replay(String requestId) {
    if (requestId == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return eventByRequest.execute("requestId", requestId).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Replay(row.getString("type"), row.getString("counter_id"), ticket(row)));
    });
  }

  public Future<CounterSnapshot> counter(String counterId) {
    return counterGet.execute("counter", counterId).map(rows -> {
      if (rows.size() == 0) {
        throw new QueueException(ErrorCode.UNKNOWN_COUNTER, "Loket tidak dikenal: " + counterId);
      }
      return counterRow(rows.iterator().next());
    });
  }

  public Future<List<CounterSnapshot>> counters() {
    return client.preparedQuery(Sql.COUNTERS_ALL).execute().map(rows -> {
      List<CounterSnapshot> out = new ArrayList<>();
      rows.forEach(r -> out.add(counterRow(r)));
      return out;
    });
  }

  /**
   * Claims the next ticket by the plan; empty when nobody waits, the counter is not free, or its
   * priority streak or reassignment is no longer the one planned from (the plan is out of date).
   * The streak it stores is {@link Routing#nextStreak} of the planned one. The counter's row
   * comes back with it, so nothing needs reading again to publish it.
   */
  public Future<Optional<CounterSnapshot>> callNext(String counterId, LocalDate day, List<String> services,
      boolean priorityFirst, boolean transfersFirst, CounterSnapshot.PlannedFrom from, String officer, Instant now,
      String requestId) {
    int streak = from.priorityStreak();
    return callNext.execute("counter", counterId, "day", day, "services", services.toArray(new String[0]),
        "priorityFirst", priorityFirst, "transfersFirst", transfersFirst, "officer", officer, "now", ts(now),
        "requestId", requestId, "plannedStreak", streak,
        "plannedServices", from.services() == null ? null : from.services().toArray(new String[0]),
        "plannedWeights", new JsonObject(new HashMap<>(from.weights())),
        "streakAfterPriority", Routing.nextStreak(streak, true),
        "streakAfterRegular", Routing.nextStreak(streak, false)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      Ticket t = ticket(r);
      String[] services2 = r.getArrayOfStrings("cs_services");
      return Optional.of(new CounterSnapshot(counterId, r.getString("cs_state"), r.getString("cs_pause_reason"),
          r.getString("cs_officer"), t.id(), r.getInteger("cs_priority_streak"), r.getLocalDate("cs_served_day"),
          intMap(r.getValue("cs_served")), t, services2 == null ? null : List.of(services2), intMap(r.getValue("cs_weights"))));
    });
  }

  private static Map<String, Integer> intMap(Object json) {
    Map<String, Integer> out = new HashMap<>();
    if (json instanceof JsonObject o) {
      o.forEach(e -> out.put(e.getKey(), ((Number) e.getValue()).intValue()));
    }
    return out;
  }

  /** Empty when the ticket is no longer in the expected status (somebody else moved it). */
  public Future<Optional<Ticket>> transition(TransitionRequest r) {
    return transition.execute("ticket", r.ticketId(), "from", r.from().name(), "to", r.to().name(),
        "recallCount", r.recallCount(), "eventType", r.eventType(), "now", ts(r.at()), "outcome", r.outcome(),
        "counter", r.counterId(), "officer", r.officer(), "requestId", r.requestId(), "data", r.data(),
        "counterKeepsTicket", r.counterKeepsTicket()).map(TicketStore::first);
  }

  /** Returns the new waiting ticket in the target service; empty when the ticket was not serving. */
  public Future<Optional<Ticket>> transfer(long ticketId, String targetService, Instant at, String counterId,
      String officer, String requestId, String note, String outcome) {
    return transfer.execute("ticket", ticketId, "target", targetService, "now", ts(at), "counter", counterId,
        "officer", officer, "requestId", requestId, "note", note, "outcome", outcome).map(TicketStore::first);
  }

  /** Returns the previous state, or empty when the counter was busy at the moment of the change. */
  public Future<Optional<String>> setCounterState(String counterId, String state, String reason, String officer,
      Instant at, String eventType, boolean requiresIdle) {
    return counterSetState.execute("counter", counterId, "state", state, "reason", reason, "officer", officer,
            "now", ts(at), "eventType", eventType, "requiresIdle", requiresIdle)
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
  }

  /** The managers' running text, or null when the configuration's applies. */
  public Future<String> runningText() {
    return client.preparedQuery(Sql.RUNNING_TEXT_GET).execute()
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  public Future<Void> runningText(String text) {
    return runningTextSet.execute("text", text).mapEmpty();
  }

  /** Calls after {@code afterSeq}; when more than {@code limit}, the latest {@code limit}. */
  public Future<List<CallRow>> callsAfter(long afterSeq, String zone, int limit) {
    return callsAfter.execute("afterEvent", afterSeq, "zone", zone, "limit", limit).map(rows -> {
          List<CallRow> out = new ArrayList<>();
          rows.forEach(r -> out.add(new CallRow(r.getLong("event_id"), "RECALL".equals(r.getString("event_type")),
              instant(r.getOffsetDateTime("event_at")), r.getString("event_counter"), ticket(r))));
          return out;
        });
  }

  @Override
  public Future<List<Long>> callSeqsAfter(long afterSeq, int limit) {
    return callSeqsAfter.execute("afterEvent", afterSeq, "limit", limit).map(rows -> {
      List<Long> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(r.getLong(0)));
      return out;
    });
  }

  @Override
  public Future<List<CallRow>> callsAt(List<Long> seqs) {
    return callsAt.execute("seqs", seqs.toArray(new Long[0])).map(rows -> {
      List<CallRow> out = new ArrayList<>();
      rows.forEach(r -> out.add(new CallRow(r.getLong("event_id"), "RECALL".equals(r.getString("event_type")),
          instant(r.getOffsetDateTime("event_at")), r.getString("event_counter"), ticket(r))));
      return out;
    });
  }

  public Future<Long> latestCallSeq() {
    return client.preparedQuery(Sql.LATEST_CALL).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** null services restore the configured ones. */
  public Future<Void> setServices(String counterId, List<String> services, Map<String, Integer> weights, Instant at,
      String officer) {
    return counterSetServices.execute("counter", counterId,
        "services", services == null ? null : services.toArray(new String[0]),
        "weights", weights == null || weights.isEmpty() ? null : new JsonObject(new HashMap<>(weights)),
        "now", ts(at), "officer", officer).mapEmpty();
  }

  /** Empty when the ticket is not waiting in these services today or the counter is not free. */
  public Future<Optional<Ticket>> callTicket(String counterId, long ticketId, List<String> services, String officer,
      Instant now, String requestId, JsonObject data, LocalDate day) {
    return callTicket.execute("counter", counterId, "ticket", ticketId, "services", services.toArray(new String[0]),
        "officer", officer, "now", ts(now), "requestId", requestId, "data", data, "day", day)
        .map(TicketStore::first);
  }

  public Future<ServedToday> servedToday(String officer, String counterId, Instant since) {
    return servedToday.execute("officer", officer, "since", ts(since), "counter", counterId)
        .map(rows -> {
          Row r = rows.iterator().next();
          return new ServedToday(r.getLong(0).intValue(), r.getLong(1).intValue(), r.getLong(2).intValue());
        });
  }

  public Future<List<Ticket>> waitingOf(LocalDate day, List<String> services, int limit) {
    return waitingOf.execute("day", day, "services", services.toArray(new String[0]), "limit", limit)
        .map(TicketStore::all);
  }

  public Future<List<Ticket>> held(LocalDate day, List<String> services) {
    return heldTickets.execute("day", day, "services", services.toArray(new String[0]))
        .map(TicketStore::all);
  }

  public Future<Map<String, QueueRow>> queues(LocalDate day) {
    return queues(allQueues.execute("day", day));
  }

  /** Waiting count and oldest queue time of some services (the others are left out). */
  public Future<Map<String, QueueRow>> queues(LocalDate day, java.util.Collection<String> services) {
    return queues(queuesOf.execute("day", day, "services", services.toArray(new String[0])));
  }

  private static Future<Map<String, QueueRow>> queues(Future<RowSet<Row>> query) {
    return query.map(rows -> {
      Map<String, QueueRow> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getString("service"), new QueueRow(r.getString("service"),
          r.getLong("waiting").intValue(), instant(r.getOffsetDateTime("oldest")))));
      return out;
    });
  }

  public Future<Map<String, Integer>> issuedToday(LocalDate day) {
    return issuedToday.execute("day", day).map(rows -> {
      Map<String, Integer> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getString(0), r.getInteger(1)));
      return out;
    });
  }

  public Future<Map<String, ServiceTime>> recentServiceTimes(LocalDate day) {
    return recentServiceTimes.execute("day", day).map(rows -> {
      Map<String, ServiceTime> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getString("service"),
          new ServiceTime(r.getNumeric("mean").doubleValue(), r.getLong("samples").intValue())));
      return out;
    });
  }

  public Future<List<String>> openCounters() {
    return client.preparedQuery(Sql.OPEN_COUNTERS).execute().map(rows -> {
      List<String> out = new ArrayList<>();
      rows.forEach(r -> out.add(r.getString(0)));
      return out;
    });
  }

  // ---- mapping

  /** A concurrent repeat of a request id lost the race on the event log's unique index. */
  @Override
  public boolean isRequestReplay(Throwable err) {
    return isUnique(err, "ticket_event_request_unique");
  }

  static boolean isUnique(Throwable err, String constraint) {
    return err instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
        && (constraint == null || constraint.equals(pg.getConstraint()));
  }

  static OffsetDateTime ts(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static Optional<Ticket> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(ticket(rows.iterator().next()));
  }

  private static List<Ticket> all(RowSet<Row> rows) {
    List<Ticket> out = new ArrayList<>();
    rows.forEach(r -> out.add(ticket(r)));
    return out;
  }

  static Ticket ticket(Row r) {
    return new Ticket(r.getLong("id"), r.getString("service"), r.getLocalDate("service_day"), r.getString("prefix"),
        r.getInteger("number"), TicketStatus.valueOf(r.getString("status")), r.getString("priority"),
        r.getString("channel"), r.getString("tracking_token"), instant(r.getOffsetDateTime("issued_at")),
        r.getInteger("ahead_at_issue"), r.getDouble("minutes_per_person"), r.getString("counter_id"),
        r.getString("officer"), instant(r.getOffsetDateTime("called_at")), instant(r.getOffsetDateTime("started_at")),
        instant(r.getOffsetDateTime("finished_at")), r.getString("outcome"), r.getInteger("recall_count"),
        r.getLong("transferred_from"), r.getString("note"),
        r.getColumnIndex("event_id") >= 0 ? r.getLong("event_id") : 0,
        r.getColumnIndex("queued_at") >= 0 && r.getValue("queued_at") != null
            ? instant(r.getOffsetDateTime("queued_at")) : instant(r.getOffsetDateTime("issued_at")),
        r.getColumnIndex("booking_code") >= 0 ? r.getString("booking_code") : null,
        r.getColumnIndex("booking_slot") >= 0 ? instant(r.getOffsetDateTime("booking_slot")) : null);
  }

  private static CounterSnapshot counterRow(Row r) {
    Map<String, Integer> served = new HashMap<>();
    Object json = r.getValue("served");
    if (json instanceof JsonObject o) {
      o.forEach(e -> served.put(e.getKey(), ((Number) e.getValue()).intValue()));
    }
    Ticket current = r.getValue("id") == null ? null : ticket(r);
    String[] services = r.getArrayOfStrings("counter_services");
    Map<String, Integer> weights = new HashMap<>();
    if (r.getValue("counter_weights") instanceof JsonObject w) {
      w.forEach(e -> weights.put(e.getKey(), ((Number) e.getValue()).intValue()));
    }
    return new CounterSnapshot(r.getString("counter_id"), r.getString("state"), r.getString("pause_reason"),
        r.getString("counter_officer"), r.getLong("current_ticket"), r.getInteger("priority_streak"),
        r.getLocalDate("served_day"), served, current, services == null ? null : List.of(services), weights);
  }
}
