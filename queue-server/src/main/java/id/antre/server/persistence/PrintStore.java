package id.antre.server.persistence;

import id.antre.server.queue.PrintRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Print jobs and printer states in PostgreSQL, the print service's repository. */
public class PrintStore implements PrintRepository {
  private final Statement open;
  private final Statement cancelStale;
  private final Statement get;
  private final Statement markSent;
  private final Statement result;
  private final Statement cancel;
  private final Statement printerState;
  private final Statement agentGone;
  private final Statement agentAlive;
  private final Statement printers;

  public PrintStore(SqlClient client) {
    open = new Statement(client, PrintSql.PRINT_JOBS_OPEN);
    cancelStale = new Statement(client, PrintSql.PRINT_JOBS_CANCEL_STALE);
    get = new Statement(client, PrintSql.PRINT_JOB_GET);
    markSent = new Statement(client, PrintSql.PRINT_JOB_SENT);
    result = new Statement(client, PrintSql.PRINT_JOB_RESULT);
    cancel = new Statement(client, PrintSql.PRINT_JOB_CANCEL);
    printerState = new Statement(client, PrintSql.PRINTER_STATE_UPSERT);
    agentGone = new Statement(client, PrintSql.PRINTER_STATE_AGENT_GONE);
    agentAlive = new Statement(client, PrintSql.PRINTER_STATE_ALIVE);
    printers = new Statement(client, PrintSql.PRINTER_STATES);
  }

  public Future<List<Job>> open(String kiosk) {
    return open.execute("kiosk", kiosk).map(rows -> {
      List<Job> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Job(r.getLong("job_id"), kiosk, r.getString("job_status"), r.getInteger("attempts"),
          null, TicketStore.ticket(r))));
      return out;
    });
  }

  /** Cancels the kiosk's open jobs whose ticket is no longer waiting or was issued before {@code issuedBefore}. */
  public Future<List<Job>> cancelStale(String kiosk, Instant now, Instant issuedBefore, String reason) {
    return cancelStale.execute("kiosk", kiosk, "now", TicketStore.ts(now), "issuedBefore", TicketStore.ts(issuedBefore),
            "reason", reason).map(rows -> {
          List<Job> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Job(r.getLong("job_id"), kiosk, "CANCELLED", r.getInteger("attempts"), reason,
              TicketStore.ticket(r))));
          return out;
        });
  }

  public Future<Optional<Job>> get(long id) {
    return get.execute("id", id).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Job(r.getLong("job_id"), r.getString("kiosk"), r.getString("job_status"),
          r.getInteger("attempts"), r.getString("last_error"), TicketStore.ticket(r)));
    });
  }

  public Future<Void> markSent(long id, Instant at) {
    return markSent.execute("id", id, "now", TicketStore.ts(at)).mapEmpty();
  }

  public Future<Optional<Result>> result(long id, String kiosk, boolean printed, String error, Instant at,
      int maxAttempts) {
    return result.execute("id", id, "kiosk", kiosk, "printed", printed, "error", error, "now", TicketStore.ts(at),
            "maxAttempts", maxAttempts)
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(new Result(rows.iterator().next().getString(0), rows.iterator().next().getInteger(1))));
  }

  public Future<Boolean> cancel(long id, Instant at) {
    return cancel.execute("id", id, "now", TicketStore.ts(at)).map(rows -> rows.size() > 0);
  }

  /** @param connection the agent connection that reports it (null when unknown) */
  public Future<Void> printerState(String kiosk, String status, String detail, String agent, Instant at,
      String connection) {
    return printerState.execute("kiosk", kiosk, "status", status, "detail", detail, "agent", agent,
        "now", TicketStore.ts(at), "connection", connection).mapEmpty();
  }

  /** AGENT_OFFLINE if {@code connection} is the one that reported last; false when a newer one has. */
  public Future<Boolean> agentGone(String kiosk, String connection, String detail, Instant at) {
    return agentGone.execute("kiosk", kiosk, "connection", connection, "detail", detail, "now", TicketStore.ts(at))
        .map(rows -> rows.size() > 0);
  }

  /** The holding node's word that {@code connection} is still the kiosk's agent; false when it no longer is. */
  public Future<Boolean> agentAlive(String kiosk, String connection) {
    return agentAlive.execute("kiosk", kiosk, "connection", connection).map(rows -> rows.size() > 0);
  }

  /** @param staleAfter a state not refreshed this long is {@link PrinterRow#stale()} */
  public Future<List<PrinterRow>> printers(java.time.Duration staleAfter) {
    return printers.execute("staleAfterSeconds", (double) staleAfter.toMillis() / 1000).map(rows -> {
      List<PrinterRow> out = new ArrayList<>();
      rows.forEach(r -> out.add(new PrinterRow(r.getString("kiosk"), r.getString("status"), r.getString("detail"),
          r.getString("agent"), TicketStore.instant(r.getOffsetDateTime("updated_at")), r.getLong("pending"),
          r.getLong("failed"), Boolean.TRUE.equals(r.getBoolean("stale")))));
      return out;
    });
  }
}
