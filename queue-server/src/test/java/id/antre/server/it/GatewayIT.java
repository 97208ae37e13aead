package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.bus.Addresses;
import id.antre.server.lanes.CoreLane;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket gateway over real sockets: snapshots, order, resume across restarts, limits. Each
 * test gets its own node and database, because snapshots and replays depend on every call made.
 */
@CoreLane
class GatewayIT {
  static final Duration WAIT = Duration.ofSeconds(20);

  HallFixture fixture;
  TestServer hall;
  String officer;

  @BeforeEach
  void start() {
    fixture = HallFixture.builder().gateway(new GatewayOptions(16 * 1024, 15_000, 60_000, List.of())).start();
    hall = fixture.hall;
    officer = hall.login("petugas-dukcapil");
    hall.api.post("/api/v1/counters/1/open", officer, (String) null);
    hall.api.post("/api/v1/counters/11/open", officer, (String) null);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** Issues a ticket and calls it at the counter, then clears the counter; returns the number. */
  String callOne(TestServer on, String counter) {
    on.api.post("/api/v1/tickets", on.kioskToken(), new JsonObject().put("service", "KTP"));
    JsonObject t = on.api.post("/api/v1/counters/" + counter + "/call-next", officer, (String) null).json();
    on.api.post("/api/v1/counters/" + counter + "/no-show", officer, (String) null);
    return t.getString("number");
  }

  @Test
  void aSubscriberGetsSnapshotsThenEveryCallOfItsZoneInOrder() {
    String before = callOne(hall, "1");
    try (WsClient ws = new WsClient(hall.server.port())) {
      ws.subscribe(null, "calls:zone:lantai-1", "queues", "counters");
      JsonObject calls = ws.next(m -> "snapshot".equals(m.getString("type")) && "calls:zone:lantai-1".equals(m.getString("topic")), WAIT);
      assertThat(calls.getJsonArray("calls")).hasSize(1);
      assertThat(calls.getJsonArray("calls").getJsonObject(0).getString("number")).isEqualTo(before);
      long snapshotSeq = calls.getLong("seq");
      JsonObject queues = ws.next(m -> "snapshot".equals(m.getString("type")) && "queues".equals(m.getString("topic")), WAIT);
      assertThat(queues.getJsonArray("queues")).isNotEmpty();
      JsonObject counters = ws.next(m -> "snapshot".equals(m.getString("type")) && "counters".equals(m.getString("topic")), WAIT);
      assertThat(counters.getJsonArray("counters").getJsonObject(0).containsKey("officer")).isFalse();

      List<String> made = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        made.add(callOne(hall, "1"));
        callOne(hall, "11"); // lantai-2: not for this screen
      }
      List<String> seen = new ArrayList<>();
      long last = snapshotSeq;
      for (int i = 0; i < 5; i++) {
        JsonObject call = ws.next("call");
        assertThat(call.getString("zone")).isEqualTo("lantai-1");
        assertThat(call.getLong("seq")).isGreaterThan(last);
        last = call.getLong("seq");
        assertThat(call.getJsonObject("announcement").getString("text")).startsWith("Nomor antrean A");
        assertThat(call.getJsonObject("announcement").getJsonArray("clips").getString(0)).isEqualTo("chime");
        seen.add(call.getString("number"));
      }
      assertThat(seen).containsExactlyElementsOf(made);
      assertThat(ws.drain("call", Duration.ofMillis(500))).isEmpty();

    }
  }

  @Test
  void aPhoneFollowingOneServicesQueueGetsThatServiceOnly() {
    try (WsClient phone = new WsClient(hall.server.port()); WsClient display = new WsClient(hall.server.port())) {
      phone.subscribe(null, "queues:KTP");
      display.subscribe(null, "queues");
      JsonObject snapshot = phone.next(m -> "snapshot".equals(m.getString("type")), WAIT);
      assertThat(snapshot.getString("topic")).isEqualTo("queues:KTP");
      assertThat(snapshot.getJsonArray("queues")).hasSize(1);
      assertThat(snapshot.getJsonArray("queues").getJsonObject(0).getString("service")).isEqualTo("KTP");
      display.next("snapshot");

      hall.api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KK"));
      // the display hears of KK; the phone must not
      assertThat(display.next(m -> "queue".equals(m.getString("type")) && "KK".equals(m.getString("service")), WAIT)
          .getInteger("waiting")).isEqualTo(1);
      hall.api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KTP"));
      JsonObject ktp = phone.next("queue");
      assertThat(ktp.getString("service")).isEqualTo("KTP");
      assertThat(ktp.getInteger("waiting")).isEqualTo(1);
      assertThat(phone.drain("queue", Duration.ofMillis(600))).isEmpty();

      // a service the hall does not have: an empty queue list, not an error
      phone.subscribe(null, "queues:NOPE");
      JsonObject none = phone.next(m -> "snapshot".equals(m.getString("type")) && "queues:NOPE".equals(m.getString("topic")), WAIT);
      assertThat(none.getJsonArray("queues")).isEmpty();
    }
  }

