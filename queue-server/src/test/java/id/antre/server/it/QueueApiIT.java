package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The public API v1 end to end: real HTTP, real PostgreSQL, real hours and a hand-moved clock. */
@CoreLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueApiIT {
  /** Monday 30 November 2026, 09:00 WIB. */
  static final Instant MONDAY_0900 = Instant.parse("2026-11-30T02:00:00Z");

  HallFixture fixture;
  MutableClock clock;
  TestServer hall;
  Api api;
  Pool pool;

  @BeforeAll
  void start() {
    fixture = HallFixture.smallHall(MONDAY_0900, true);
    clock = fixture.clock;
    hall = fixture.hall;
    api = hall.api;
    pool = fixture.pool;
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  JsonObject issue(String service) {
    Api.Response r = api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", service));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  @Test
  void aKioskIssuesNumberedTicketsAndTheVisitorTracksThem() {
    clock.set(MONDAY_0900);
    JsonObject first = issue("KK");
    JsonObject second = issue("KK");
    assertThat(first.getString("number")).startsWith("B");
    int n1 = Integer.parseInt(first.getString("number").substring(1));
    assertThat(second.getString("number")).isEqualTo(String.format("B%03d", n1 + 1));
    assertThat(second.getInteger("ahead")).isEqualTo(first.getInteger("ahead") + 1);
    assertThat(second.getString("status")).isEqualTo("WAITING");
    assertThat(second.getString("trackingToken")).isNotBlank();

    Api.Response tracked = api.get("/api/v1/tickets/" + second.getString("trackingToken"), null);
    assertThat(tracked.status()).isEqualTo(200);
    assertThat(tracked.json().getString("number")).isEqualTo(second.getString("number"));
    assertThat(tracked.json().getInteger("ahead")).isGreaterThanOrEqualTo(1);
    assertThat(api.get("/api/v1/tickets/nope", null).code()).isEqualTo("UNKNOWN_TICKET");
  }

  @Test
  void numberingRestartsAtMidnightInJakartaNotAtUtcMidnight() {
    clock.set(Instant.parse("2026-12-01T01:30:00Z")); // Tuesday 08:30 WIB
    String a = issue("AKTA").getString("number"); // the only AKTA ticket on Tuesday 1 December
    clock.set(Instant.parse("2026-12-01T08:00:00Z")); // 15:00 UTC-day still, but closed in Jakarta
    assertThat(api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "AKTA")).code())
        .isEqualTo("SERVICE_CLOSED");
    clock.set(Instant.parse("2026-12-02T01:00:00Z")); // Wednesday 08:00 WIB: a new service day
    assertThat(issue("AKTA").getString("number")).isEqualTo("C001");
    assertThat(a).as("the first AKTA ticket of Tuesday").isEqualTo("C001");
  }

  @Test
  void aRepeatedRequestIdReturnsTheFirstTicketAndIssuesNothing() throws Exception {
    clock.set(MONDAY_0900);
    JsonObject body = new JsonObject().put("service", "KTP").put("requestId", "kiosk-1-req-42");
    Api.Response first = api.post("/api/v1/tickets", hall.kioskToken(), body);
    long tickets = TestDb.count(pool, "SELECT count(*) FROM ticket").await();
    Api.Response again = api.post("/api/v1/tickets", hall.kioskToken(), body);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(TestDb.count(pool, "SELECT count(*) FROM ticket").await()).isEqualTo(tickets);
  }

  @Test
  void aDailyQuotaStopsIssuingWithQuotaExhausted() {
    clock.set(Instant.parse("2026-12-03T02:00:00Z")); // Thursday 09:00 WIB
    for (int i = 0; i < 3; i++) {
      issue("SKCK");
    }
    Api.Response full = api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "SKCK"));
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.code()).isEqualTo("QUOTA_EXHAUSTED");
    JsonObject skck = api.get("/api/v1/hall", null).json().getJsonArray("agencies").getJsonObject(1)
        .getJsonArray("services").getJsonObject(0);
    assertThat(skck.getInteger("quotaLeft")).isZero();
    assertThat(skck.getBoolean("openNow")).isFalse();
  }

  @Test
  void realHoursRefuseTicketsOnWeekendsHolidaysFridayPrayerAndAfterTheCutoff() {
    clock.set(Instant.parse("2026-11-28T03:00:00Z")); // Saturday 10:00 WIB
    assertThat(api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KTP")).code())
        .isEqualTo("SERVICE_CLOSED");
    clock.set(Instant.parse("2026-12-25T03:00:00Z")); // Christmas, a Friday
    Api.Response holiday = api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KTP"));
    assertThat(holiday.code()).isEqualTo("SERVICE_CLOSED");
    assertThat(holiday.json().getString("detail")).contains("Natal");
    clock.set(Instant.parse("2026-12-04T05:00:00Z")); // Friday 12:00 WIB
    Api.Response prayer = api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KTP"));
    assertThat(prayer.json().getString("detail")).contains("sholat Jumat");
    clock.set(Instant.parse("2026-12-03T06:45:00Z")); // Thursday 13:45 WIB: after SKCK's 13:30 cut-off
    assertThat(api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "SKCK")).code())
        .isEqualTo("SERVICE_CLOSED");
    assertThat(issue("KTP").getString("status")).isEqualTo("WAITING"); // KTP still issues
  }

  @Test
  void anOfficerServesAVisitorThroughTheWholeLifecycleAndEveryStepIsLogged() throws Exception {
    clock.set(Instant.parse("2026-12-07T02:00:00Z")); // Monday 09:00 WIB, a fresh day
    String officer = hall.login("petugas-dukcapil");
    assertThat(api.post("/api/v1/counters/4/open", officer, (String) null).json().getString("state")).isEqualTo("OPEN");
    JsonObject t = issue("KTP");
    assertThat(api.post("/api/v1/counters/4/call-next", officer, (String) null).json().getString("number"))
        .isEqualTo(t.getString("number"));
    JsonObject called = api.get("/api/v1/counters/4", officer).json().getJsonObject("allowedActions");
    assertThat(called.getJsonObject("recall").getBoolean("allowed")).isTrue();
    assertThat(called.getJsonObject("finish")).isEqualTo(new JsonObject().put("allowed", false)
        .put("reason", "INVALID_TRANSITION"));
    assertThat(called.getJsonObject("callNext").getString("reason")).isEqualTo("COUNTER_BUSY");
    assertThat(api.post("/api/v1/counters/4/recall", officer, (String) null).json().getInteger("recallCount")).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    JsonObject started = api.post("/api/v1/counters/4/start", officer, (String) null).json();
    assertThat(started.getString("status")).isEqualTo("SERVING");
    // a press answers with what the counter allows after it
    assertThat(started.getJsonObject("allowedActions").getJsonObject("finish").getBoolean("allowed")).isTrue();
    assertThat(started.getJsonObject("allowedActions").getJsonObject("start").getBoolean("allowed")).isFalse();
    clock.advance(Duration.ofMinutes(7));
    JsonObject done = api.post("/api/v1/counters/4/finish", officer, new JsonObject().put("outcome", "selesai")).json();
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(done.getString("outcome")).isEqualTo("selesai");
    assertThat(done.getJsonObject("allowedActions").getJsonObject("callNext").getBoolean("allowed")).isTrue();
    assertThat(done.getJsonObject("allowedActions").getJsonObject("finish").getString("reason"))
        .isEqualTo("NO_CURRENT_TICKET");
    assertThat(api.get("/api/v1/counters/4", officer).json().getJsonObject("allowedActions"))
        .isEqualTo(done.getJsonObject("allowedActions"));
    assertThat(api.post("/api/v1/counters/4/call-next", officer, (String) null).status()).isEqualTo(204);

    JsonArray types = new JsonArray();
    pool.query("SELECT type FROM ticket_event WHERE ticket_id = " + t.getLong("id") + " ORDER BY id").execute().await()
        .forEach(r -> types.add(r.getString(0)));
    assertThat(types.getList()).containsExactly("ISSUE", "CALL", "RECALL", "START", "FINISH");
    JsonObject closed = api.post("/api/v1/counters/4/close", officer, (String) null).json();
    assertThat(closed.getString("state")).isEqualTo("CLOSED");
    assertThat(closed.getJsonObject("allowedActions").getJsonObject("close").getString("reason")).isEqualTo("ALREADY_CLOSED");
    assertThat(closed.getJsonObject("allowedActions").getJsonObject("open").getBoolean("allowed")).isTrue();
  }

  @Test
  void recallsBeyondTheLimitMarkTheTicketNoShow() {
    clock.set(Instant.parse("2026-12-08T02:00:00Z"));
    String officer = hall.login("petugas-dukcapil");
    api.post("/api/v1/counters/5/open", officer, (String) null);
    issue("KTP");
    api.post("/api/v1/counters/5/call-next", officer, (String) null);
    api.post("/api/v1/counters/5/recall", officer, (String) null);
    api.post("/api/v1/counters/5/recall", officer, (String) null);
    JsonObject third = api.post("/api/v1/counters/5/recall", officer, (String) null).json();
    assertThat(third.getString("status")).isEqualTo("NO_SHOW");
    assertThat(api.get("/api/v1/counters/5", officer).json().getValue("current")).isNull();
  }

  @Test
  void aTransferredVisitorKeepsTheNumberAndIsCalledFirstInTheTargetService() {
    clock.set(Instant.parse("2026-12-09T02:00:00Z"));
    String officer = hall.login("petugas-dukcapil");
    api.post("/api/v1/counters/6/open", officer, (String) null);
    api.post("/api/v1/counters/7/open", officer, (String) null);
    JsonObject early = issue("KK");
    JsonObject moving = issue("KTP");
    // counter 6 serves KTP first: it calls the KTP visitor and sends them on to KK
    JsonObject called = api.post("/api/v1/counters/6/call-next", officer, (String) null).json();
    assertThat(called.getString("number")).isEqualTo(moving.getString("number"));
    api.post("/api/v1/counters/6/start", officer, (String) null);
    JsonObject moved = api.post("/api/v1/counters/6/transfer", officer,
        new JsonObject().put("service", "KK").put("note", "perlu KK baru")).json();
    assertThat(moved.getString("number")).isEqualTo(moving.getString("number"));
    assertThat(moved.getString("service")).isEqualTo("KK");
    assertThat(moved.getString("status")).isEqualTo("WAITING");
    // transfers go first, ahead of the KK visitor who was there earlier
    JsonObject next = api.post("/api/v1/counters/7/call-next", officer, (String) null).json();
    assertThat(next.getString("number")).isEqualTo(moving.getString("number"));
    assertThat(api.get("/api/v1/tickets/" + moving.getString("trackingToken"), null).json().getString("status"))
        .isEqualTo("CALLED");
    assertThat(early.getString("number")).startsWith("B");
  }

  @Test
  void aHeldTicketReturnsToItsPlaceInTheQueue() {
    clock.set(Instant.parse("2026-12-10T02:00:00Z"));
    String officer = hall.login("petugas-dukcapil");
    api.post("/api/v1/counters/8/open", officer, (String) null);
    JsonObject first = issue("KTP");
    JsonObject second = issue("KTP");
    api.post("/api/v1/counters/8/call-next", officer, (String) null);
    JsonObject held = api.post("/api/v1/counters/8/hold", officer, new JsonObject().put("note", "ambil fotokopi")).json();
    assertThat(held.getString("status")).isEqualTo("HELD");
    JsonArray heldList = api.get("/api/v1/counters/8/held", officer).json().getJsonArray("tickets");
    assertThat(heldList).hasSize(1);
    assertThat(heldList.getJsonObject(0).getString("note")).isEqualTo("ambil fotokopi");
    api.post("/api/v1/counters/8/resume", officer, new JsonObject().put("ticket", held.getLong("id")));
    JsonObject again = api.post("/api/v1/counters/8/call-next", officer, (String) null).json();
    assertThat(again.getString("number")).isEqualTo(first.getString("number"));
    assertThat(second.getString("number")).isNotEqualTo(first.getString("number"));
  }

  @Test
  void priorityVisitorsGoFirstButNotMoreThanTheCapInARow() {
    clock.set(Instant.parse("2026-12-11T02:00:00Z")); // Friday 09:00 WIB
    String officer = hall.login("petugas-dukcapil");
    api.post("/api/v1/counters/9/open", officer, (String) null);
    String regular = issue("KTP").getString("number");
    String[] prio = new String[3];
    for (int i = 0; i < 3; i++) {
      prio[i] = api.post("/api/v1/tickets", hall.kioskToken(),
          new JsonObject().put("service", "KTP").put("priority", "lansia")).json().getString("number");
    }
    String[] order = new String[4];
    for (int i = 0; i < 4; i++) {
      order[i] = api.post("/api/v1/counters/9/call-next", officer, (String) null).json().getString("number");
      api.post("/api/v1/counters/9/no-show", officer, (String) null);
    }
    // cap 2: two priority visitors, then the regular one who waited longest, then the third priority
    assertThat(order).containsExactly(prio[0], prio[1], regular, prio[2]);
  }

  @Test
  void aDoubleCallNextWithOneRequestIdCallsOneTicket() {
    clock.set(Instant.parse("2026-12-14T02:00:00Z"));
    String officer = hall.login("petugas-dukcapil");
    api.post("/api/v1/counters/10/open", officer, (String) null);
    issue("KTP");
    issue("KTP");
    JsonObject body = new JsonObject().put("requestId", "counter-10-press-1");
    JsonObject a = api.post("/api/v1/counters/10/call-next", officer, body).json();
    JsonObject b = api.post("/api/v1/counters/10/call-next", officer, body).json();
    assertThat(b.getString("number")).isEqualTo(a.getString("number"));
    // a different press while a ticket is still called is refused, not a skip
    Api.Response other = api.post("/api/v1/counters/10/call-next", officer, new JsonObject().put("requestId", "x-2"));
    assertThat(other.code()).isEqualTo("COUNTER_BUSY");
  }

  @Test
  void officersActOnlyOnTheirOwnAgencysCounters() {
    String polres = hall.login("petugas-polres");
    Api.Response r = api.post("/api/v1/counters/1/open", polres, (String) null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.code()).isEqualTo("FORBIDDEN");
    assertThat(api.post("/api/v1/counters/P1/open", polres, (String) null).status()).isEqualTo(200);
    String manager = hall.login("manager");
    assertThat(api.get("/api/v1/counters/1", manager).status()).isEqualTo(200);
  }

  @Test
  void healthAndTheOpenApiDocumentAreServed() {
    assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    Api.Response doc = api.get("/api/v1/openapi.yaml", null);
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.body()).contains("openapi: 3").contains("/tickets").contains("call-next");
  }

  @Test
  void anOfficerCallsAChosenTicketOutOfOrderAndTheReasonIsLogged() {
    clock.set(Instant.parse("2026-12-15T02:00:00Z"));
    String officer = hall.login("petugas-dukcapil");
    api.post("/api/v1/counters/12/open", officer, (String) null);
    issue("KTP");
    JsonObject second = issue("KTP");
    JsonArray waiting = api.get("/api/v1/counters/12/waiting", officer).json().getJsonArray("tickets");
    assertThat(waiting.stream().map(t -> ((JsonObject) t).getString("number"))).contains(second.getString("number"));
    assertThat(api.post("/api/v1/counters/12/call", officer, new JsonObject().put("ticket", second.getLong("id"))).code())
        .isEqualTo("INVALID_REQUEST"); // a reason is required
    JsonObject called = api.post("/api/v1/counters/12/call", officer,
        new JsonObject().put("ticket", second.getLong("id")).put("reason", "pemohon lansia datang terlambat")).json();
    assertThat(called.getString("number")).isEqualTo(second.getString("number"));
    assertThat(called.getString("status")).isEqualTo("CALLED");
    JsonObject data = pool.query("SELECT data FROM ticket_event WHERE type = 'CALL' AND ticket_id = " + second.getLong("id"))
        .execute().await().iterator().next().getJsonObject(0);
    assertThat(data.getString("reason")).isEqualTo("pemohon lansia datang terlambat");
    assertThat(data.getBoolean("outOfOrder")).isTrue();
    api.post("/api/v1/counters/12/no-show", officer, (String) null);
    // a ticket that is no longer waiting cannot be called out of order
    assertThat(api.post("/api/v1/counters/12/call", officer,
        new JsonObject().put("ticket", second.getLong("id")).put("reason", "lagi")).code()).isEqualTo("INVALID_TRANSITION");
  }

  @Test
  void aSupervisorReassignsACountersServicesLiveAndOfficersMayNot() {
    clock.set(Instant.parse("2026-12-16T02:00:00Z"));
    String supervisor = hall.login("koordinator-dukcapil");
    String officer = hall.login("petugas-dukcapil");
    api.post("/api/v1/counters/13/open", officer, (String) null);
    JsonObject akta = issue("AKTA");
    issue("KTP");
    Api.Response refused = api.post("/api/v1/counters/13/services", officer,
        new JsonObject().put("services", new JsonArray().add("AKTA")));
    assertThat(refused.code()).isEqualTo("FORBIDDEN");
    assertThat(api.post("/api/v1/counters/13/services", supervisor,
        new JsonObject().put("services", new JsonArray().add("SKCK"))).code()).isEqualTo("INVALID_REQUEST");
    JsonObject counter = api.post("/api/v1/counters/13/services", supervisor,
        new JsonObject().put("services", new JsonArray().add("AKTA"))).json();
    assertThat(counter.getJsonArray("services").getList()).containsExactly("AKTA");
    assertThat(counter.getBoolean("reassigned")).isTrue();
    // the very next call follows the new assignment
    assertThat(api.post("/api/v1/counters/13/call-next", officer, (String) null).json().getString("number"))
        .isEqualTo(akta.getString("number"));
    // an empty list restores the configuration
    JsonObject restored = api.post("/api/v1/counters/13/services", supervisor,
        new JsonObject().put("services", new JsonArray())).json();
    assertThat(restored.getJsonArray("services").getList()).containsExactly("KTP", "KK", "AKTA");
    assertThat(restored.getBoolean("reassigned")).isFalse();
  }

  @Test
  void aSupervisorSeesOnlyTheirAgencysCountersAndAManagerSeesAll() {
    JsonArray mine = api.get("/api/v1/counters", hall.login("koordinator-polres")).json().getJsonArray("counters");
    assertThat(mine.stream().map(c -> ((JsonObject) c).getString("agency")).distinct().toList()).containsExactly("POLRES");
    JsonArray all = api.get("/api/v1/counters", hall.login("manager")).json().getJsonArray("counters");
    assertThat(all.size()).isEqualTo(21);
  }

  @Test
  void theCounterViewCountsWhatTheOfficerServedToday() {
    clock.set(Instant.parse("2026-12-17T02:00:00Z"));
    String officer = hall.login("petugas-dukcapil");
    api.post("/api/v1/counters/14/open", officer, (String) null);
    int before = api.get("/api/v1/counters/14", officer).json().getInteger("officerServedToday");
    issue("KK");
    api.post("/api/v1/counters/14/call-next", officer, (String) null);
    api.post("/api/v1/counters/14/start", officer, (String) null);
    api.post("/api/v1/counters/14/finish", officer, (String) null);
    assertThat(api.get("/api/v1/counters/14", officer).json().getInteger("officerServedToday")).isEqualTo(before + 1);
  }
}
