package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.jobs.ClosingDay;
import id.antre.server.jobs.Retention;
import id.antre.server.lanes.CoreLane;
import id.antre.server.persistence.HousekeepingStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closing the day with the hand-moved clock: tickets still open when their service day ends
 * become EXPIRED once, counters left open are closed, a restart that slept through midnight
 * catches up; and retention strips old survey answers of their personal data, nothing else.
 */
@CoreLane
class ClosingDayIT {
  /** Monday 30 November 2026, 23:59 and Tuesday 00:01 in Jakarta. */
  static final Instant MONDAY_2359 = Instant.parse("2026-11-30T16:59:00Z");
  static final Instant TUESDAY_0001 = Instant.parse("2026-11-30T17:01:00Z");
  static final JsonArray ANSWERS = new JsonArray(List.of(4, 3, 4, 3, 4, 4, 4, 3, 4));

  HallFixture fixture;
  Api api;
  String officer;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    api = fixture.api();
    officer = fixture.login("petugas-dukcapil");
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  String issue() {
    Api.Response r = api.post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", "KTP"));
    assertThat(r.status()).isEqualTo(201);
    return r.json().getString("trackingToken");
  }

  void press(String counter, String action) {
    assertThat(api.post("/api/v1/counters/" + counter + "/" + action, officer, (String) null).status())
        .as(action).isEqualTo(200);
  }

  String status(String token) {
    return api.get("/api/v1/tickets/" + token, null).json().getString("status");
  }

  Map<String, Long> count(String sql) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : fixture.pool.query(sql).execute().await()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  @Test
  void atMidnightTheDaysOpenTicketsExpireOnceAndOpenCountersClose() {
    String done = issue();
    String serving = issue();
    String called = issue();
    String held = issue();
    String waiting = issue();
    press("1", "open");
    press("2", "open");
    press("1", "call-next");
    press("1", "start");
    press("1", "finish");
    press("1", "call-next");
    press("1", "start");
    press("2", "call-next");
    press("3", "open");
    press("3", "call-next");
    assertThat(api.post("/api/v1/counters/3/hold", officer, new JsonObject().put("note", "ambil fotokopi")).status())
        .isEqualTo(200);

    fixture.clock.set(MONDAY_2359);
    assertThat(fixture.hall.server.jobs().tick().await()).as("the day is not over").doesNotContain(ClosingDay.NAME);
    assertThat(status(waiting)).isEqualTo("WAITING");

    fixture.clock.set(TUESDAY_0001);
    assertThat(fixture.hall.server.jobs().tick().await()).contains(ClosingDay.NAME);
    officer = fixture.login("petugas-dukcapil"); // Monday's session has ended
    assertThat(status(done)).isEqualTo("DONE");
    assertThat(status(serving)).isEqualTo("EXPIRED");
    assertThat(status(called)).isEqualTo("EXPIRED");
    assertThat(status(waiting)).isEqualTo("EXPIRED");
    assertThat(status(held)).isEqualTo("EXPIRED");
    assertThat(count("SELECT from_status, count(*) FROM ticket_event WHERE type = 'EXPIRE' GROUP BY 1"))
        .isEqualTo(Map.of("SERVING", 1L, "CALLED", 1L, "WAITING", 1L, "HELD", 1L));
    assertThat(count("SELECT state, count(*) FROM counter_state GROUP BY 1")).containsOnlyKeys("CLOSED");
    assertThat(count("SELECT counter_id, count(*) FROM counter_event WHERE reason = 'END_OF_DAY' GROUP BY 1"))
        .isEqualTo(Map.of("1", 1L, "2", 1L, "3", 1L));
    JsonObject counter = api.get("/api/v1/counters/1", officer).json();
    assertThat(counter.getString("state")).isEqualTo("CLOSED");

    // once: a second tick, and one later that night, change nothing
    fixture.clock.set(TUESDAY_0001.plus(Duration.ofHours(3)));
    assertThat(fixture.hall.server.jobs().tick().await()).doesNotContain(ClosingDay.NAME);
    assertThat(count("SELECT type, count(*) FROM ticket_event WHERE type = 'EXPIRE' GROUP BY 1"))
        .isEqualTo(Map.of("EXPIRE", 4L));
    assertThat(count("SELECT job, count(*) FROM job_run WHERE job = 'close-day' AND finished_at IS NOT NULL"
        + " GROUP BY 1")).isEqualTo(Map.of("close-day", 2L)); // Sunday's at the start, Monday's

    // a month later, the runs' history is forgotten but the runs of that night
    fixture.pool.query("UPDATE job_run SET finished_at = finished_at - interval '31 days'"
        + " WHERE period <> '2026-11-30'").execute().await();
    fixture.clock.set(TUESDAY_0001.plus(Duration.ofDays(1)));
    assertThat(fixture.hall.server.jobs().tick().await()).contains(ClosingDay.NAME);
    assertThat(count("SELECT period, count(*) FROM job_run WHERE job = 'close-day' GROUP BY 1"))
        .isEqualTo(Map.of("2026-11-30", 1L, "2026-12-01", 1L));
    fixture.clock.set(TUESDAY_0001.plus(Duration.ofHours(3)));

    // Tuesday goes on as usual: numbering restarted, the counter opens again
    String tuesday = issue();
    assertThat(status(tuesday)).isEqualTo("WAITING");
    press("1", "open");
  }