  @Test
  void aClientResumingWithSinceAfterAServerRestartGetsExactlyTheCallsItMissed() {
    long lastSeen;
    try (WsClient ws = new WsClient(hall.server.port())) {
      ws.subscribe(null, "calls");
      ws.next("snapshot");
      callOne(hall, "1");
      lastSeen = ws.next("call").getLong("seq");
    }
    fixture.clock.advance(Duration.ofHours(1));
    hall = fixture.restart();
    officer = hall.login("petugas-dukcapil");
    String missed1 = callOne(hall, "1");
    String missed2 = callOne(hall, "11");
    try (WsClient ws = new WsClient(hall.server.port())) {
      ws.subscribe(lastSeen, "calls");
      JsonObject snap = ws.next("snapshot");
      assertThat(snap.getLong("seq")).isGreaterThan(lastSeen);
      JsonObject r1 = ws.next("call");
      JsonObject r2 = ws.next("call");
      assertThat(List.of(r1.getString("number"), r2.getString("number"))).containsExactly(missed1, missed2);
      assertThat(r1.getBoolean("replay")).isTrue();
      assertThat(r1.getLong("seq")).isGreaterThan(lastSeen);
      assertThat(ws.drain("call", Duration.ofMillis(500))).isEmpty();
      // and live calls follow
      String live = callOne(hall, "1");
      assertThat(ws.next("call").getString("number")).isEqualTo(live);
    }
  }

  @Test
  void aClientThatStopsReadingIsToldToResyncAndNobodyElseNotices() throws Exception {
    try (WsClient healthy = new WsClient(hall.server.port());
        RawWebSocket stuck = new RawWebSocket(hall.server.port(), null, 4096)) {
      assertThat(stuck.upgraded()).isTrue();
      stuck.sendText("{\"type\":\"subscribe\",\"topics\":[\"calls\"]}");
      assertThat(new JsonObject(stuck.readText()).getString("type")).isEqualTo("snapshot"); // subscribed: now it stops reading
      healthy.subscribe(null, "calls");
      healthy.next("snapshot");
      String padding = "x".repeat(4000);
      int events = 1500; // ~6 MB: more than the socket buffers and the 16 KB queue hold
      // paced as a busy hall would be: the healthy client keeps up, the stuck one falls behind
      for (int i = 1; i <= events; i++) {
        fixture.vertx.eventBus().publish(Addresses.CALLS, new JsonObject().put("type", "call").put("seq", 1_000_000L + i)
            .put("zone", "lantai-1").put("number", "Z" + i).put("pad", padding));
        assertThat(healthy.next("call").getString("number")).isEqualTo("Z" + i);
      }
      assertThat(stuck.readUntilClose()).isEqualTo(4001);
    }
  }

