package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Devices as administrators register them: the token once, rotation, revocation, last seen and version. */
@CoreLane
class DeviceAdminIT {
  HallFixture f;
  Api api;
  String admin;

  @BeforeEach
  void start() {
    f = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
    api = f.api();
    admin = f.login("admin");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  JsonArray devices() {
    Api.Response r = api.get("/api/v1/devices", admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return new JsonArray(r.body());
  }

  JsonObject device(String id) {
    return devices().stream().map(o -> (JsonObject) o).filter(d -> d.getString("id").equals(id)).findFirst().orElseThrow();
  }

  int issue(String token, String client) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.port() + "/api/v1/tickets"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"KTP\"}")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token);
    if (client != null) {
      b.header("X-Antre-Client", client);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void aRegisteredKioskIssuesWithItsTokenShownOnceAndReportsWhenAndWhatItIs() throws Exception {
    Api.Response r = api.post("/api/v1/devices", admin, new JsonObject().put("id", "kiosk-2").put("kind", "kiosk")
        .put("name", "Anjungan Lantai 2").put("zone", "lantai-1"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String token = r.json().getString("token");
    assertThat(token).startsWith("d1.");
    assertThat(devices().encode()).doesNotContain(token);
    assertThat(device("kiosk-2").getValue("lastSeenAt")).isNull();

    assertThat(issue(token, "kiosk/1.0.0")).isEqualTo(201);
    JsonObject seen = Eventually.until("kiosk-2 seen", () -> device("kiosk-2"),
        d -> "kiosk/1.0.0".equals(d.getString("clientVersion")) && d.getString("lastSeenAt") != null);
    assertThat(seen.getString("clientVersion")).isEqualTo("kiosk/1.0.0");
    assertThat(seen.getString("lastSeenAt")).isEqualTo(f.clock.instant().toString());

    // within a minute nothing is written again; after it, the time moves
    Instant first = f.clock.instant();
    f.clock.advance(Duration.ofSeconds(20));
    assertThat(issue(token, null)).isEqualTo(201);
    assertThat(device("kiosk-2").getString("lastSeenAt")).isEqualTo(first.toString());
    f.clock.advance(Duration.ofSeconds(50));
    assertThat(issue(token, null)).isEqualTo(201);
    Eventually.until("kiosk-2 seen again", () -> device("kiosk-2").getString("lastSeenAt"),
        at -> at.equals(f.clock.instant().toString()));
    assertThat(device("kiosk-2").getString("clientVersion")).isEqualTo("kiosk/1.0.0");

    // its print agent, then a display and a survey tablet
    Api.Response agent = api.post("/api/v1/devices", admin, new JsonObject().put("kind", "print-agent")
        .put("name", "Printer Lantai 2").put("kiosk", "kiosk-2"));
    assertThat(agent.status()).as(agent.body()).isEqualTo(201);
    assertThat(agent.json().getString("id")).startsWith("print-agent-");
    assertThat(api.post("/api/v1/devices", admin, new JsonObject().put("kind", "display").put("name", "Layar 2")
        .put("zone", "lantai-1")).status()).isEqualTo(201);
    Api.Response tablet = api.post("/api/v1/devices", admin, new JsonObject().put("kind", "survey").put("name", "Tablet 2")
        .put("counter", "2"));
    assertThat(tablet.status()).as(tablet.body()).isEqualTo(201);
    assertThat(api.get("/api/v1/surveys/pending", tablet.json().getString("token")).status()).isIn(200, 204);

    // a print agent says what it runs in its WebSocket subscribe
    try (WsClient ws = new WsClient(f.port())) {
      ws.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("printer:kiosk-1"))
          .put("token", f.hall.server.demoSecrets().get("printer-1")).put("client", "print-agent/0.9.1"));
      ws.next("snapshot");
      Eventually.until("printer-1's version", () -> device("printer-1").getString("clientVersion"),
          v -> "print-agent/0.9.1".equals(v));
    }

    // a wall display on public topics: its token only says who watches, and an unknown one changes nothing
    try (WsClient ws = new WsClient(f.port()); WsClient stranger = new WsClient(f.port())) {
      ws.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("calls:zone:lantai-1"))
          .put("token", f.hall.server.demoSecrets().get("display-1")).put("client", "display/0.9.2"));
      ws.next("snapshot");
      Eventually.until("display-1's version", () -> device("display-1").getString("clientVersion"),
          v -> "display/0.9.2".equals(v));
      stranger.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("calls"))
          .put("token", "d1.not-a-token").put("client", "display/0.9.2"));
      assertThat(stranger.next("snapshot").getString("topic")).isEqualTo("calls");
    }
  }

  @Test
  void rotatingRefusesTheOldTokenAtOnceAndRevokingRefusesTheDevice() throws Exception {
    String old = api.post("/api/v1/devices", admin, new JsonObject().put("id", "kiosk-3").put("kind", "kiosk")
        .put("name", "Anjungan 3")).json().getString("token");
    assertThat(issue(old, null)).isEqualTo(201);
    Api.Response rotated = api.post("/api/v1/devices/kiosk-3/rotate", admin, (String) null);
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    String fresh = rotated.json().getString("token");
    assertThat(fresh).isNotEqualTo(old);
    assertThat(issue(old, null)).isEqualTo(401);
    assertThat(issue(fresh, null)).isEqualTo(201);

    assertThat(api.send("DELETE", "/api/v1/devices/kiosk-3", admin, null).status()).isEqualTo(204);
    assertThat(issue(fresh, null)).isEqualTo(401);
    assertThat(device("kiosk-3").getBoolean("active")).isFalse();
    assertThat(api.post("/api/v1/devices/kiosk-3/rotate", admin, (String) null).status()).isEqualTo(404);
  }

  @Test
  void badInputIsRefusedWithAStableCodeAndChangesNothing() {
    JsonArray before = devices();
    record Bad(String body, int status, String code) {
    }
    List<Bad> bad = List.of(
        new Bad("{\"kind\":\"toaster\",\"name\":\"X\"}", 400, "INVALID_REQUEST"),
        new Bad("{\"kind\":\"kiosk\"}", 400, "INVALID_REQUEST"),
        new Bad("{\"kind\":\"print-agent\",\"name\":\"X\"}", 400, "INVALID_REQUEST"),
        new Bad("{\"kind\":\"print-agent\",\"name\":\"X\",\"kiosk\":\"tidak-ada\"}", 404, "UNKNOWN_KIOSK"),
        new Bad("{\"kind\":\"print-agent\",\"name\":\"X\",\"kiosk\":\"display-1\"}", 404, "UNKNOWN_KIOSK"),
        new Bad("{\"kind\":\"display\",\"name\":\"X\",\"zone\":\"lantai-9\"}", 404, "UNKNOWN_ZONE"),
        new Bad("{\"kind\":\"display\",\"name\":\"X\",\"kiosk\":\"kiosk-1\"}", 400, "INVALID_REQUEST"),
        new Bad("{\"kind\":\"survey\",\"name\":\"X\"}", 400, "INVALID_REQUEST"),
        new Bad("{\"kind\":\"survey\",\"name\":\"X\",\"counter\":\"99\"}", 404, "UNKNOWN_COUNTER"),
        new Bad("{\"kind\":\"kiosk\",\"name\":\"X\",\"counter\":\"1\"}", 400, "INVALID_REQUEST"),
        new Bad("{\"kind\":\"kiosk\",\"name\":\"X\",\"id\":\"Kiosk 9\"}", 400, "INVALID_REQUEST"),
        new Bad("{\"kind\":\"kiosk\",\"name\":\"X\",\"id\":\"kiosk-1\"}", 409, "DEVICE_EXISTS"),
        new Bad("{\"kind\":\"kiosk\",\"name\":\"X\",\"token\":\"d1.mine\"}", 400, "INVALID_REQUEST"));
    for (Bad b : bad) {
      Api.Response r = api.post("/api/v1/devices", admin, b.body());
      assertThat(r.status()).as(b + " -> " + r.body()).isEqualTo(b.status());
      assertThat(r.code()).as(b.toString()).isEqualTo(b.code());
    }
    assertThat(api.post("/api/v1/devices/tidak-ada/rotate", admin, (String) null).code()).isEqualTo("NOT_FOUND");
    assertThat(devices()).isEqualTo(before);
    assertThat(api.get("/api/v1/hall", f.kioskToken()).status()).isEqualTo(200);
  }
}