  @Test
  void aDayTheStatisticsMaterialisedBeforeItWasClosedIsMaterialisedAgainWithItsExpiries() {
    issue();
    issue();
    // 07:01 in Jakarta: the statistics' day is the clock's (the test clock answers UTC whatever the zone asked)
    fixture.clock.set(TUESDAY_0001.plus(Duration.ofHours(7)));
    assertThat(fixture.hall.server.stats().catchUpAll().await()).as("Monday materialised, still open").isEqualTo(1);
    assertThat(count("SELECT outcome, count(*) FROM stats_visit GROUP BY 1")).isEqualTo(Map.of("open", 2L));
    assertThat(fixture.hall.server.jobs().tick().await()).contains(ClosingDay.NAME, "stats-catch-up");
    assertThat(count("SELECT outcome, count(*) FROM stats_visit GROUP BY 1")).isEqualTo(Map.of("expired", 2L));
  }

  @Test
  void aNodeThatSleptThroughMidnightClosesTheDayWhenItStarts() {
    String waiting = issue();
    press("1", "open");
    fixture.stopNode();
    fixture.clock.set(TUESDAY_0001.plus(Duration.ofHours(8)));
    fixture.restart();
    api = fixture.api();
    Eventually.until("Monday closed by the start's catch-up", () -> "EXPIRED".equals(status(waiting)));
    Eventually.until("the counter closed", () -> "CLOSED".equals(api.get("/api/v1/counters/1",
        fixture.login("petugas-dukcapil")).json().getString("state")));
  }

  @Test
  void retentionStripsOldSurveyAnswersOfProfileAndCommentAndNothingElse() {
    String old = issue();
    String recent = issue();
    press("1", "open");
    for (int i = 0; i < 2; i++) {
      press("1", "call-next");
      press("1", "start");
      press("1", "finish");
    }
    JsonObject extra = new JsonObject().put("profile", new JsonObject().put("ageBand", "30-39").put("sex", "P")
        .put("education", "S1").put("occupation", "SWASTA")).put("comment", "Cepat dan ramah.");
    assertThat(api.post("/api/v1/surveys", null, extra.copy().put("ticket", old).put("answers", ANSWERS)).status())
        .isEqualTo(201);
    fixture.clock.advance(Duration.ofDays(10));
    assertThat(api.post("/api/v1/surveys", null, extra.copy().put("ticket", recent).put("answers", ANSWERS)).status())
        .isEqualTo(201);

    Retention retention = new Retention(7, ZoneId.of("Asia/Jakarta"), fixture.clock,
        new HousekeepingStore(fixture.pool));
    assertThat(retention.run().await()).contains("1 responses stripped").contains("(1 comments)");

    Row before = row("SELECT * FROM survey_response WHERE tracking_token = '" + old + "'");
    assertThat(before.getString("comment")).isNull();
    assertThat(before.getString("age_band")).isNull();
    assertThat(before.getString("sex")).isNull();
    assertThat(before.getString("education")).isNull();
    assertThat(before.getString("occupation")).isNull();
    assertThat(before.getInteger("u1")).as("the anonymous scores stay for the index").isEqualTo(4);
    Row kept = row("SELECT * FROM survey_response WHERE tracking_token = '" + recent + "'");
    assertThat(kept.getString("comment")).isEqualTo("Cepat dan ramah.");
    assertThat(kept.getString("sex")).isEqualTo("P");
    assertThat(count("SELECT 'n', count(*) FROM survey_response GROUP BY 1")).isEqualTo(Map.of("n", 2L));
    assertThat(retention.run().await()).as("nothing left to delete").contains("0 responses");
  }

  @Test
  void retentionRemovesTheClientAddressesOfOldAuditEntriesAndKeepsTheEntries() {
    // the officer signed in before the test: an audit entry with the client's address
    long entries = count("SELECT 'n', count(*) FROM audit_entry GROUP BY 1").get("n");
    assertThat(count("SELECT 'n', count(*) FROM audit_entry WHERE address IS NOT NULL GROUP BY 1").get("n"))
        .isPositive();
    fixture.clock.advance(Duration.ofDays(10));
    Retention retention = new Retention(7, ZoneId.of("Asia/Jakarta"), fixture.clock,
        new HousekeepingStore(fixture.pool));
    assertThat(retention.run().await()).contains("entries' client addresses removed");
    assertThat(count("SELECT 'n', count(*) FROM audit_entry WHERE address IS NOT NULL GROUP BY 1")).isEmpty();
    assertThat(count("SELECT 'n', count(*) FROM audit_entry GROUP BY 1").get("n")).isEqualTo(entries);
  }

  Row row(String sql) {
    return fixture.pool.query(sql).execute().await().iterator().next();
  }
}
