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
import io.vertx.sqlclient.Tuple;
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

  public TicketStore(SqlClient client) {
    this.client = client;
  }

  /** Empty when the quota is exhausted; a repeated request id answers with the first ticket. */
  public Future<Optional<IssueResult>> issue(IssueRequest r) {
    Tuple args = Tuple.tuple()
        .addString(r.service()).addLocalDate(r.day()).addInteger(r.quota()).addString(r.prefix())
        .addString(r.priority()).addString(r.channel()).addString(r.trackingToken()).addString(r.requestId())
        .addOffsetDateTime(ts(r.at())).addDouble(r.minutesPerPerson()).addString(r.printKiosk());
    return client.preparedQuery(Sql.ISSUE).execute(args)
        .map(rows -> rows.size() == 0 ? Optional.<IssueResult>empty() : Optional.of(new IssueResult(
            ticket(rows.iterator().next()), rows.iterator().next().getLong("print_job"))))
        .recover(err -> isUnique(err, "ticket_request_unique")
            ? client.preparedQuery(Sql.TICKET_BY_REQUEST).execute(Tuple.of(r.requestId())).map(rows -> Optional.of(
                new IssueResult(ticket(rows.iterator().next()), rows.iterator().next().getLong("print_job"))))
            : Future.failedFuture(err));
  }

  /** The ticket a request id already issued, with its print job, if any. */
  public Future<Optional<IssueResult>> issuedByRequest(String requestId) {
    if (requestId == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return client.preparedQuery(Sql.TICKET_BY_REQUEST).execute(Tuple.of(requestId)).map(rows -> rows.size() == 0
        ? Optional.<IssueResult>empty()
        : Optional.of(new IssueResult(ticket(rows.iterator().next()), rows.iterator().next().getLong("print_job"))));
  }

  public Future<Optional<Ticket>> ticketById(long id) {
    return client.preparedQuery(Sql.TICKET_BY_ID).execute(Tuple.of(id)).map(TicketStore::first);
  }

  public Future<Optional<Ticket>> ticketByToken(String token) {
    return client.preparedQuery(Sql.TICKET_BY_TOKEN).execute(Tuple.of(token)).map(TicketStore::first);
  }

  public Future<Integer> aheadOf(Ticket t) {
    return client.preparedQuery(Sql.AHEAD_OF)
        .execute(Tuple.of(t.service(), t.serviceDay(), ts(t.issuedAt()), t.id()))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  public Future<Optional<Replay>> replay(String requestId) {
    if (requestId == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return client.preparedQuery(Sql.EVENT_BY_REQUEST).execute(Tuple.of(requestId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Replay(row.getString("type"), row.getString("counter_id"), ticket(row)));
    });
  }

  public Future<CounterSnapshot> counter(String counterId) {
    return client.preparedQuery(Sql.COUNTER_GET).execute(Tuple.of(counterId)).map(rows -> {
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
   * priority streak is no longer {@code plannedStreak} (the plan is out of date). The streak it
   * stores is {@link Routing#nextStreak} of the planned one. The counter's row comes back with
   * it, so nothing needs reading again to publish it.
   */
  public Future<Optional<CounterSnapshot>> callNext(String counterId, LocalDate day, List<String> services,
      boolean priorityFirst, boolean transfersFirst, int plannedStreak, String officer, Instant now,
      String requestId) {
    Tuple args = Tuple.tuple().addString(counterId).addLocalDate(day)
        .addArrayOfString(services.toArray(new String[0])).addBoolean(priorityFirst).addBoolean(transfersFirst)
        .addString(officer).addOffsetDateTime(ts(now)).addString(requestId).addInteger(plannedStreak)
        .addInteger(Routing.nextStreak(plannedStreak, true)).addInteger(Routing.nextStreak(plannedStreak, false));
    return client.preparedQuery(Sql.CALL_NEXT).execute(args).map(rows -> {
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
    Tuple args = Tuple.tuple().addLong(r.ticketId()).addString(r.from().name()).addString(r.to().name())
        .addInteger(r.recallCount()).addString(r.eventType()).addOffsetDateTime(ts(r.at())).addString(r.outcome())
        .addString(r.counterId()).addString(r.officer()).addString(r.requestId()).addValue(r.data())
        .addBoolean(r.counterKeepsTicket());
    return client.preparedQuery(Sql.TRANSITION).execute(args).map(TicketStore::first);
  }

  /** Returns the new waiting ticket in the target service; empty when the ticket was not serving. */
  public Future<Optional<Ticket>> transfer(long ticketId, String targetService, Instant at, String counterId,
      String officer, String requestId, String note, String outcome) {
    Tuple args = Tuple.tuple().addLong(ticketId).addString(targetService).addOffsetDateTime(ts(at))
        .addString(counterId).addString(officer).addString(requestId).addString(note).addString(outcome);
    return client.preparedQuery(Sql.TRANSFER).execute(args).map(TicketStore::first);
  }

  /** Returns the previous state, or empty when the counter was busy at the moment of the change. */
  public Future<Optional<String>> setCounterState(String counterId, String state, String reason, String officer,
      Instant at, String eventType, boolean requiresIdle) {
    Tuple args = Tuple.tuple().addString(counterId).addString(state).addString(reason).addString(officer)
        .addOffsetDateTime(ts(at)).addString(eventType).addBoolean(requiresIdle);
    return client.preparedQuery(Sql.COUNTER_SET_STATE).execute(args)
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
  }

  /** The managers' running text, or null when the configuration's applies. */
  public Future<String> runningText() {
    return client.preparedQuery(Sql.RUNNING_TEXT_GET).execute()
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  public Future<Void> runningText(String text) {
    return client.preparedQuery(Sql.RUNNING_TEXT_SET).execute(Tuple.of(text)).mapEmpty();
  }

  /** Calls after {@code afterSeq}; when more than {@code limit}, the latest {@code limit}. */
  public Future<List<CallRow>> callsAfter(long afterSeq, String zone, int limit) {
    return client.preparedQuery(Sql.CALLS_AFTER)
        .execute(Tuple.tuple().addLong(afterSeq).addString(zone).addInteger(limit)).map(rows -> {
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
    Tuple args = Tuple.tuple().addString(counterId)
        .addArrayOfString(services == null ? null : services.toArray(new String[0]))
        .addValue(weights == null || weights.isEmpty() ? null : new JsonObject(new HashMap<>(weights)))
        .addOffsetDateTime(ts(at)).addString(officer);
    return client.preparedQuery(Sql.COUNTER_SET_SERVICES).execute(args).mapEmpty();
  }

  /** Empty when the ticket is not waiting in these services today or the counter is not free. */
  public Future<Optional<Ticket>> callTicket(String counterId, long ticketId, List<String> services, String officer,
      Instant now, String requestId, JsonObject data, LocalDate day) {
    Tuple args = Tuple.tuple().addString(counterId).addLong(ticketId).addArrayOfString(services.toArray(new String[0]))
        .addString(officer).addOffsetDateTime(ts(now)).addString(requestId).addValue(data).addLocalDate(day);
    return client.preparedQuery(Sql.CALL_TICKET).execute(args).map(TicketStore::first);
  }

  public Future<ServedToday> servedToday(String officer, String counterId, Instant since) {
    return client.preparedQuery(Sql.SERVED_TODAY).execute(Tuple.of(officer, ts(since), counterId))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new ServedToday(r.getLong(0).intValue(), r.getLong(1).intValue(), r.getLong(2).intValue());
        });
  }

  public Future<List<Ticket>> waitingOf(LocalDate day, List<String> services, int limit) {
    return client.preparedQuery(Sql.WAITING_OF)
        .execute(Tuple.tuple().addLocalDate(day).addArrayOfString(services.toArray(new String[0])).addInteger(limit))
        .map(TicketStore::all);
  }

  public Future<List<Ticket>> held(LocalDate day, List<String> services) {
    return client.preparedQuery(Sql.HELD_TICKETS)
        .execute(Tuple.tuple().addLocalDate(day).addArrayOfString(services.toArray(new String[0])))
        .map(TicketStore::all);
  }

  public Future<Map<String, QueueRow>> queues(LocalDate day) {
    return queues(client.preparedQuery(Sql.QUEUES).execute(Tuple.of(day)));
  }

  /** Waiting count and oldest issue time of some services (the others are left out). */
  public Future<Map<String, QueueRow>> queues(LocalDate day, java.util.Collection<String> services) {
    return queues(client.preparedQuery(Sql.QUEUES_OF)
        .execute(Tuple.tuple().addLocalDate(day).addArrayOfString(services.toArray(new String[0]))));
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
    return client.preparedQuery(Sql.ISSUED_TODAY).execute(Tuple.of(day)).map(rows -> {
      Map<String, Integer> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getString(0), r.getInteger(1)));
      return out;
    });
  }

  public Future<Map<String, ServiceTime>> recentServiceTimes(LocalDate day) {
    return client.preparedQuery(Sql.RECENT_SERVICE_TIMES).execute(Tuple.of(day)).map(rows -> {
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
        r.getColumnIndex("event_id") >= 0 ? r.getLong("event_id") : 0);
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
