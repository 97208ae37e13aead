package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.jobs.ClusterJobs;
import id.antre.server.jobs.Job;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checking a booking in at the kiosk, on the small hall with its real hours on Monday 30 November
 * 2026 in Jakarta: only within the window around the slot (30 minutes before to 15 after), then a
 * ticket with channel "booking" queued at the slot's start, ahead of walk-ins issued after that
 * and behind those issued before, with the people ahead counted so; bookings never checked in
 * become no-shows once, by the job on the cluster's job runner.
 */
@CoreLane
class BookingCheckInIT {
  HallFixture fixture;
  Api api;
  int serial = 1;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, true);
    api = fixture.api();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  void at(String localTime) {
    fixture.clock.set(Instant.parse("2026-11-30T" + localTime + ":00Z").minusSeconds(7 * 3600));
  }

  String book(String service, String slot) {
    JsonObject body = new JsonObject().put("service", service).put("day", "2026-11-30").put("slot", slot)
        .put("nik", "320901150890" + String.format("%04d", serial++)).put("requestId", UUID.randomUUID().toString());
    if (service.equals("KTP")) {
      body.put("phone", "081234567890");
    }
    Api.Response r = api.post("/api/v1/bookings", null, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("code");
  }

  Api.Response checkIn(String code) {
    return api.post("/api/v1/bookings/" + code + "/check-in", fixture.kioskToken(), (String) null);
  }

  JsonObject walkIn() {
    Api.Response r = api.post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", "KTP"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  long count(String sql, Object... args) {
    return fixture.pool.preparedQuery(sql).execute(Tuple.from(args)).await().iterator().next().getLong(0);
  }

  @Test
  void aCheckedInBookingQueuesAtItsSlotAheadOfWalkInsIssuedAfterIt() {
    String a = book("KTP", "09:45");
    // 09:00: the window opens at 09:15
    Api.Response early = checkIn(a);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.code()).isEqualTo("CHECK_IN_WINDOW");
    assertThat(early.json().getString("checkInFromLocal")).isEqualTo("09.15");
    assertThat(early.json().getString("checkInToLocal")).isEqualTo("10.00");
    assertThat(early.json().getString("reason")).isEqualTo("too-early");
    assertThat(count("SELECT count(*) FROM ticket")).isZero();
    assertThat(api.post("/api/v1/bookings/" + a + "/check-in", null, (String) null).status()).isEqualTo(401);

    at("09:20");
    JsonObject w1 = walkIn();
    Api.Response in = checkIn(a);
    assertThat(in.status()).as(in.body()).isEqualTo(201);
    JsonObject ticket = in.json();
    assertThat(ticket.getString("channel")).isEqualTo("booking");
    assertThat(ticket.getJsonObject("booking").getString("code")).isEqualTo(a);
    // the slot's start as an instant (09.45 in Jakarta), for the counter's "Booking 09.45"
    assertThat(ticket.getJsonObject("booking").getString("slot")).isEqualTo("2026-11-30T02:45:00Z");
    assertThat(ticket.getString("number")).isEqualTo("A002");
    assertThat(ticket.getInteger("ahead")).isEqualTo(1);
    assertThat(ticket.getString("trackingToken")).isNotBlank();
    assertThat(ticket.containsKey("printJob")).isTrue();
    assertThat(ticket.getValue("printJob") == null).isEqualTo(w1.getValue("printJob") == null);
    // a repeated check-in (a double tap, a retry) answers the same ticket
    Api.Response again = checkIn(a);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().getLong("id")).isEqualTo(ticket.getLong("id"));
    assertThat(again.json().getJsonObject("booking").getString("slot")).isEqualTo("2026-11-30T02:45:00Z");
    assertThat(count("SELECT count(*) FROM ticket WHERE channel = 'booking'")).isEqualTo(1);

    at("09:30");
    JsonObject w2 = walkIn(); // the booking queues at 09:45: behind this visitor
    assertThat(w2.getInteger("ahead")).isEqualTo(1);
    at("09:50");
    JsonObject w3 = walkIn(); // W1, W2 and the booking are ahead
    assertThat(w3.getInteger("ahead")).isEqualTo(3);
    assertThat(api.get("/api/v1/tickets/" + w2.getString("trackingToken"), null).json().getInteger("ahead"))
        .isEqualTo(1);
    assertThat(api.get("/api/v1/tickets/" + ticket.getString("trackingToken"), null).json().getInteger("ahead"))
        .isEqualTo(2);
    assertThat(api.get("/api/v1/tickets/" + ticket.getString("trackingToken"), null).json()
        .getJsonObject("booking").getString("slot")).isEqualTo("2026-11-30T02:45:00Z");

    JsonObject booking = api.get("/api/v1/bookings/" + a, null).json();
    assertThat(booking.getString("status")).isEqualTo("CHECKED_IN");
    assertThat(booking.getJsonObject("ticket").getString("trackingToken")).isEqualTo(ticket.getString("trackingToken"));

    String officer = fixture.login("petugas-dukcapil");
    assertThat(api.post("/api/v1/counters/1/open", officer, (String) null).status()).isEqualTo(200);
    String[] expected = {w1.getString("number"), w2.getString("number"), ticket.getString("number"),
        w3.getString("number")};
    for (String number : expected) {
      Api.Response called = api.post("/api/v1/counters/1/call-next", officer, (String) null);
      assertThat(called.status()).as(called.body()).isEqualTo(200);
      JsonObject t = called.json();
      assertThat(t.getString("number")).isEqualTo(number);
      if (number.equals(ticket.getString("number"))) {
        // the officer sees it came from a booking
        assertThat(t.getString("channel")).isEqualTo("booking");
        assertThat(t.getJsonObject("booking").getString("code")).isEqualTo(a);
        assertThat(t.getJsonObject("booking").getString("slot")).isEqualTo("2026-11-30T02:45:00Z");
        JsonObject desk = api.get("/api/v1/counters/1", officer).json().getJsonObject("current");
        assertThat(desk.getJsonObject("booking").getString("slot")).isEqualTo("2026-11-30T02:45:00Z");
      } else {
        assertThat(t.containsKey("booking")).isFalse();
      }
      assertThat(api.post("/api/v1/counters/1/no-show", officer, (String) null).status()).isEqualTo(200);
    }
    // the walk-in quota counts walk-ins only; the numbers are shared
    assertThat(count("SELECT last_number - booked FROM daily_sequence WHERE service = 'KTP'")).isEqualTo(3);

    // managers see the check-in among the channels, and the bookings per service
    String manager = fixture.login("manager");
    JsonObject channels = api.get("/api/v1/stats/summary?from=2026-11-30&to=2026-11-30&groupBy=channel", manager).json();
    assertThat(channels.getJsonArray("rows").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("key").equals("booking")).findFirst().orElseThrow().getInteger("issued")).isEqualTo(1);
    JsonObject stats = api.get("/api/v1/stats/bookings?from=2026-11-30&to=2026-11-30", manager).json();
    assertThat(stats.getJsonArray("rows")).hasSize(1);
    assertThat(stats.getJsonArray("rows").getJsonObject(0).getMap()).containsEntry("service", "KTP")
        .containsEntry("booked", 1).containsEntry("checkedIn", 1).containsEntry("noShow", 0).containsEntry("open", 0)
        .containsEntry("noShowPct", 0.0);
  }

  @Test
  void underCheckInOrderTheTicketQueuesAtItsCheckInAndStillSaysItsSlot() {
    String code = book("SKCK", "10:00"); // SKCK queues bookings by check-in time
    at("09:50");
    Api.Response in = checkIn(code);
    assertThat(in.status()).as(in.body()).isEqualTo(201);
    JsonObject booking = in.json().getJsonObject("booking");
    assertThat(booking.getString("queuedAt")).isEqualTo("2026-11-30T02:50:00Z");
    assertThat(booking.getString("slot")).isEqualTo("2026-11-30T03:00:00Z");
    JsonObject followed = api.get("/api/v1/tickets/" + in.json().getString("trackingToken"), null).json();
    assertThat(followed.getJsonObject("booking").getString("slot")).isEqualTo("2026-11-30T03:00:00Z");
    assertThat(followed.encode()).doesNotContain("3209011508900");
  }

  @Test
  void bookingsNotCheckedInBecomeNoShowsOnceByTheClusterJob() {
    String late = book("KTP", "10:30");
    String skck = book("SKCK", "10:00");
    String kept = book("KTP", "11:00");
    // as in the retention test below: the node's first run of its jobs must not see the moved clock
    Eventually.until("the start's own no-show run", () -> count("SELECT count(*) FROM job_run WHERE job = $1"
        + " AND finished_at IS NOT NULL", ClusterJobs.BOOKING_NO_SHOWS_JOB) == 1);
    at("10:50");
    Api.Response tooLate = checkIn(late);
    assertThat(tooLate.code()).isEqualTo("CHECK_IN_WINDOW");
    assertThat(tooLate.json().getString("reason")).isEqualTo("too-late");

    Job job = fixture.hall.server.jobs().jobs().stream()
        .filter(j -> j.name().equals(ClusterJobs.BOOKING_NO_SHOWS_JOB)).findFirst().orElseThrow();
    assertThat(fixture.hall.server.jobs().runIfDue(job).await()).isTrue();
    assertThat(count("SELECT count(*) FROM booking WHERE status = 'NO_SHOW'")).isEqualTo(2);
    // the same period again does nothing; a later period finds nothing more to mark
    assertThat(fixture.hall.server.jobs().runIfDue(job).await()).isFalse();
    assertThat(fixture.hall.server.bookings().markNoShows().await()).startsWith("0 bookings");
    assertThat(count("SELECT count(*) FROM booking WHERE status = 'NO_SHOW'")).isEqualTo(2);
    assertThat(api.get("/api/v1/bookings/" + kept, null).json().getString("status")).isEqualTo("BOOKED");
    assertThat(checkIn(skck).code()).isEqualTo("BOOKING_NOT_ACTIVE");
    assertThat(api.post("/api/v1/bookings/" + late + "/cancel", null, (String) null).code())
        .isEqualTo("BOOKING_NOT_ACTIVE");

    // a node stopped past the next window catches up at its first run
    fixture.stopNode();
    at("12:00");
    fixture.restart();
    Job again = fixture.hall.server.jobs().jobs().stream()
        .filter(j -> j.name().equals(ClusterJobs.BOOKING_NO_SHOWS_JOB)).findFirst().orElseThrow();
    // the restarted node's own first run of its jobs may hold this period already: whichever runs it
    fixture.hall.server.jobs().runIfDue(again).await();
    Eventually.until("the third no-show", () -> count("SELECT count(*) FROM booking WHERE status = 'NO_SHOW'") == 3);

    JsonObject stats = fixture.api().get("/api/v1/stats/bookings?from=2026-11-30&to=2026-11-30",
        fixture.login("manager")).json();
    assertThat(stats.getJsonArray("rows").getJsonObject(0).getMap()).containsEntry("service", "KTP")
        .containsEntry("booked", 2).containsEntry("noShow", 2).containsEntry("noShowPct", 100.0);
    assertThat(stats.getJsonArray("rows").getJsonObject(1).getMap()).containsEntry("service", "SKCK")
        .containsEntry("booked", 1).containsEntry("noShow", 1);
    // a supervisor of the police sees their own service only
    JsonObject police = fixture.api().get("/api/v1/stats/bookings?from=2026-11-30&to=2026-11-30",
        fixture.login("koordinator-polres")).json();
    assertThat(police.getJsonArray("rows")).hasSize(1);
    assertThat(police.getJsonArray("rows").getJsonObject(0).getString("service")).isEqualTo("SKCK");
  }

  @Test
  void retentionDeletesTheNikAndPhoneOfOldBookingsAndLogsCountsOnly() {
    String code = book("KTP", "13:00");
    assertThat(count("SELECT count(*) FROM booking WHERE nik_hash IS NOT NULL AND phone IS NOT NULL")).isEqualTo(1);
    // the node's first run of its jobs goes on beside the test, retention last: moving the clock
    // before it got there let it run the year-later period itself, and the run below found it done
    Eventually.until("the start's own retention run", () ->
        count("SELECT count(*) FROM job_run WHERE job = 'retention' AND finished_at IS NOT NULL") == 1);
    fixture.clock.advance(java.time.Duration.ofDays(366));
    Job retention = fixture.hall.server.jobs().jobs().stream()
        .filter(j -> j.name().equals(id.antre.server.jobs.Retention.NAME)).findFirst().orElseThrow();
    assertThat(fixture.hall.server.jobs().runIfDue(retention).await()).isTrue();
    assertThat(count("""
        SELECT count(*) FROM booking WHERE nik_hash IS NULL AND nik_masked IS NULL AND phone IS NULL
          AND phone_masked IS NULL AND personal_data_deleted_at IS NOT NULL""")).isEqualTo(1);
    JsonObject b = api.get("/api/v1/bookings/" + code, null).json();
    assertThat(b.getValue("nik")).isNull();
    assertThat(b.getValue("phone")).isNull();
    // the job's summary, as the log and job_run keep it: counts only
    assertThat(count("SELECT count(*) FROM job_run WHERE job = 'retention' AND result LIKE '%1 bookings stripped%'"))
        .isEqualTo(1);
  }

  @Test
  void inDemoModeTodayIsBookableAndEveryCheckInWindowIsOpen() {
    try (HallFixture demo = HallFixture.smallHall(HallFixture.MONDAY_0900, false)) {
      Api.Response booked = demo.api().post("/api/v1/bookings", null, new JsonObject().put("service", "KTP")
          .put("day", "2026-11-30").put("slot", "08:00").put("nik", "3209011508900001").put("phone", "081234567890")
          .put("requestId", "demo-1"));
      assertThat(booked.status()).as(booked.body()).isEqualTo(201);
      Api.Response in = demo.api().post("/api/v1/bookings/" + booked.json().getString("code") + "/check-in",
          demo.kioskToken(), (String) null);
      assertThat(in.status()).as(in.body()).isEqualTo(201);
      assertThat(in.json().getString("channel")).isEqualTo("booking");
    }
  }
}
