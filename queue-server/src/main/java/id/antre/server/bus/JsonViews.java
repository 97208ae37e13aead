package id.antre.server.bus;

import id.antre.server.domain.AllowedActions;
import id.antre.server.domain.CounterState;
import id.antre.server.domain.Hall;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketStatus;
import id.antre.server.domain.CounterSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import id.antre.server.announce.Announcement;
import id.antre.server.announce.AnnouncementBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** How tickets and counters look in JSON, for replies and events alike. */
public final class JsonViews {
  private JsonViews() {
  }

  public static JsonObject ticket(Hall hall, Ticket t) {
    Hall.Service service = hall.service(t.service()).orElseThrow();
    JsonObject j = new JsonObject()
        .put("id", t.id())
        .put("number", t.number())
        .put("service", t.service())
        .put("serviceName", service.name())
        .put("agency", service.agency())
        .put("status", t.status().name())
        .put("priority", t.priority())
        .put("channel", t.channel())
        .put("issuedAt", str(t.issuedAt()))
        .put("calledAt", str(t.calledAt()))
        .put("startedAt", str(t.startedAt()))
        .put("finishedAt", str(t.finishedAt()))
        .put("counter", t.counterId())
        .put("outcome", t.outcome())
        .put("recallCount", t.recallCount())
        .put("transferredFrom", t.transferredFrom())
        .put("note", t.note());
    if (t.bookingCode() != null) {
      // officers see the visitor booked and for when; the code, not the person
      j.put("booking", new JsonObject().put("code", t.bookingCode()).put("queuedAt", str(t.queuedAt()))
          .put("slot", str(t.bookingSlot())));
    }
    return j;
  }

  public static JsonObject counter(Hall hall, Hall.Counter configured, CounterSnapshot row) {
    Hall.Counter c = row.effective(configured);
    return new JsonObject()
        .put("id", c.id())
        .put("name", c.name())
        .put("agency", c.agency())
        .put("zone", c.zone())
        .put("services", new JsonArray(c.services()))
        .put("weights", c.weights().isEmpty() ? null : new JsonObject(new java.util.HashMap<>(c.weights())))
        .put("reassigned", row.servicesOverride() != null)
        .put("state", row.state())
        .put("pauseReason", row.pauseReason())
        .put("officer", row.officer())
        .put("current", row.current() == null ? null : ticket(hall, row.current()))
        .put("allowedActions", allowedActions(CounterState.valueOf(row.state()),
            row.current() == null ? null : row.current().status()));
  }

  /**
   * A ticket as the answer to a press at its counter, with the counter's {@code allowedActions}
   * after the press ({@link AllowedActions#afterPress}), so the terminal needs no rule of its own
   * until the counter's next state arrives.
   */
  public static JsonObject pressed(Hall hall, Ticket t) {
    return ticket(hall, t).put("allowedActions", allowedActions(AllowedActions.afterPress(t.status())));
  }

  static JsonObject allowedActions(CounterState state, TicketStatus current) {
    return allowedActions(AllowedActions.of(state, current));
  }

  /**
   * {@code {"callNext": {"allowed": true}, "recall": {"allowed": false, "reason": "NO_CURRENT_TICKET"}, ...}}:
   * the terminal enables its buttons from this and explains a refusal by the reason.
   */
  static JsonObject allowedActions(Map<AllowedActions.Action, AllowedActions.Verdict> verdicts) {
    JsonObject j = new JsonObject();
    verdicts.forEach((action, v) -> j.put(action.key(), v.allowed()
        ? new JsonObject().put("allowed", true)
        : new JsonObject().put("allowed", false).put("reason", v.reason())));
    return j;
  }

  /**
   * A call as displays receive it. {@code seq} is the event-log position of the call: it only
   * grows, is the same on every node and survives restarts, so a display resumes with it.
   */
  /** What every screen may see of a counter: no officer names, only the current ticket's number. */
  public static JsonObject publicCounter(JsonObject counter) {
    JsonObject j = counter.copy();
    j.remove("officer");
    j.remove("allowedActions"); // the terminal's business
    JsonObject current = j.getJsonObject("current");
    if (current != null) {
      j.put("current", new JsonObject().put("number", current.getString("number"))
          .put("status", current.getString("status")).put("service", current.getString("service")));
    }
    return j;
  }

  public static JsonObject call(Hall hall, Ticket t, Hall.Counter c, boolean recall, long seq, Instant at) {
    Hall.Agency agency = hall.agency(c.agency()).orElseThrow();
    Announcement a = AnnouncementBuilder.build(t.number(), c.name(),
        hall.voice().sayAgency() ? Optional.of(agency.name()) : Optional.empty(), recall,
        hall.voice().digitByDigit() ? AnnouncementBuilder.ReadingMode.DIGITS : AnnouncementBuilder.ReadingMode.CARDINAL);
    return new JsonObject()
        .put("type", "call")
        .put("seq", seq)
        .put("ticketId", t.id())
        .put("number", t.number())
        .put("counter", c.id())
        .put("counterName", c.name())
        .put("agency", agency.code())
        .put("agencyName", agency.name())
        .put("service", t.service())
        .put("zone", c.zone())
        .put("recall", recall)
        .put("recallCount", t.recallCount())
        .put("at", at.toString())
        .put("announcement", new JsonObject().put("text", a.text()).put("clips", new JsonArray(a.clips())));
  }

  /** An actor as it travels on the event bus. */
  public static JsonObject actor(id.antre.server.auth.Actor a) {
    return new JsonObject().put("name", a.name()).put("role", a.role().name()).put("agency", a.agency())
        .put("kiosk", a.kiosk());
  }

  public static id.antre.server.auth.Actor actor(JsonObject j) {
    return j == null ? null : new id.antre.server.auth.Actor(j.getString("name"),
        id.antre.server.auth.Actor.Role.valueOf(j.getString("role")), j.getString("agency"), j.getString("kiosk"));
  }

  static String str(Instant i) {
    return i == null ? null : i.toString();
  }
}
