package id.antre.server.queue;

import id.antre.server.auth.Actor;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketStatus;
import id.antre.server.logging.LogText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickets on paper. A kiosk with a print agent gets a durable print job with every ticket it
 * issues (in the issuing statement itself, so no ticket is without its job). Jobs go to the
 * agent over the WebSocket gateway; the agent answers printed or failed; a failure is retried
 * up to {@code maxAttempts}, jobs still open are sent again whenever the agent (re)connects.
 */
public class PrintService implements Printing {
  private static final Logger LOG = LoggerFactory.getLogger(PrintService.class);
  static final Set<String> PRINTER_STATES = Set.of("ONLINE", "PAPER_NEAR_END", "PAPER_OUT", "COVER_OPEN", "OFFLINE",
      "AGENT_OFFLINE");

  private final HallRef halls;
  private final PrintRepository store;
  private final Events events;
  private final Clock clock;
  private final String publicUrl;
  private final int maxAttempts;
  private final Duration retryDelay;
  private final Duration backlog;
  private final Supplier<Future<Set<String>>> loadKiosks;
  /**
   * Replaced whole by each refresh, never emptied and refilled in place: an issue reading it
   * meanwhile sees the old set or the new one, so a kiosk with a printer always gets its job.
   */
  private volatile Set<String> kiosksWithPrinter = Set.of();
  private RetryScheduler scheduler = (delay, task) -> task.run();
  private java.util.function.Function<String, Issuing.Outlook> outlook;

  /** Runs a task later (a Vert.x timer in the server). */
  public interface RetryScheduler {
    void later(Duration delay, Runnable task);
  }

  public PrintService(HallRef halls, PrintRepository store, Events events, Clock clock, String publicUrl, int maxAttempts,
      Duration retryDelay, Duration backlog, Supplier<Future<Set<String>>> loadKiosks) {
    this.backlog = backlog;
    this.halls = halls;
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.publicUrl = publicUrl;
    this.maxAttempts = maxAttempts;
    this.retryDelay = retryDelay;
    this.loadKiosks = loadKiosks;
  }

  /** Where a service's counters are and whether any is open: printed with the ticket. */
  public void outlook(java.util.function.Function<String, Issuing.Outlook> outlook) {
    this.outlook = outlook;
  }

  public void scheduler(RetryScheduler s) {
    this.scheduler = s;
  }

  public Future<Void> refreshKiosks() {
    return loadKiosks.get().map(k -> {
      kiosksWithPrinter = Set.copyOf(k);
      return null;
    });
  }

  /** The kiosk whose printer prints what this actor issues, or null. */
  public String printerFor(Actor actor, boolean wanted) {
    return wanted && actor.role() == Actor.Role.KIOSK && kiosksWithPrinter.contains(actor.name()) ? actor.name() : null;
  }

  /** A new job was committed with its ticket: send it to the printer. */
  public void queued(long jobId, String kiosk, Ticket ticket) {
    events.printer(kiosk, job(jobId, ticket));
    events.printer(kiosk, status(jobId, ticket, "QUEUED", 0, null));
  }

  /**
   * What a (re)connecting agent must print: the open jobs of tickets still waiting and issued
   * within the backlog window, marked sent. The others are cancelled, never printed: a ticket
   * already called or served, or one whose visitor took the number from the kiosk screen long ago.
   */
  @Override
  public Future<List<JsonObject>> pending(String kiosk) {
    Instant now = clock.instant();
    return store.cancelStale(kiosk, now, now.minus(backlog), "not printed: no longer waiting or issued over "
            + backlog.toMinutes() + " min ago")
        .compose(stale -> {
          if (!stale.isEmpty()) {
            LOG.info("{} open print jobs of {} cancelled, not printed: no longer waiting or older than {} min",
                stale.size(), kiosk, backlog.toMinutes());
          }
          stale.forEach(j -> events.printer(kiosk, status(j.id(), j.ticket(), "CANCELLED", j.attempts(), j.lastError())));
          return store.open(kiosk);
        })
        .compose(jobs -> {
      Future<Void> chain = Future.succeededFuture();
      for (PrintRepository.Job j : jobs) {
        chain = chain.compose(v -> store.markSent(j.id(), clock.instant()));
      }
      return chain.map(v -> jobs.stream().map(j -> job(j.id(), j.ticket())).toList());
    });
  }

  /** A failed job is sent again only while its ticket still waits; otherwise it is cancelled, never printed. */
  private void retry(long jobId, String kiosk) {
    store.get(jobId).onSuccess(found -> found.filter(j -> "QUEUED".equals(j.status())).ifPresent(j -> {
      if (j.ticket().status() != TicketStatus.WAITING) {
        String why = "not printed: the ticket is no longer waiting";
        store.cancel(jobId, clock.instant()).onSuccess(cancelled -> {
          if (cancelled) {
            LOG.info("print job {} of ticket id={} at {} cancelled: the ticket is {}", jobId, j.ticket().id(), kiosk,
                j.ticket().status());
            events.printer(kiosk, status(jobId, j.ticket(), "CANCELLED", j.attempts(), why));
          }
        });
        return;
      }
      store.markSent(jobId, clock.instant()).onSuccess(v -> events.printer(kiosk, job(jobId, j.ticket())));
    })).onFailure(e -> LOG.warn("print job {} at {}: retry not sent: {}", jobId, kiosk, e.getMessage()));
  }

