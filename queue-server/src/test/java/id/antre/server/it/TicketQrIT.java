package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.api.QrSvgReader;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GET /api/v1/tickets/{trackingToken}/qr.svg: the kiosk screen's QR code, drawn by the server. */
@CoreLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketQrIT {
  /** Monday 30 November 2026, 09:00 in Jakarta. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T02:00:00Z");

  HallFixture fixture;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  String base;

  @BeforeAll
  void start() {
    fixture = HallFixture.smallHall(MONDAY_MORNING, false);
    base = "http://127.0.0.1:" + fixture.hall.server.port();
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String issue() {
    Api.Response r = fixture.hall.api.post("/api/v1/tickets", fixture.hall.kioskToken(),
        new JsonObject().put("service", "KTP"));
    assertThat(r.status()).isEqualTo(201);
    return r.json().getString("trackingToken");
  }

  @Test
  void anIssuedTicketsQrIsACacheableSvgOfItsTrackingAddressWithoutSigningIn() throws Exception {
    String token = issue();

    HttpResponse<String> r = get("/api/v1/tickets/" + token + "/qr.svg");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("image/svg+xml; charset=utf-8");
    assertThat(r.headers().firstValue("cache-control").orElse("")).contains("max-age=");
    assertThat(QrSvgReader.decode(r.body())).isEqualTo(base + "/t/" + token);
  }

  @Test
  void theAddressInTheQrIsTheOneTheKioskReachedTheServerAt() throws Exception {
    String token = issue();
    String other = "http://localhost:" + fixture.hall.server.port();

    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(other + "/api/v1/tickets/" + token + "/qr.svg"))
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(QrSvgReader.decode(r.body())).isEqualTo(other + "/t/" + token);
  }

  @Test
  void aHostNameTooLongForAQrCodeIsA400Problem() throws Exception {
    String token = issue();
    try (Socket socket = new Socket("127.0.0.1", fixture.hall.server.port())) {
      socket.setSoTimeout(30_000);
      String request = "GET /api/v1/tickets/" + token + "/qr.svg HTTP/1.1\r\nHost: " + "h".repeat(400)
          + ":" + fixture.hall.server.port() + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("INVALID_REQUEST").contains("too long for a QR code");
    }
  }

  @Test
  void anUnknownTokenIsA404ProblemAndAMalformedOneA400() throws Exception {
    HttpResponse<String> unknown = get("/api/v1/tickets/AAAAAAAAAAAAAAAAAAAAAA/qr.svg");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(new JsonObject(unknown.body()).getString("code")).isEqualTo("UNKNOWN_TICKET");

    for (String bad : new String[] {"short", "has%20spaces%20in%20it", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "x".repeat(65)}) {
      HttpResponse<String> r = get("/api/v1/tickets/" + bad + "/qr.svg");
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.headers().firstValue("content-type")).as(bad).hasValue("application/problem+json");
      assertThat(new JsonObject(r.body()).getString("code")).as(bad).isEqualTo("INVALID_REQUEST");
    }
  }
}
