package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The position a ticket is issued with ({@code ahead}) is read from the waiting counts that the
 * triggers of migration V009 keep, not counted from the queue: it must stay what counting would
 * give across priority tickets, calls, no-shows, holds and resumes, and transfers between services.
 */
@CoreLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitingCountIT {
  /** Wednesday 2 December 2026, 09:00 WIB. */
  static final Instant WEDNESDAY_0900 = Instant.parse("2026-12-02T02:00:00Z");
  static final LocalDate DAY = LocalDate.of(2026, 12, 2);

  HallFixture fixture;
  TestServer hall;
  Api api;
  Pool pool;

  @BeforeAll
  void start() {
    fixture = HallFixture.smallHall(WEDNESDAY_0900, true);
    hall = fixture.hall;
    api = hall.api;
    pool = fixture.pool;
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  /** What counting the queue gives: the service's waiting tickets today. */
  int waiting(String service) {
    Row r = pool.preparedQuery("SELECT count(*) FROM ticket WHERE service = $1 AND service_day = $2 AND status = 'WAITING'")
        .execute(Tuple.of(service, DAY)).await().iterator().next();
    return r.getLong(0).intValue();
  }

  /** Issues a ticket and checks that it is told exactly the people waiting before it. */
  JsonObject issueAndCheck(String service, String priority) {
    int before = waiting(service);
    JsonObject body = new JsonObject().put("service", service);
    if (priority != null) {
      body.put("priority", priority);
    }
    Api.Response r = api.post("/api/v1/tickets", hall.kioskToken(), body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().getInteger("ahead")).as("ahead of a new %s ticket", service).isEqualTo(before);
    return r.json();
  }

  JsonObject press(String officer, int counter, String action, JsonObject body) {
    Api.Response r = api.post("/api/v1/counters/" + counter + "/" + action, officer, body);
    assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theIssuedPositionStaysTheCountOfWaitingTicketsAcrossPriorityCallsHoldsAndTransfers() {
    String officer = hall.login("petugas-dukcapil");
    press(officer, 1, "open", null);
    press(officer, 2, "open", null);
    for (int i = 0; i < 3; i++) {
      issueAndCheck("KTP", null);
      issueAndCheck("KTP", "lansia");
      issueAndCheck("KK", null);
    }
    assertThat(waiting("KTP")).isEqualTo(6);

    // priority first: counter 1 takes a priority KTP ticket, then one leaves as a no-show
    JsonObject called = press(officer, 1, "call-next", null);
    assertThat(called.getString("priority")).isEqualTo("lansia");
    issueAndCheck("KTP", null);
    press(officer, 1, "no-show", null);
    issueAndCheck("KTP", "disabilitas");

    // held and resumed: the ticket waits again and counts again
    press(officer, 1, "call-next", null);
    JsonObject held = press(officer, 1, "hold", new JsonObject().put("note", "fotokopi"));
    assertThat(held.getString("status")).isEqualTo("HELD");
    issueAndCheck("KTP", null);
    press(officer, 1, "resume", new JsonObject().put("ticket", held.getLong("id")));
    issueAndCheck("KTP", null);

    // a transfer: one KTP visitor leaves the KTP queue and waits in KK with the same number
    press(officer, 1, "call-next", null);
    press(officer, 1, "start", null);
    int kkBefore = waiting("KK");
    JsonObject moved = press(officer, 1, "transfer", new JsonObject().put("service", "KK").put("note", "perlu KK"));
    assertThat(moved.getString("status")).isEqualTo("WAITING");
    assertThat(waiting("KK")).isEqualTo(kkBefore + 1);
    issueAndCheck("KK", null);
    issueAndCheck("KTP", null);

    // counter 2 serves KK first: the transferred visitor goes first, and the count follows
    JsonObject next = press(officer, 2, "call-next", null);
    assertThat(next.getString("number")).isEqualTo(moved.getString("number"));
    issueAndCheck("KK", "lansia");
    press(officer, 2, "start", null);
    press(officer, 2, "finish", null);
    issueAndCheck("KK", null);

    // and the kept counts are the counted ones for every service and day
    var rows = pool.query("""
        SELECT t.service, t.service_day, count(*) FILTER (WHERE t.status = 'WAITING') AS counted,
               (SELECT COALESCE(sum(w.n), 0) FROM waiting_count w
                WHERE w.service = t.service AND w.service_day = t.service_day) AS kept
        FROM ticket t GROUP BY t.service, t.service_day""").execute().await();
    for (Row r : rows) {
      assertThat(r.getLong("kept")).as(r.getString("service") + " " + r.getLocalDate("service_day"))
          .isEqualTo(r.getLong("counted"));
    }
  }
}
