package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * The breaches found under faults and hostile input that one node on the small hall can show:
 * replays against the quota, NUL characters, log forging, security headers, invalid UTF-8 on
 * the WebSocket, a database refusing connections and a statement past its deadline.
 */
@CoreLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RobustnessIT {
  HallFixture fixture;
  TestServer hall;
  Api api;
  String officer;
  String manager;

  @BeforeAll
  void start() {
    fixture = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
    hall = fixture.hall;
    api = hall.api;
    officer = hall.login("petugas-dukcapil");
    manager = hall.login("manager");
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  String fingerprint() {
    return fixture.pool.query(BadInputIT.FINGERPRINT).execute().await().iterator().next().getString(0);
  }

  void refused(Supplier<Api.Response> call, int status, String code) {
    String before = fingerprint();
    Api.Response r = call.get();
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.code()).isEqualTo(code);
    assertThat(fingerprint()).as("database unchanged").isEqualTo(before);
  }

  JsonObject issue(String service, String requestId) {
    Api.Response r = api.post("/api/v1/tickets", hall.kioskToken(),
        new JsonObject().put("service", service).put("requestId", requestId));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  // ---------------------------------------------------------------- 2: replay before quota

  @Test
  void aRepeatedRequestIdGetsItsTicketEvenOnceTheQuotaIsUsedUp() {
    // SKCK has a daily quota of 3
    JsonObject first = issue("SKCK", "quota-r1");
    issue("SKCK", "quota-r2");
    issue("SKCK", "quota-r3");
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(),
        new JsonObject().put("service", "SKCK").put("requestId", "quota-r4")), 409, "QUOTA_EXHAUSTED");

    Api.Response again = api.post("/api/v1/tickets", hall.kioskToken(),
        new JsonObject().put("service", "SKCK").put("requestId", "quota-r1"));
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().getLong("id")).isEqualTo(first.getLong("id"));
    assertThat(again.json().getString("number")).isEqualTo(first.getString("number"));
    assertThat(again.json().getString("trackingToken")).isEqualTo(first.getString("trackingToken"));
  }

  @Test
  void aRepeatedRequestIdGetsItsTicketAfterTheServiceClosed() {
    // a second node on real hours: Monday 09:00 in Jakarta is open, 17:00 is closed
    try (HallFixture real = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), true)) {
      Api.Response first = real.hall.api.post("/api/v1/tickets", real.hall.kioskToken(),
          new JsonObject().put("service", "KTP").put("requestId", "closing-r1"));
      assertThat(first.status()).as(first.body()).isEqualTo(201);
      real.clock.set(Instant.parse("2026-11-30T10:00:00Z"));
      Api.Response fresh = real.hall.api.post("/api/v1/tickets", real.hall.kioskToken(),
          new JsonObject().put("service", "KTP").put("requestId", "closing-r2"));
      assertThat(fresh.code()).isEqualTo("SERVICE_CLOSED");
      Api.Response again = real.hall.api.post("/api/v1/tickets", real.hall.kioskToken(),
          new JsonObject().put("service", "KTP").put("requestId", "closing-r1"));
      assertThat(again.status()).as(again.body()).isEqualTo(201);
      assertThat(again.json().getLong("id")).isEqualTo(first.json().getLong("id"));
    }
  }

  // ---------------------------------------------------------------- 7: NUL and bad parameters

  @Test
  void nulCharactersAreRefusedAt400WithoutReachingTheDatabase() {
    refused(() -> api.get("/api/v1/tickets/%00", null), 400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/tickets/ab%00cd/cancel", null, (String) null), 400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/counters/1%00/call-next", officer, (String) null), 400, "INVALID_REQUEST");
    refused(() -> api.get("/api/v1/queues?x=%00", null), 400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/auth/login", null, "{\"username\":\"man\\u0000ager\",\"password\":\"x\"}"),
        400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/tickets", hall.kioskToken(), "{\"service\":\"KTP\",\"requestId\":\"r\\u0000\"}"),
        400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/counters/1/call", officer,
        "{\"ticket\":1,\"reason\":\"a\\u0000b\"}"), 400, "INVALID_REQUEST");
    refused(() -> api.post("/api/v1/counters/1/services", officer,
        "{\"services\":[\"KTP\\u0000\"]}"), 400, "INVALID_REQUEST");
  }

  @Test
  void anUnknownPaperSizeForAPreviewIs400() {
    long job = issue("KTP", null).getLong("printJob");
    refused(() -> api.get("/api/v1/print-jobs/" + job + "/preview.png?paper=0", manager), 400, "INVALID_REQUEST");
    refused(() -> api.get("/api/v1/print-jobs/" + job + "/preview.png?paper=", manager), 400, "INVALID_REQUEST");
    Api.Response ok = api.get("/api/v1/print-jobs/" + job + "/preview.png?paper=58mm", manager);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.contentType()).isEqualTo("image/png");
  }

  // ---------------------------------------------------------------- 8: log forging

  @Test
  void textFromOutsideCannotStartANewLogLine() throws Exception {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger queueLog = (Logger) LoggerFactory.getLogger("id.antre.server.queue");
    queueLog.addAppender(logged);
    try {
      api.post("/api/v1/counters/3/open", officer, (String) null);
      long id = issue("AKTA", null).getLong("id");
      Api.Response called = api.post("/api/v1/counters/3/call", officer, new JsonObject().put("ticket", id)
          .put("reason", "lansia\r\n12:00:00.000 INFO  QueueService - counter 9 called ticket Z999"));
      assertThat(called.status()).as(called.body()).isEqualTo(200);

      try (WsClient agent = new WsClient(hall.server.port())) {
        agent.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("printer:kiosk-1"))
            .put("token", hall.server.demoSecrets().get("printer-1")));
        agent.next("snapshot");
        agent.send(new JsonObject().put("type", "printer-status").put("status", "PAPER_NEAR_END")
            .put("detail", "hampir habis\nERROR forged line"));
        agent.next(m -> "ack".equals(m.getString("type")), Duration.ofSeconds(10));
      }
      List<String> lines = Logged.events(logged).stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines).anyMatch(l -> l.contains("out of order") && l.contains("lansia\\r\\n12:00"));
      assertThat(lines).anyMatch(l -> l.contains("PAPER_NEAR_END") && l.contains("hampir habis\\nERROR"));
      assertThat(lines).allMatch(l -> l.chars().noneMatch(c -> c == '\n' || c == '\r'), "no raw control characters");
    } finally {
      queueLog.detachAppender(logged);
    }
  }

  // ---------------------------------------------------------------- 9: security headers

  @Test
  void pagesAndApiAnswersCarryTheSecurityHeaders() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/", "/kiosk", "/t/abc", "/display", "/counter", "/manager", "/api/v1/hall",
        "/api/v1/nothing", "/web/visitor/kiosk.js", "/health/ready")) {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hall.server.port() + path))
          .GET().build(), HttpResponse.BodyHandlers.discarding());
      Map<String, List<String>> h = r.headers().map();
      assertThat(r.headers().firstValue("content-security-policy")).as(path).hasValueSatisfying(csp ->
          assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").contains("img-src 'self' data:")
              .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
      assertThat(r.headers().firstValue("x-frame-options")).as(path).contains("DENY");
      assertThat(r.headers().firstValue("x-content-type-options")).as(path).contains("nosniff");
      assertThat(r.headers().firstValue("referrer-policy")).as(path + " " + h).contains("no-referrer");
    }
  }

  // ---------------------------------------------------------------- 12: invalid UTF-8

  @Test
  void aTextFrameThatIsNotUtf8IsClosedWith1007() throws Exception {
    try (RawWebSocket ws = new RawWebSocket(hall.server.port(), null, 0)) {
      assertThat(ws.upgraded()).isTrue();
      byte[] bad = "{\"type\":\"ping\",\"x\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
      bad[bad.length - 3] = (byte) 0xC3;
      bad[bad.length - 2] = (byte) 0x28; // 0xC3 0x28 is not UTF-8
      ws.sendFrame(0x81, bad);
      assertThat(ws.readUntilClose()).isEqualTo(1007);
    }
    // split over a text frame and a continuation, the bad byte in the second
    try (RawWebSocket ws = new RawWebSocket(hall.server.port(), null, 0)) {
      ws.sendFrame(0x01, "{\"type\":\"ping\",".getBytes(StandardCharsets.UTF_8));
      ws.sendFrame(0x80, new byte[] {'"', 'x', '"', ':', '"', (byte) 0xFF, '"', '}'});
      assertThat(ws.readUntilClose()).isEqualTo(1007);
    }
    // valid UTF-8, split the same way, is answered
    try (WsClient ok = new WsClient(hall.server.port())) {
      ok.sendRaw("{\"type\":\"ping\",\"x\":\"\u00e9\u20ac\ud83d\ude00\"}");
      assertThat(ok.next("pong")).isNotNull();
    }
  }

  // ---------------------------------------------------------------- 3 and 4: the database fails

  @Test
  void aStatementPastTheDeadlineIsCancelledAnd503AndTheSameRequestIdThenGetsTheOutcome() {
    api.post("/api/v1/counters/5/open", officer, (String) null);
    issue("KTP", null);
    SqlConnection lock = fixture.pool.getConnection().await();
    try {
      lock.query("BEGIN").execute().await();
      lock.query("SELECT * FROM counter_state WHERE counter_id = '5' FOR UPDATE").execute().await();
      long started = System.nanoTime();
      Api.Response r = api.post("/api/v1/counters/5/call-next", officer, new JsonObject().put("requestId", "late-1"));
      assertThat(r.status()).as(r.body()).isEqualTo(503);
      assertThat(r.code()).isEqualTo("UNAVAILABLE");
      assertThat(r.json().getString("detail")).contains("requestId");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
      lock.query("ROLLBACK").execute().await();
    } finally {
      lock.close().await();
    }
    Api.Response again = api.post("/api/v1/counters/5/call-next", officer, new JsonObject().put("requestId", "late-1"));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    Api.Response replay = api.post("/api/v1/counters/5/call-next", officer, new JsonObject().put("requestId", "late-1"));
    assertThat(replay.json().getLong("id")).isEqualTo(again.json().getLong("id"));
  }

  @Test
  void aDatabaseThatRefusesConnectionsGives503UnavailableWithRetryAfter() throws Exception {
    String db = fixture.db.database();
    // from the base database, so that no connection to the test database is needed to undo it
    io.vertx.sqlclient.Pool admin = TestDb.pool(fixture.vertx, TestDb.base());
    admin.query("ALTER DATABASE " + db + " CONNECTION LIMIT 0").execute().await();
    try {
      admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'")
          .execute().await();
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hall.server.port()
                + "/api/v1/tickets")).header("Authorization", "Bearer " + hall.kioskToken())
            .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"KTP\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(new JsonObject(r.body()).getString("code")).isEqualTo("UNAVAILABLE");
        assertThat(r.headers().firstValue("retry-after")).isPresent();
      }
      assertThat(api.get("/api/v1/queues", null).code()).isEqualTo("UNAVAILABLE");
      assertThat(api.get("/health/ready", null).status()).isEqualTo(503);
    } finally {
      admin.query("ALTER DATABASE " + db + " CONNECTION LIMIT -1").execute().await();
      admin.close().await();
    }
    // and back as soon as it accepts connections again
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status = 0;
    while (System.nanoTime() < until && status != 201) {
      status = api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KTP")).status();
    }
    assertThat(status).isEqualTo(201);
  }
}
