package id.antre.server.view;

import id.antre.server.auth.SignIn;
import id.antre.server.bus.JsonViews;
import id.antre.server.domain.Availability;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.Ticket;
import id.antre.server.queue.CounterAdmin;
import id.antre.server.queue.CounterView;
import id.antre.server.queue.HallOverview;
import id.antre.server.queue.Issuing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON of the application's answers, as the HTTP API and the WebSocket snapshots give them
 * alike (events are shaped by {@link JsonViews}, which these build on).
 */
public final class Views {
  private final HallRef halls;
  private final Issuing issuing;

  public Views(HallRef halls, Issuing issuing) {
    this.halls = halls;
    this.issuing = issuing;
  }

  public JsonObject ticket(Ticket t) {
    Hall hall = halls.get();
    return JsonViews.ticket(hall, t);
  }

  /** The answer to a press on a counter's ticket: the ticket and what the counter allows now. */
  public JsonObject pressed(Ticket t) {
    Hall hall = halls.get();
    return JsonViews.pressed(hall, t);
  }

  public JsonObject tickets(List<Ticket> list) {
    return new JsonObject().put("tickets", new JsonArray(list.stream().map(this::ticket).toList()));
  }

  public JsonObject issued(Issuing.Issued i) {
    return outlook(ticket(i.ticket()).put("ahead", i.ahead()).put("estimatedWaitMinutes", i.estimatedWaitMinutes())
        .put("trackingToken", i.ticket().trackingToken()).put("printJob", i.printJob()), i.ticket().service());
  }

  public JsonObject tracking(Issuing.Tracking t) {
    JsonObject j = outlook(ticket(t.ticket()).put("ahead", t.ahead())
        .put("estimatedWaitMinutes", t.estimatedWaitMinutes()), t.ticket().service());
    t.counter().ifPresent(c -> j.put("counterName", c.name()).put("zone", c.zone())
        .put("where", Hall.zoneName(c.zone())));
    return j;
  }

  /** Where to go and whether anyone serves yet, for the kiosk's result and the phone page. */
  private JsonObject outlook(JsonObject j, String service) {
    Issuing.Outlook o = issuing.outlook(service);
    return j.put("where", o.where()).put("countersOpen", o.countersOpen())
        .put("servingFrom", o.servingFrom().map(Availability::time).orElse(null));
  }

  public JsonObject counter(CounterView v) {
    Hall hall = halls.get();
    return JsonViews.counter(hall, v.counter(), v.row());
  }

  /** The counter terminal's view: the counter and what was served there today. */
  public JsonObject desk(CounterAdmin.CounterDesk d) {
    return counter(d.view()).put("counterServedToday", d.served().atCounter())
        .put("officerServedToday", d.served().byOfficer())
        .put("officerTransferredToday", d.served().transferredByOfficer());
  }

  public JsonObject counters(List<CounterView> list) {
    return new JsonObject().put("counters", new JsonArray(list.stream().map(this::counter).toList()));
  }

  /** Counters as every screen sees them: no officer names. */
  public JsonObject publicCounters(List<CounterView> list) {
    return new JsonObject().put("counters", new JsonArray(list.stream()
        .map(v -> JsonViews.publicCounter(counter(v))).toList()));
  }

  public JsonObject runningText(String text) {
    return new JsonObject().put("runningText", text);
  }

  public JsonObject calls(HallOverview.Calls calls) {
    Hall hall = halls.get();
    JsonArray out = new JsonArray();
    for (HallOverview.Call r : calls.calls()) {
      hall.counter(r.counterId()).ifPresent(c -> out.add(JsonViews.call(hall, r.ticket(), c, r.recall(), r.seq(), r.at())));
    }
    return new JsonObject().put("seq", calls.latestSeq()).put("calls", out);
  }

  public JsonObject hall(String runningText, List<HallOverview.ServiceStatus> services, List<CounterView> counters,
      LocalDate today) {
    Hall hall = halls.get();
    JsonArray agencies = new JsonArray();
    for (Hall.Agency a : hall.agencies()) {
      JsonArray svc = new JsonArray();
      services.stream().filter(s -> s.service().agency().equals(a.code())).forEach(s -> svc.add(service(s, today)));
      agencies.add(new JsonObject().put("code", a.code()).put("name", a.name()).put("fullName", a.fullName())
          .put("services", svc));
    }
    JsonArray cs = new JsonArray();
    counters.forEach(c -> cs.add(new JsonObject().put("id", c.counter().id()).put("name", c.counter().name())
        .put("agency", c.counter().agency()).put("zone", c.counter().zone())
        .put("services", new JsonArray(c.counter().services())).put("state", c.row().state())));
    return new JsonObject().put("name", hall.name()).put("subtitle", hall.subtitle())
        .put("timeZone", hall.timeZone().getId()).put("today", today.toString()).put("runningText", runningText)
        .put("outcomes", new JsonArray(hall.outcomes())).put("agencies", agencies).put("counters", cs);
  }

  private static JsonObject service(HallOverview.ServiceStatus s, LocalDate today) {
    Hall.Service svc = s.service();
    return new JsonObject().put("code", svc.code()).put("prefix", svc.prefix()).put("name", svc.name())
        .put("dailyQuota", svc.dailyQuota()).put("quotaLeft", s.quotaLeft()).put("waiting", s.waiting())
        .put("openNow", s.availability().open() && s.quotaLeft() > 0)
        .put("closedReason", s.availability().open() ? null : s.availability().reasonId())
        .put("closedReasonEn", s.availability().open() ? null : s.availability().reasonEn())
        .put("opensAt", s.availability().opensAt().map(z -> z.toOffsetDateTime().toString()).orElse(null))
        .put("opensLaterToday", s.availability().opensAt().map(z -> z.toLocalDate().equals(today)).orElse(false))
        .put("targetWaitMinutes", svc.targetWaitMinutes())
        .put("documents", new JsonArray(svc.documents()))
        // what the booking page needs before it asks for a day's slots; null: not bookable online
        .put("booking", svc.bookable().map(b -> new JsonObject().put("daysAhead", b.daysAhead())
            .put("needsNik", b.needsNik()).put("needsPhone", b.needsPhone())).orElse(null));
  }

  public JsonObject queues(List<HallOverview.ServiceStatus> services, Instant now) {
    JsonArray out = new JsonArray();
    for (HallOverview.ServiceStatus s : services) {
      long oldest = s.oldestWaiting() == null ? 0 : Duration.between(s.oldestWaiting(), now).toMinutes();
      out.add(new JsonObject().put("service", s.service().code()).put("name", s.service().name())
          .put("agency", s.service().agency()).put("waiting", s.waiting()).put("oldestWaitMinutes", oldest)
          .put("counters", new JsonArray(s.openCounters())));
    }
    return new JsonObject().put("queues", out);
  }

  public static JsonObject login(SignIn.Login l) {
    return new JsonObject().put("token", l.token().token()).put("expiresAt", l.token().expiresAt().toString())
        .put("user", new JsonObject().put("username", l.actor().name())
            .put("role", l.actor().role().name().toLowerCase()).put("agency", l.actor().agency())
            .put("displayName", l.displayName()));
  }
}
