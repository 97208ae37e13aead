package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every kind of bad request gets its 4xx and stable code, and the database does not change. */
@CoreLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
  static final String FINGERPRINT = """
      SELECT (SELECT count(*) FROM ticket) || '/' || (SELECT count(*) FROM ticket_event) || '/'
          || (SELECT coalesce(sum(last_number), 0) FROM daily_sequence) || '/' || (SELECT count(*) FROM counter_event)
          || '/' || (SELECT string_agg(id || status || coalesce(counter_id, '') || recall_count, ',' ORDER BY id) FROM ticket)
          || '/' || (SELECT string_agg(counter_id || state || coalesce(current_ticket::text, ''), ',' ORDER BY counter_id)
                     FROM counter_state)""";

  HallFixture fixture;
  MutableClock clock;
  TestServer hall;
  Api api;
  Pool pool;
  String officer;
  String polres;

  @BeforeAll
  void start() {
    fixture = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), true);
    clock = fixture.clock;
    hall = fixture.hall;
    api = hall.api;
    pool = fixture.pool;
    officer = hall.login("petugas-dukcapil");
    polres = hall.login("petugas-polres");
    // a counter with a called ticket, so there is state to damage
    api.post("/api/v1/counters/1/open", officer, (String) null);
    api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KTP"));
    api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KTP"));
    api.post("/api/v1/counters/1/call-next", officer, (String) null);
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @BeforeEach
  void resetClock() {
    clock.set(Instant.parse("2026-11-30T02:00:00Z"));
  }

  String fingerprint() {
    Row r = pool.query(FINGERPRINT).execute().await().iterator().next();
    return r.getString(0);
  }

  void refused(Supplier<Api.Response> call, int status, String code) {
    String before = fingerprint();
    Api.Response r = call.get();
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonObject p = r.json();
    assertThat(p.getString("code")).isEqualTo(code);
    assertThat(p.getInteger("status")).isEqualTo(status);
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("detail")).isNotBlank();
    assertThat(p.getString("type")).isNotBlank();
    assertThat(fingerprint()).as("database unchanged").isEqualTo(before);
  }

  @Test
  void malformedJsonIsRefused() {
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), "{\"service\": "), 400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), "[1, 2]"), 400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/counters/1/finish", officer, "not json"), 400, "INVALID_REQUEST");
  }

  @Test
  void unknownFieldsAreRefusedByName() {
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), "{\"service\":\"KTP\",\"nik\":\"3209\"}"),
        400, "INVALID_REQUEST");
    Api.Response r = api.post("/api/v1/counters/1/recall", officer, "{\"force\":true}");
    assertThat(r.json().getString("detail")).contains("force");
  }

  @Test
  void wrongTypesAreRefused() {
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), "{\"service\": 5}"), 400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), "{\"service\": \"KTP\", \"priority\": true}"),
        400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/counters/1/resume", officer, "{\"ticket\": \"satu\"}"), 400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), "{\"service\": \"KTP\", \"priority\": \"vip\"}"),
        400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), "{\"service\": \"KTP\", \"channel\": \"fax\"}"),
        400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), "{}"), 400, "INVALID_REQUEST");
  }

  @Test
  void unknownServicesCountersAndTicketsAre404() {
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), "{\"service\": \"PASPOR\"}"), 404, "UNKNOWN_SERVICE");
    refused(() -> api.post("/api/v1/counters/99/call-next", officer, (String) null), 404, "UNKNOWN_COUNTER");
    refused(() -> api.post("/api/v1/counters/1/transfer", officer, "{\"service\": \"PASPOR\"}"), 404, "UNKNOWN_SERVICE");
    refused(() -> api.post("/api/v1/tickets/zzz/cancel", null, (String) null), 404, "UNKNOWN_TICKET");
    refused(() -> api.get("/api/v1/nothing-here", null), 404, "NOT_FOUND");
  }

  @Test
  void hugeBodiesAreRefusedBeforeParsing() {
    String huge = "{\"service\":\"KTP\",\"requestId\":\"" + "x".repeat(200_000) + "\"}";
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), huge), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void forbiddenTransitionsAreRefused() {
    // counter 1 holds a CALLED ticket: finishing before starting is not a transition
    refused(() -> api.post("/api/v1/counters/1/finish", officer, (String) null), 409, "INVALID_TRANSITION");
    refused(() -> api.post("/api/v1/counters/1/transfer", officer, "{\"service\":\"KK\"}"), 409, "INVALID_TRANSITION");
    refused(() -> api.post("/api/v1/counters/1/call-next", officer, (String) null), 409, "COUNTER_BUSY");
    refused(() -> api.post("/api/v1/counters/1/close", officer, (String) null), 409, "COUNTER_BUSY");
    refused(() -> api.post("/api/v1/counters/2/start", officer, (String) null), 409, "NO_CURRENT_TICKET");
    refused(() -> api.post("/api/v1/counters/2/call-next", officer, (String) null), 409, "COUNTER_NOT_OPEN");
    refused(() -> api.post("/api/v1/counters/1/finish", officer, "{\"outcome\":\"beres\"}"), 400, "INVALID_REQUEST");
  }

  @Test
  void wrongRolesAreForbidden() {
    refused(() -> api.post("/api/v1/counters/1/recall", polres, (String) null), 403, "FORBIDDEN");
    refused(() -> api.get("/api/v1/counters/1", polres), 403, "FORBIDDEN");
    String display = hall.server.demoSecrets().get("display-1");
    refused(() -> api.post("/api/v1/tickets", display, "{\"service\":\"KTP\"}"), 403, "FORBIDDEN");
    refused(() -> api.post("/api/v1/counters/1/recall", hall.kioskToken(), (String) null), 403, "FORBIDDEN");
  }

  @Test
  void missingForgedAndExpiredTokensAreRefused() {
    refused(() -> api.post("/api/v1/tickets", null, "{\"service\":\"KTP\"}"), 401, "UNAUTHENTICATED");
    refused(() -> api.post("/api/v1/tickets", "d1.not-a-device", "{\"service\":\"KTP\"}"), 401, "UNAUTHENTICATED");
    String[] parts = officer.split("\\.");
    java.util.Base64.Encoder enc = java.util.Base64.getUrlEncoder().withoutPadding();
    String[] fields = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).split("\\|", -1);
    fields[2] = enc.encodeToString("ADMIN".getBytes()); // the role field
    String forgedPayload = enc.encodeToString(String.join("|", fields).getBytes());
    assertThat(forgedPayload).isNotEqualTo(parts[1]);
    String forged = parts[0] + "." + forgedPayload + "." + parts[2];
    refused(() -> api.post("/api/v1/counters/P1/open", forged, (String) null), 401, "UNAUTHENTICATED");
    refused(() -> api.post("/api/v1/counters/1/recall", "u1.garbage", (String) null), 401, "UNAUTHENTICATED");
    clock.advance(Duration.ofHours(11));
    refused(() -> api.post("/api/v1/counters/1/recall", officer, (String) null), 401, "TOKEN_EXPIRED");
  }

  @Test
  void wrongPasswordsAreRefused() {
    refused(() -> api.post("/api/v1/auth/login", null, "{\"username\":\"manager\",\"password\":\"salah\"}"),
        401, "UNAUTHENTICATED");
    refused(() -> api.post("/api/v1/auth/login", null, "{\"username\":\"siapa\",\"password\":\"salah\"}"),
        401, "UNAUTHENTICATED");
    refused(() -> api.post("/api/v1/auth/login", null, "{\"username\":\"manager\"}"), 400, "INVALID_REQUEST");
  }
}