  /**
   * How often the node holding an agent's socket vouches for it in PostgreSQL, and how long a
   * state may go without that before every node reads it as AGENT_OFFLINE (its node died or hangs).
   */
  public static final Duration AGENT_ALIVE_EVERY = Duration.ofSeconds(3);
  public static final Duration AGENT_STALE = Duration.ofSeconds(10);
  /** The agents whose socket this node holds: kiosk -> the connection that reported last through it. */
  private final Map<String, String> held = new ConcurrentHashMap<>();

  /**
   * Refreshes the liveness of every agent this node holds (call every {@link #AGENT_ALIVE_EVERY});
   * an agent another connection has taken over since is forgotten.
   */
  public Future<Void> vouchForAgents() {
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, String> e : held.entrySet()) {
      chain = chain.compose(v -> store.agentAlive(e.getKey(), e.getValue()).map(still -> {
        if (!still) {
          held.remove(e.getKey(), e.getValue());
        }
        return null;
      }));
    }
    return chain;
  }

  private static String status(PrintRepository.PrinterRow p) {
    return p.stale() ? "AGENT_OFFLINE" : p.status();
  }

  private static String detail(PrintRepository.PrinterRow p) {
    return p.stale() ? "agent's server not reachable" : p.detail();
  }

  /** The agent's answer for a job. */
  @Override
  public Future<JsonObject> result(Actor agent, long jobId, boolean printed, String error) {
    String kiosk = agent.kiosk();
    if (!agent.isPrintAgent()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, "only a print agent reports print results"));
    }
    return store.result(jobId, kiosk, printed, printed ? null : error, clock.instant(), maxAttempts).compose(r -> {
      if (r.isEmpty()) {
        // already answered (a duplicate after a reconnect), or not this kiosk's job
        return store.get(jobId).map(j -> j.filter(x -> x.kiosk().equals(kiosk))
            .map(x -> new JsonObject().put("job", jobId).put("status", x.status()))
            .orElseThrow(() -> new QueueException(ErrorCode.NOT_FOUND, "no such print job " + jobId)));
      }
      PrintRepository.Result res = r.get();
      return store.get(jobId).map(j -> {
        Ticket t = j.orElseThrow().ticket();
        LOG.info("print job {} of ticket {} id={} at {}: {} (attempt {}{})", jobId, t.number(), t.id(), kiosk,
            res.status(), res.attempts(), error == null ? "" : ", " + LogText.safe(error));
        events.printer(kiosk, status(jobId, t, res.status(), res.attempts(), error));
        if ("QUEUED".equals(res.status())) {
          scheduler.later(retryDelay, () -> retry(jobId, kiosk));
        }
        return new JsonObject().put("job", jobId).put("status", res.status()).put("attempts", res.attempts());
      });
    });
  }

  /**
   * The agent's connection closed: the printer is AGENT_OFFLINE, unless a newer connection (a
   * reconnect, or another agent that took over) has reported since.
   */
  @Override
  public Future<JsonObject> agentGone(Actor agent, String connection) {
    if (!agent.isPrintAgent()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, "only a print agent's connection"));
    }
    String detail = "agent disconnected";
    if (connection != null) {
      held.remove(agent.kiosk(), connection);
    }
    return store.agentGone(agent.kiosk(), connection, detail, clock.instant()).map(changed -> {
      JsonObject msg = new JsonObject().put("type", "printer").put("status", "AGENT_OFFLINE").put("detail", detail)
          .put("at", clock.instant().toString());
      if (changed) {
        LOG.info("printer of {} is AGENT_OFFLINE: its agent disconnected", agent.kiosk());
        events.printer(agent.kiosk(), msg);
      }
      return msg.put("changed", changed);
    });
  }

  /** @param connection the agent connection that reports, so its later close is told from a newer one's */
  @Override
  public Future<JsonObject> printerStatus(Actor agent, String status, String detail, String connection) {
    if (!agent.isPrintAgent()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, "only a print agent reports printer status"));
    }
    if (!PRINTER_STATES.contains(status)) {
      return Future.failedFuture(new QueueException(ErrorCode.INVALID_REQUEST, "status must be one of " + PRINTER_STATES));
    }
    return store.printerState(agent.kiosk(), status, detail, agent.name(), clock.instant(), connection).map(v -> {
      if (connection != null) {
        held.put(agent.kiosk(), connection);
      }
      LOG.info("printer of {} is {} {}", agent.kiosk(), status, detail == null ? "" : LogText.safe(detail));
      JsonObject msg = new JsonObject().put("type", "printer").put("status", status).put("detail", detail)
          .put("at", clock.instant().toString());
      events.printer(agent.kiosk(), msg);
      return msg.copy().put("kiosk", agent.kiosk());
    });
  }

  @Override
  public Future<JsonObject> cancel(Actor actor, long jobId) {
    if (!actor.managesHall()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, "only managers cancel print jobs"));
    }
    return store.get(jobId).compose(j -> {
      PrintRepository.Job job = j.orElseThrow(
          () -> new QueueException(ErrorCode.NOT_FOUND, "no such print job " + jobId));
      return store.cancel(jobId, clock.instant()).map(ok -> {
        if (!ok) {
          throw new QueueException(ErrorCode.INVALID_TRANSITION, "job " + jobId + " is " + job.status());
        }
        events.printer(job.kiosk(), status(jobId, job.ticket(), "CANCELLED", job.attempts(), null));
        return new JsonObject().put("job", jobId).put("status", "CANCELLED");
      });
    });
  }

  @Override
  public Future<JsonArray> printers(Actor actor) {
    if (!actor.isStaff()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, "staff only"));
    }
    return store.printers(AGENT_STALE).map(rows -> new JsonArray(rows.stream().map(p -> new JsonObject()
        .put("kiosk", p.kiosk()).put("status", status(p)).put("detail", detail(p)).put("agent", p.agent())
        .put("updatedAt", p.updatedAt().toString()).put("pendingJobs", p.pending()).put("failedJobs", p.failed()))
        .toList()));
  }

  /** The last known state of one kiosk's printer, or UNKNOWN when it never reported. */
  @Override
  public Future<JsonObject> printerState(String kiosk) {
    return store.printers(AGENT_STALE).map(rows -> rows.stream().filter(p -> p.kiosk().equals(kiosk)).findFirst()
        .map(p -> new JsonObject().put("status", status(p)).put("detail", detail(p))
            .put("updatedAt", p.updatedAt().toString()))
        .orElse(new JsonObject().put("status", "UNKNOWN")));
  }

  @Override
  public Future<JsonObject> jobContent(Actor actor, long jobId) {
    if (!actor.isStaff()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, "staff only"));
    }
    return store.get(jobId).map(found -> {
      PrintRepository.Job j = found.orElseThrow(
          () -> new QueueException(ErrorCode.NOT_FOUND, "no such print job " + jobId));
      return content(j.ticket()).put("status", j.status()).put("attempts", j.attempts()).put("lastError", j.lastError())
          .put("kiosk", j.kiosk());
    });
  }

  /** The print command with everything the ticket shows. */
  public JsonObject job(long jobId, Ticket t) {
    return new JsonObject().put("type", "print").put("job", jobId).put("ticketId", t.id())
        .put("content", content(t));
  }

  /** The printed ticket's content, as the printer-driver's TicketContent reads it. */
  public JsonObject content(Ticket t) {
    Hall hall = halls.get();
    Hall.Service s = hall.service(t.service()).orElseThrow();
    Hall.Agency a = hall.agency(s.agency()).orElseThrow();
    JsonObject j = new JsonObject()
        .put("hallName", hall.name())
        .put("hallSubtitle", hall.subtitle())
        .put("agencyName", a.fullName())
        .put("serviceName", s.name())
        .put("number", t.number())
        .put("issuedAt", t.issuedAt().atZone(hall.timeZone()).toOffsetDateTime().toString())
        .put("timeZone", hall.timeZone().getId())
        .put("ahead", t.aheadAtIssue())
        .put("estimatedWaitMinutes", t.estimatedWaitAtIssue())
        .put("trackingUrl", publicUrl + "/t/" + t.trackingToken())
        .put("requiredDocuments", new JsonArray(s.documents()))
        .put("footer", hall.ticketFooter())
        .put("priorityGroup", t.priority() == null ? null
            : id.antre.server.domain.Priority.ofCode(t.priority()).map(p -> p.labelId()).orElse(null))
        // a checked-in booking says its slot, in the hall's time; no personal data
        .put("bookingSlot", t.bookingSlot() == null ? null
            : id.antre.server.domain.Availability.time(t.bookingSlot().atZone(hall.timeZone()).toLocalTime()));
    if (outlook != null) {
      Issuing.Outlook o = outlook.apply(t.service());
      j.put("location", o.where()).put("countersOpen", o.serving())
          .put("servingFrom", o.servingFrom().map(id.antre.server.domain.Availability::time).orElse(null));
    }
    return j;
  }

  private static JsonObject status(long jobId, Ticket t, String status, int attempts, String error) {
    return new JsonObject().put("type", "print-job").put("job", jobId).put("ticketId", t.id())
        .put("number", t.number()).put("status", status).put("attempts", attempts).put("error", error);
  }
}
