package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.api.RateLimits;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Booking's rate limits at their defaults (10 writes a minute, 5 at once, per client address;
 * 5 bookings a minute, 3 at once, per NIK; 120 check-ins a minute, 30 at once, per kiosk), with
 * 127.0.0.1 a trusted proxy so that addresses can be told apart: one script cannot take a day's
 * places, and a busy kiosk checking in a visitor a second is never held up.
 */
@CoreLane
class BookingThrottlingIT {
  HallFixture fixture;
  final HttpClient http = HttpClient.newHttpClient();
  int serial = 1;

  @BeforeEach
  void start() {
    RateLimits d = RateLimits.defaults();
    RateLimits limits = new RateLimits(d.loginFailuresPerUser(), d.loginFailuresPerAddress(), d.issuePerMinute(),
        d.issueBurst(), d.anonymousPerMinute(), d.anonymousBurst(), List.of("127.0.0.1"));
    fixture = HallFixture.builder().limits(limits).start();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  HttpResponse<String> post(String path, String token, String forwardedFor, JsonObject body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.port() + path))
        .header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> book(String nik, String from, String slot) throws Exception {
    return post("/api/v1/bookings", null, from, new JsonObject().put("service", "KTP").put("day", "2026-12-01")
        .put("slot", slot).put("nik", nik).put("phone", "081234567890").put("requestId", UUID.randomUUID().toString()));
  }

  String nik() {
    return "320901150890" + String.format("%04d", serial++);
  }

  @Test
  void oneAddressIsPacedAfterFiveBookingWritesAndOthersBookMeanwhile() throws Exception {
    String[] slots = {"08:00", "08:15", "08:30", "08:45", "09:00", "09:15"};
    for (int i = 0; i < 5; i++) {
      assertThat(book(nik(), "198.51.100.1", slots[i]).statusCode()).isEqualTo(201);
    }
    HttpResponse<String> refused = book(nik(), "198.51.100.1", slots[5]);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(new JsonObject(refused.body()).getString("code")).isEqualTo("RATE_LIMITED");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(fixture.pool.query("SELECT count(*) FROM booking").execute().await().iterator().next().getLong(0))
        .isEqualTo(5);
    assertThat(book(nik(), "198.51.100.2", slots[5]).statusCode()).isEqualTo(201);
    // six seconds give one write back (10 a minute)
    fixture.clock.advance(Duration.ofSeconds(6));
    assertThat(book(nik(), "198.51.100.1", "09:30").statusCode()).isEqualTo(201);
  }

  @Test
  void oneNikIsPacedFromWhereverItComes() throws Exception {
    String nik = nik();
    // ALREADY_BOOKED after the first, then RATE_LIMITED from the fourth try on, whatever the address
    assertThat(book(nik, "198.51.100.10", "10:00").statusCode()).isEqualTo(201);
    assertThat(book(nik, "198.51.100.11", "10:15").statusCode()).isEqualTo(409);
    assertThat(book(nik, "198.51.100.12", "10:30").statusCode()).isEqualTo(409);
    HttpResponse<String> refused = book(nik, "198.51.100.13", "10:45");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(book(nik(), "198.51.100.13", "10:45").statusCode()).isEqualTo(201);
  }

  @Test
  void aKioskCheckingInAVisitorEverySecondIsNeverThrottledButAScriptIs() throws Exception {
    String kiosk = fixture.kioskToken();
    // ten minutes of one check-in a second (unknown codes: the limit comes first)
    for (int i = 0; i < 600; i++) {
      HttpResponse<String> r = post("/api/v1/bookings/ZZZZZZZZ/check-in", kiosk, null, null);
      assertThat(r.statusCode()).as("check-in %d", i).isEqualTo(404);
      fixture.clock.advance(Duration.ofSeconds(1));
    }
    // a script firing at once is held up after the burst
    int throttled = 0;
    for (int i = 0; i < 60; i++) {
      if (post("/api/v1/bookings/ZZZZZZZZ/check-in", kiosk, null, null).statusCode() == 429) {
        throttled++;
      }
    }
    assertThat(throttled).isGreaterThan(20);
  }
}
