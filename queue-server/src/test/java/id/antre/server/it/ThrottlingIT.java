package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.AntreServer;
import id.antre.server.api.RateLimits;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in and issuing are throttled with 429 RATE_LIMITED and a Retry-After, and a refusal changes nothing. */
@CoreLane
class ThrottlingIT {
  HallFixture fixture;
  AntreServer node;
  Api api;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    // the defaults, except that 127.0.0.1 is a trusted proxy so that addresses can be told apart
    RateLimits d = RateLimits.defaults();
    RateLimits limits = new RateLimits(d.loginFailuresPerUser(), 8, d.issuePerMinute(), d.issueBurst(),
        d.anonymousPerMinute(), d.anonymousBurst(), List.of("127.0.0.1"));
    fixture = HallFixture.builder().realClock().limits(limits).start();
    node = fixture.hall.server;
    api = fixture.api();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  HttpResponse<String> login(String user, String password, String forwardedFor) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            new JsonObject().put("username", user).put("password", password).encode()));
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void afterFiveWrongPasswordsAUserIsRefusedEvenWithTheRightOneWhileOthersSignIn() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(login("petugas-dukcapil", "salah-" + i, "198.51.100." + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> refused = login("petugas-dukcapil", TestServer.PASSWORD, "198.51.100.99");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(new JsonObject(refused.body()).getString("code")).isEqualTo("RATE_LIMITED");
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(login("petugas-polres", TestServer.PASSWORD, "198.51.100.99").statusCode()).isEqualTo(200);
  }

  @Test
  void oneAddressTryingManyNamesIsRefusedAndAnotherAddressIsNot() throws Exception {
    for (int i = 0; i < 8; i++) {
      assertThat(login("nama-" + i, "salah", "203.0.113.5").statusCode()).isEqualTo(401);
    }
    assertThat(login("petugas-dukcapil", TestServer.PASSWORD, "203.0.113.5").statusCode()).isEqualTo(429);
    assertThat(login("petugas-dukcapil", TestServer.PASSWORD, "203.0.113.6").statusCode()).isEqualTo(200);
  }

  @Test
  void aKioskIssuesItsBurstThenIsRefusedWithoutATicketWhileAnotherIssuerIsNot() throws Exception {
    String kiosk = node.demoSecrets().get("kiosk-1");
    for (int i = 0; i < RateLimits.defaults().issueBurst(); i++) {
      assertThat(api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP")).status()).isEqualTo(201);
    }
    Api.Response refused = api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP"));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo("RATE_LIMITED");
    assertThat(TestDb.count(fixture.pool, "SELECT count(*) FROM ticket").await()).isEqualTo(10L);
    String officer = api.login("petugas-dukcapil", TestServer.PASSWORD);
    assertThat(api.post("/api/v1/tickets", officer, new JsonObject().put("service", "KTP")).status()).isEqualTo(201);
  }

  HttpResponse<String> cancel(String trackingToken, String forwardedFor) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/v1/tickets/"
            + trackingToken + "/cancel")).header("X-Forwarded-For", forwardedFor)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void tokenlessRequestsArePacedPerClientAddressAndARefusedOneChangesNothing() throws Exception {
    JsonObject ticket = api.post("/api/v1/tickets", node.demoSecrets().get("kiosk-1"),
        new JsonObject().put("service", "KTP")).json();
    for (int i = 0; i < RateLimits.defaults().anonymousBurst(); i++) {
      assertThat(cancel("tebakan-token-" + i, "198.51.100.20").statusCode()).isEqualTo(404);
    }
    HttpResponse<String> refused = cancel(ticket.getString("trackingToken"), "198.51.100.20");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(api.get("/api/v1/tickets/" + ticket.getString("trackingToken"), null).json().getString("status"))
        .isEqualTo("WAITING");
    assertThat(cancel(ticket.getString("trackingToken"), "198.51.100.21").statusCode()).isEqualTo(200);
  }
}