  @Test
  void badAndOversizedFramesGetAClearCloseCodeAndHarmNoOne() throws Exception {
    try (WsClient bystander = new WsClient(hall.server.port())) {
      bystander.subscribe(null, "calls:zone:lantai-1");
      bystander.next("snapshot");

      try (WsClient garbage = new WsClient(hall.server.port())) {
        garbage.sendRaw("this is not json");
        assertThat(garbage.next("error").getString("code")).isEqualTo("INVALID_REQUEST");
        assertThat(garbage.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1007);
      }
      try (RawWebSocket huge = new RawWebSocket(hall.server.port(), null, 0)) {
        huge.sendText("{\"type\":\"subscribe\",\"topics\":[\"" + "a".repeat(100_000) + "\"]}");
        assertThat(huge.readUntilClose()).isEqualTo(1009);
      }
      try (WsClient confused = new WsClient(hall.server.port())) {
        confused.subscribe(null, "everything");
        assertThat(confused.next("error").getString("detail")).contains("unknown topic");
        confused.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("counter:1")));
        assertThat(confused.next("error").getString("code")).isIn("UNAUTHENTICATED", "FORBIDDEN");
        confused.send(new JsonObject().put("type", "ping"));
        assertThat(confused.next("pong").getString("type")).isEqualTo("pong");
      }
      String number = callOne(hall, "1");
      assertThat(bystander.next("call").getString("number")).isEqualTo(number);
    }
  }

  @Test
  void aPageFromAnotherOriginIsRefusedAndTheHallsOwnPagesAreNot() throws Exception {
    try (RawWebSocket evil = new RawWebSocket(hall.server.port(), "http://evil.example", 0)) {
      assertThat(evil.statusLine).contains(" 403 ");
    }
    try (RawWebSocket own = new RawWebSocket(hall.server.port(), "http://127.0.0.1:" + hall.server.port(), 0)) {
      assertThat(own.upgraded()).isTrue();
    }
  }

  @Test
  void anOfficerFollowsTheirCounterAndAVisitorTheirTicket() {
    JsonObject t = hall.api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KK")).json();
    try (WsClient counter = new WsClient(hall.server.port()); WsClient phone = new WsClient(hall.server.port())) {
      counter.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("counter:1"))
          .put("token", officer));
      JsonObject snapshot = counter.next("snapshot");
      assertThat(snapshot.getString("state")).isEqualTo("OPEN");
      assertThat(snapshot.getJsonObject("allowedActions").getJsonObject("open").getString("reason"))
          .isEqualTo("ALREADY_OPEN");
      phone.subscribe(null, "ticket:" + t.getString("trackingToken"));
      assertThat(phone.next("snapshot").getString("status")).isEqualTo("WAITING");
      hall.api.post("/api/v1/counters/1/call-next", officer, (String) null);
      JsonObject mine = phone.next(m -> "ticket".equals(m.getString("type")), WAIT);
      assertThat(mine.getJsonObject("ticket").getString("status")).isEqualTo("CALLED");
      assertThat(mine.getJsonObject("ticket").containsKey("trackingToken")).isFalse();
      JsonObject state = counter.next(m -> "counter".equals(m.getString("type")), WAIT);
      assertThat(state.getJsonObject("counter").getJsonObject("current").getString("number"))
          .isEqualTo(t.getString("number"));
      assertThat(state.getJsonObject("counter").getJsonObject("allowedActions").getJsonObject("start")
          .getBoolean("allowed")).isTrue();
    }
  }

  @Test
  void publicScreensNeverSeeOfficerNamesButTheCountersOwnTerminalDoes() {
    try (WsClient screen = new WsClient(hall.server.port()); WsClient terminal = new WsClient(hall.server.port())) {
      screen.subscribe(null, "counters");
      screen.next("snapshot");
      terminal.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("counter:1"))
          .put("token", officer));
      terminal.next("snapshot");
      String number = callOne(hall, "1");
      JsonObject seen = screen.next("counter").getJsonObject("counter");
      assertThat(seen.containsKey("officer")).isFalse();
      assertThat(seen.containsKey("allowedActions")).isFalse();
      assertThat(seen.getJsonObject("current").getString("number")).isEqualTo(number);
      assertThat(seen.getJsonObject("current").fieldNames()).containsOnly("number", "status", "service");
      assertThat(terminal.next("counter").getJsonObject("counter").getString("officer")).isEqualTo("petugas-dukcapil");
    }
  }

  @Test
  void aSecondTerminalOnTheSameCounterIsNoticedByBoth() {
    try (WsClient first = new WsClient(hall.server.port()); WsClient second = new WsClient(hall.server.port())) {
      first.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("counter:1"))
          .put("token", officer).put("terminal", "tab-A"));
      first.next("snapshot");
      second.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("counter:1"))
          .put("token", officer).put("terminal", "tab-B"));
      second.next("snapshot");
      JsonObject seen = first.next("presence");
      assertThat(seen.getString("terminal")).isEqualTo("tab-B");
      assertThat(seen.getString("action")).isEqualTo("join");
      first.send(new JsonObject().put("type", "here"));
      JsonObject answer = second.next("presence");
      assertThat(answer.getString("terminal")).isEqualTo("tab-A");
      assertThat(answer.getString("action")).isEqualTo("here");
    }
  }

  @Test
  void aManagersRunningTextReachesTheDisplaysLiveAndOfficersCannotSetIt() {
    String manager = hall.login("manager");
    try (WsClient display = new WsClient(hall.server.port())) {
      display.subscribe(null, "hall");
      assertThat(display.next("snapshot").getString("runningText")).startsWith("Selamat datang").doesNotContain("libur");
      Api.Response refused = hall.api.send("PUT", "/api/v1/hall/running-text", officer,
          new JsonObject().put("text", "x").encode());
      assertThat(refused.code()).isEqualTo("FORBIDDEN");
      Api.Response set = hall.api.send("PUT", "/api/v1/hall/running-text", manager,
          new JsonObject().put("text", "Besok layanan libur").encode());
      assertThat(set.status()).isEqualTo(200);
      assertThat(display.next("hall").getString("runningText")).isEqualTo("Besok layanan libur");
      assertThat(hall.api.get("/api/v1/hall", null).json().getString("runningText")).isEqualTo("Besok layanan libur");
      hall.api.send("PUT", "/api/v1/hall/running-text", manager, new JsonObject().put("text", "").encode());
      assertThat(display.next("hall").getString("runningText")).startsWith("Selamat datang");
    }
  }

  @Test
  void aPrintResultWithoutAKnownStatusIsRefusedAndOnlyPrintAgentsMaySendOne() {
    try (WsClient agent = new WsClient(hall.server.port()); WsClient stranger = new WsClient(hall.server.port())) {
      agent.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("printer:kiosk-1"))
          .put("token", hall.server.demoSecrets().get("printer-1")));
      agent.next("snapshot");
      agent.send(new JsonObject().put("type", "print-result").put("job", 1).put("status", "ok"));
      assertThat(agent.next("error").getString("code")).isEqualTo("INVALID_REQUEST");
      agent.send(new JsonObject().put("type", "print-result").put("status", "printed"));
      assertThat(agent.next("error").getString("code")).isEqualTo("INVALID_REQUEST");
      stranger.send(new JsonObject().put("type", "print-result").put("job", 1).put("status", "printed"));
      assertThat(stranger.next("error").getString("code")).isEqualTo("FORBIDDEN");
    }
  }

  @Test
  void anAgentsReportWhoseReasonOrDetailIsNotTextIsRefusedAsInvalid() {
    try (WsClient agent = new WsClient(hall.server.port())) {
      agent.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("printer:kiosk-1"))
          .put("token", hall.server.demoSecrets().get("printer-1")));
      agent.next("snapshot");
      agent.send(new JsonObject().put("type", "print-result").put("job", 1).put("status", "failed")
          .put("reason", new JsonObject().put("paper", false)));
      assertThat(agent.next("error").getString("code")).isEqualTo("INVALID_REQUEST");
      agent.send(new JsonObject().put("type", "printer-status").put("status", "ONLINE").put("detail", 42));
      assertThat(agent.next("error").getString("code")).isEqualTo("INVALID_REQUEST");
    }
  }

  @Test
  void aPrinterIsOnlineWhileItsAgentIsConnectedAndAgentOfflineWhenItLeaves() throws Exception {
    String manager = hall.login("manager");
    WsClient agent = new WsClient(hall.server.port());
    agent.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("printer:kiosk-1"))
        .put("token", hall.server.demoSecrets().get("printer-1")));
    agent.next("snapshot");
    assertThat(printerStatus(manager, "ONLINE")).isEqualTo("ONLINE");
    agent.close();
    assertThat(printerStatus(manager, "AGENT_OFFLINE")).isEqualTo("AGENT_OFFLINE");
  }

  /** Polls the printers list until kiosk-1's printer reports the status. */
  private String printerStatus(String manager, String expected) {
    return Eventually.until("kiosk-1's printer " + expected, () -> {
      JsonArray printers = hall.api.get("/api/v1/printers", manager).json().getJsonArray("printers");
      return printers.isEmpty() ? null : printers.getJsonObject(0).getString("status");
    }, expected::equals);
  }
}
