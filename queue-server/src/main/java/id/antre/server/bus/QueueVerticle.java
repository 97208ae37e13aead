package id.antre.server.bus;

import id.antre.server.auth.Actor;
import id.antre.server.auth.AuthService;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.Ticket;
import id.antre.server.persistence.PgErrors;
import id.antre.server.persistence.TicketStore;
import id.antre.server.queue.PrintService;
import id.antre.server.queue.QueueService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command side of the event bus: decodes a request, calls {@link QueueService}, encodes the
 * answer. No rule lives here.
 */
public class QueueVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(QueueVerticle.class);

  private final QueueService queue;
  private final AuthService auth;
  private final Map<String, BiFunction<Actor, JsonObject, Future<?>>> actions;
  private MessageConsumer<JsonObject> consumer;

  public QueueVerticle(QueueService queue, AuthService auth, PrintService printing) {
    this.queue = queue;
    this.auth = auth;
    this.actions = Map.ofEntries(
        Map.entry("printers", (a, b) -> printing.printers(a).map(list -> new JsonObject().put("printers", list))),
        Map.entry("printer-state", (a, b) -> printing.printerState(b.getString("kiosk"))),
        Map.entry("print-pending", (a, b) -> printing.pending(b.getString("kiosk"))
            .map(jobs -> new JsonObject().put("jobs", new JsonArray(jobs)))),
        Map.entry("print-result", (a, b) -> printing.result(a, b.getLong("job"), b.getBoolean("printed"),
            b.getString("error"))),
        Map.entry("printer-status", (a, b) -> printing.printerStatus(a, b.getString("status"), b.getString("detail"),
            b.getString("connection"))),
        Map.entry("printer-agent-gone", (a, b) -> printing.agentGone(a, b.getString("connection"))),
        Map.entry("print-cancel", (a, b) -> printing.cancel(a, b.getLong("job"))),
        Map.entry("print-content", (a, b) -> printing.job(b.getLong("job")).map(j -> {
          if (!a.isStaff()) {
            throw new QueueException(ErrorCode.FORBIDDEN, "staff only");
          }
          return printing.content(j.ticket()).put("status", j.status()).put("attempts", j.attempts())
              .put("lastError", j.lastError()).put("kiosk", j.kiosk());
        })),
        Map.entry("issue", this::issue),
        Map.entry("track", (a, b) -> queue.track(b.getString("token")).map(this::tracking)),
        Map.entry("cancel", (a, b) -> queue.cancel(b.getString("token")).map(this::ticket)),
        Map.entry("hall", (a, b) -> hallView()),
        Map.entry("queues", (a, b) -> queuesView()),
        Map.entry("running-text", (a, b) -> (b.containsKey("text") ? queue.runningText(a, b.getString("text"))
            : queue.runningText()).map(t -> new JsonObject().put("runningText", t))),
        Map.entry("latest-call-seq", (a, b) -> queue.latestCallSeq().map(seq -> new JsonObject().put("seq", seq))),
        Map.entry("calls", (a, b) -> callsView(b.getLong("since", 0L), b.getString("zone"), b.getInteger("limit", 10))),
        Map.entry("counters-public", (a, b) -> queue.counters().map(list -> new JsonObject().put("counters",
            new JsonArray(list.stream().map(this::publicCounter).toList())))),
        Map.entry("counter", (a, b) -> queue.counter(a, b.getString("counter")).compose(v ->
            queue.servedToday(a.name(), v.counter().id()).map(n -> counterView(v)
                .put("counterServedToday", n.atCounter()).put("officerServedToday", n.byOfficer())
                .put("officerTransferredToday", n.transferredByOfficer())))),
        Map.entry("counters", (a, b) -> queue.counters(a).map(list -> new JsonObject().put("counters",
            new JsonArray(list.stream().map(this::counterView).toList())))),
        Map.entry("waiting", (a, b) -> queue.waiting(a, b.getString("counter"), 200)
            .map(list -> new JsonObject().put("tickets", new JsonArray(list.stream().map(this::ticket).toList())))),
        Map.entry("call", (a, b) -> queue.callTicket(a, b.getString("counter"), b.getLong("ticket"),
            b.getString("reason"), b.getString("requestId")).map(this::pressed)),
        Map.entry("services", (a, b) -> queue.setServices(a, b.getString("counter"),
            b.getJsonArray("services").stream().map(String::valueOf).toList(), weights(b.getJsonObject("weights")))
            .map(this::counterView)),
        Map.entry("call-next", (a, b) -> queue.callNext(a, b.getString("counter"), b.getString("requestId"))
            .map(t -> t.map(this::pressed).orElse(null))),
        Map.entry("recall", (a, b) -> queue.recall(a, b.getString("counter"), b.getString("requestId")).map(this::pressed)),
        Map.entry("start", (a, b) -> queue.start(a, b.getString("counter"), b.getString("requestId")).map(this::pressed)),
        Map.entry("finish", (a, b) -> queue.finish(a, b.getString("counter"), b.getString("outcome"),
            b.getString("requestId")).map(this::pressed)),
        Map.entry("no-show", (a, b) -> queue.noShow(a, b.getString("counter"), b.getString("requestId")).map(this::pressed)),
        Map.entry("transfer", (a, b) -> queue.transfer(a, b.getString("counter"), b.getString("service"),
            b.getString("note"), b.getString("requestId"), b.getBoolean("force", false)).map(this::pressed)),
        Map.entry("hold", (a, b) -> queue.hold(a, b.getString("counter"), b.getString("note"), b.getString("requestId"))
            .map(this::pressed)),
        Map.entry("resume", (a, b) -> queue.resume(a, b.getString("counter"), b.getLong("ticket"),
            b.getString("requestId")).map(this::ticket)),
        Map.entry("held", (a, b) -> queue.held(a, b.getString("counter"))
            .map(list -> new JsonObject().put("tickets", new JsonArray(list.stream().map(this::ticket).toList())))),
        Map.entry("open", (a, b) -> queue.open(a, b.getString("counter")).map(this::counterView)),
        Map.entry("pause", (a, b) -> queue.pause(a, b.getString("counter"), b.getString("reason")).map(this::counterView)),
        Map.entry("close", (a, b) -> queue.close(a, b.getString("counter")).map(this::counterView)),
        Map.entry("login", (a, b) -> auth.login(b.getString("username"), b.getString("password")).map(l ->
            new JsonObject().put("token", l.token().token()).put("expiresAt", l.token().expiresAt().toString())
                .put("user", new JsonObject().put("username", l.actor().name())
                    .put("role", l.actor().role().name().toLowerCase()).put("agency", l.actor().agency())
                    .put("displayName", l.displayName())))));
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().<JsonObject>localConsumer(Addresses.QUEUE_COMMANDS).handler(this::handle);
    return consumer.completion();
  }

  private void handle(Message<JsonObject> msg) {
    String action = msg.headers().get("action");
    BiFunction<Actor, JsonObject, Future<?>> handler = action == null ? null : actions.get(action);
    if (handler == null) {
      fail(msg, new QueueException(ErrorCode.INVALID_REQUEST, "unknown action " + action));
      return;
    }
    if (Deadlines.expired(msg.headers())) {
      // the sender has stopped waiting: starting now could commit what it was told failed
      msg.fail(ErrorCode.UNAVAILABLE.busCode(), PgErrors.UNAVAILABLE_DETAIL);
      return;
    }
    JsonObject body = msg.body() == null ? new JsonObject() : msg.body();
    Future<?> result;
    try {
      result = handler.apply(JsonViews.actor(body.getJsonObject("actor")), body);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onSuccess(msg::reply).onFailure(err -> fail(msg, err));
  }

  private static void fail(Message<JsonObject> msg, Throwable err) {
    if (err instanceof QueueException q) {
      msg.fail(q.code().busCode(), q.getMessage());
    } else if (err instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      msg.fail(r.failureCode(), r.getMessage());
    } else if (PgErrors.classify(err).<Throwable>map(e -> e).orElse(null) instanceof QueueException q) {
      msg.fail(q.code().busCode(), q.getMessage());
    } else {
      LOG.error("command {} failed", msg.headers().get("action"), err);
      msg.fail(ErrorCode.INTERNAL.busCode(), "Terjadi kesalahan di server (internal error)");
    }
  }

  private Hall hall() {
    return queue.hall();
  }

  private JsonObject ticket(Ticket t) {
    return JsonViews.ticket(hall(), t);
  }

  /** The answer to a press on a counter's ticket: the ticket and what the counter allows now. */
  private JsonObject pressed(Ticket t) {
    return JsonViews.pressed(hall(), t);
  }

  private Future<JsonObject> issue(Actor actor, JsonObject b) {
    return queue.issue(actor, b.getString("service"), b.getString("channel", "kiosk"), b.getString("priority"),
        b.getString("requestId"), b.getBoolean("print", true)).map(i -> outlook(ticket(i.ticket()).put("ahead", i.ahead())
            .put("estimatedWaitMinutes", i.estimatedWaitMinutes()).put("trackingToken", i.ticket().trackingToken())
            .put("printJob", i.printJob()), i.ticket().service()));
  }

  /** Where to go and whether anyone serves yet, for the kiosk's result and the phone page. */
  private JsonObject outlook(JsonObject j, String service) {
    QueueService.Outlook o = queue.outlook(service);
    return j.put("where", o.where()).put("countersOpen", o.countersOpen())
        .put("servingFrom", o.servingFrom().map(id.antre.server.domain.Availability::time).orElse(null));
  }

  private static Map<String, Integer> weights(JsonObject w) {
    Map<String, Integer> out = new java.util.HashMap<>();
    if (w != null) {
      w.forEach(e -> {
        if (!(e.getValue() instanceof Integer i)) {
          throw new QueueException(ErrorCode.INVALID_REQUEST, "weights must be whole numbers");
        }
        out.put(e.getKey(), i);
      });
    }
    return out;
  }

  private JsonObject tracking(QueueService.Tracking t) {
    JsonObject j = outlook(ticket(t.ticket()).put("ahead", t.ahead())
        .put("estimatedWaitMinutes", t.estimatedWaitMinutes()), t.ticket().service());
    t.counter().ifPresent(c -> j.put("counterName", c.name()).put("zone", c.zone())
        .put("where", id.antre.server.domain.Hall.zoneName(c.zone())));
    return j;
  }

  private JsonObject counterView(QueueService.CounterView v) {
    return JsonViews.counter(hall(), v.counter(), v.row());
  }

  private Future<JsonObject> hallView() {
    return queue.runningText().compose(text -> queue.services().compose(services -> queue.counters().map(counters -> {
      Hall hall = hall();
      JsonArray agencies = new JsonArray();
      for (Hall.Agency a : hall.agencies()) {
        JsonArray svc = new JsonArray();
        services.stream().filter(s -> s.service().agency().equals(a.code())).forEach(s -> svc.add(serviceView(s)));
        agencies.add(new JsonObject().put("code", a.code()).put("name", a.name()).put("fullName", a.fullName())
            .put("services", svc));
      }
      JsonArray cs = new JsonArray();
      counters.forEach(c -> cs.add(new JsonObject().put("id", c.counter().id()).put("name", c.counter().name())
          .put("agency", c.counter().agency()).put("zone", c.counter().zone())
          .put("services", new JsonArray(c.counter().services())).put("state", c.row().state())));
      return new JsonObject().put("name", hall.name()).put("subtitle", hall.subtitle())
          .put("timeZone", hall.timeZone().getId()).put("runningText", text)
          .put("outcomes", new JsonArray(hall.outcomes())).put("agencies", agencies).put("counters", cs);
    })));
  }

  private Future<JsonObject> callsView(long since, String zone, int limit) {
    return queue.latestCallSeq().compose(seq -> queue.callsAfter(since, zone, limit).map(rows -> {
      JsonArray calls = new JsonArray();
      for (TicketStore.CallRow r : rows) {
        hall().counter(r.counterId()).ifPresent(c ->
            calls.add(JsonViews.call(hall(), r.ticket(), c, r.recall(), r.seq(), r.at())));
      }
      return new JsonObject().put("seq", seq).put("calls", calls);
    }));
  }

  private JsonObject publicCounter(QueueService.CounterView v) {
    return JsonViews.publicCounter(JsonViews.counter(hall(), v.counter(), v.row()));
  }

  private JsonObject serviceView(QueueService.ServiceStatus s) {
    Hall.Service svc = s.service();
    JsonObject j = new JsonObject().put("code", svc.code()).put("prefix", svc.prefix()).put("name", svc.name())
        .put("dailyQuota", svc.dailyQuota()).put("quotaLeft", s.quotaLeft()).put("waiting", s.waiting())
        .put("openNow", s.availability().open() && s.quotaLeft() > 0)
        .put("closedReason", s.availability().open() ? null : s.availability().reasonId())
        .put("closedReasonEn", s.availability().open() ? null : s.availability().reasonEn())
        .put("opensAt", s.availability().opensAt().map(z -> z.toOffsetDateTime().toString()).orElse(null))
        .put("opensLaterToday", s.availability().opensAt().map(z -> z.toLocalDate().equals(queue.today()))
            .orElse(false))
        .put("targetWaitMinutes", svc.targetWaitMinutes())
        .put("documents", new JsonArray(svc.documents()));
    return j;
  }

  private Future<JsonObject> queuesView() {
    return queue.services().map(services -> {
      JsonArray out = new JsonArray();
      for (QueueService.ServiceStatus s : services) {
        long oldest = s.oldestWaiting() == null ? 0 : Duration.between(s.oldestWaiting(), queue.now()).toMinutes();
        out.add(new JsonObject().put("service", s.service().code()).put("name", s.service().name())
            .put("agency", s.service().agency()).put("waiting", s.waiting()).put("oldestWaitMinutes", oldest)
            .put("counters", new JsonArray(s.openCounters())));
      }
      return new JsonObject().put("queues", out);
    });
  }
}
