package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.ServerConfig;
import id.antre.server.lanes.CoreLane;
import id.antre.server.persistence.DbConfig;
import id.antre.server.realtime.DirectGatewayPort;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Displays and phones coming back all at once (a restart, a network cut): each resumes with
 * {@code since}, and none may be refused or miss a call. The gateway answers calls snapshots and
 * replays from memory and reads the shared snapshots once for the crowd, so neither a pool of two
 * connections nor an event log that cannot be read holds them up; what it answers from memory is
 * what the event log would have given.
 */
@CoreLane
class ReconnectStormIT {
  static final Duration WAIT = Duration.ofSeconds(60);

  HallFixture fixture;
  String officer;
  /** Vert.x closes a client nobody references: kept in a field. */
  WebSocketClient client;

  void start(GatewayOptions gateway, int poolSize) {
    fixture = HallFixture.builder().gateway(gateway).config(c -> withPool(c, poolSize)).start();
    officer = fixture.login("petugas-dukcapil");
    fixture.api().post("/api/v1/counters/1/open", officer, (String) null);
    fixture.api().post("/api/v1/counters/11/open", officer, (String) null);
    client = fixture.vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1_000)
        .setTryUsePerMessageCompression(false).setTryUsePerFrameCompression(false));
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close().await();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  static ServerConfig withPool(ServerConfig c, int size) {
    DbConfig db = c.db();
    return new ServerConfig(c.port(), new DbConfig(db.host(), db.port(), db.database(), db.user(), db.password(), size),
        c.hallFile(), c.demo(), c.realHours(), c.demoPassword(), c.tokenLifetime(), c.verticles(), c.publicUrl(),
        c.gateway(), c.localPrinter(), c.audioDir(), c.limits(), c.httpIdleTimeout(), c.printBacklog(),
        c.commandDeadline());
  }

  /** Issues a ticket and calls it at the counter (lantai-1 for 1, lantai-2 for 11), then clears the counter. */
  void callOne(String counter) {
    fixture.api().post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", "KTP"));
    fixture.api().post("/api/v1/counters/" + counter + "/call-next", officer, (String) null);
    fixture.api().post("/api/v1/counters/" + counter + "/no-show", officer, (String) null);
  }

  /** The seqs of the calls in the event log, oldest first. */
  List<Long> callSeqs() {
    return StreamSupport.stream(fixture.pool.query("SELECT id FROM ticket_event WHERE type = 'CALL' ORDER BY id")
        .execute().await().spliterator(), false).map(r -> r.getLong(0)).toList();
  }

  /** One client of a crowd: everything it received, in order. */
  static final class Follower {
    final List<JsonObject> got = Collections.synchronizedList(new ArrayList<>());
    WebSocket socket;

    List<JsonObject> of(String type) {
      synchronized (got) {
        return got.stream().filter(m -> type.equals(m.getString("type"))).toList();
      }
    }
  }

  /** {@code n} sockets connected first; then every one sends its subscription at once. */
  List<Follower> crowd(int n, JsonObject subscription) {
    WebSocketConnectOptions to = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(fixture.port())
        .setURI("/ws").setAllowOriginHeader(false);
    List<Follower> crowd = IntStream.range(0, n).mapToObj(i -> new Follower()).toList();
    Future.all(crowd.stream().map(f -> client.connect(to).map(ws -> {
      f.socket = ws;
      ws.textMessageHandler(text -> f.got.add(new JsonObject(text)));
      return ws;
    })).toList()).await();
    String text = subscription.encode();
    fixture.vertx.runOnContext(v -> crowd.forEach(f -> f.socket.writeTextMessage(text)));
    return crowd;
  }

  static JsonObject subscribe(Long since, String... topics) {
    JsonObject msg = new JsonObject().put("type", "subscribe").put("topics", new JsonArray(List.of(topics)));
    return since == null ? msg : msg.put("since", since);
  }

  static List<Long> seqs(List<JsonObject> calls) {
    return calls.stream().map(c -> c.getLong("seq")).toList();
  }

  @Test
  void threeHundredDisplaysResumingAtOnceOnAPoolOfTwoAreAllServedAndMissNothing() {
    start(GatewayOptions.defaults(), 2);
    for (int i = 0; i < 6; i++) {
      callOne("1");
      callOne("11");
    }
    List<Long> log = callSeqs();
    long since = log.get(3);
    List<Follower> crowd = crowd(300, subscribe(since, "calls", "queues", "counters"));
    Eventually.until("every display has its three snapshots and its replay", WAIT,
        () -> crowd.stream().filter(f -> f.of("snapshot").size() < 3 || f.of("call").size() < log.size() - 4).count(),
        left -> left == 0 || crowd.stream().anyMatch(f -> !f.of("error").isEmpty()));
    for (Follower f : crowd) {
      assertThat(f.of("error")).as("refusals").isEmpty();
      assertThat(f.of("snapshot").stream().map(m -> m.getString("topic")).toList())
          .containsExactly("calls", "queues", "counters");
      assertThat(f.of("snapshot").get(1).getJsonArray("queues")).isNotEmpty();
      assertThat(seqs(f.of("call"))).isEqualTo(log.subList(4, log.size()));
      assertThat(f.of("call")).allMatch(c -> c.getBoolean("replay"));
    }
    // and the crowd follows the calls made now, each once
    callOne("1");
    long next = callSeqs().get(log.size());
    Eventually.until("every display has the live call", WAIT,
        () -> crowd.stream().filter(f -> !seqs(f.of("call")).contains(next)).count(), left -> left == 0);
    assertThat(crowd).allMatch(f -> seqs(f.of("call")).stream().filter(s -> s == next).count() == 1);
  }

  @Test
  void displaysResumeFromMemoryWhileTheEventLogCannotBeRead() {
    start(GatewayOptions.defaults(), 2);
    for (int i = 0; i < 4; i++) {
      callOne("1");
      callOne("11");
    }
    List<Long> log = callSeqs();
    SqlConnection holder = fixture.pool.getConnection().await();
    try {
      Transaction tx = holder.begin().await();
      // every read of the event log now waits for this transaction, past the command deadline
      holder.query("LOCK TABLE ticket_event IN ACCESS EXCLUSIVE MODE").execute().await();
      List<Follower> zone1 = crowd(50, subscribe(log.get(1), "calls:zone:lantai-1"));
      List<Follower> hall = crowd(50, subscribe(log.get(1), "calls"));
      Eventually.until("every display has its snapshot and replay", WAIT,
          () -> IntStream.range(0, 50).filter(i -> zone1.get(i).of("snapshot").isEmpty()
              || hall.get(i).of("snapshot").isEmpty()).count(), left -> left == 0);
      for (Follower f : zone1) {
        assertThat(f.of("error")).isEmpty();
        JsonObject snapshot = f.of("snapshot").get(0);
        assertThat(snapshot.getLong("seq")).isEqualTo(log.get(log.size() - 1));
        assertThat(snapshot.getJsonArray("calls")).hasSize(4).allMatch(c -> "lantai-1".equals(((JsonObject) c).getString("zone")));
        assertThat(f.of("call")).allMatch(c -> "lantai-1".equals(c.getString("zone")));
        assertThat(seqs(f.of("call"))).containsExactly(log.get(2), log.get(4), log.get(6));
      }
      for (Follower f : hall) {
        assertThat(f.of("error")).isEmpty();
        assertThat(seqs(f.of("call"))).isEqualTo(log.subList(2, log.size()));
      }
      tx.rollback().await();
    } finally {
      holder.close().await();
    }
  }

  @Test
  void aReplayFromMemoryIsTheReplayTheEventLogGives() {
    start(GatewayOptions.defaults(), 4);
    for (int i = 0; i < 3; i++) {
      callOne("1");
      callOne("11");
    }
    // a restart: the new node's gateways start with the log's newest calls, then hear the rest
    fixture.restart();
    officer = fixture.login("petugas-dukcapil");
    for (int i = 0; i < 3; i++) {
      callOne("11");
      callOne("1");
    }
    List<Long> log = callSeqs();
    Eventually.until("the node has heard every call", () -> {
      try (WsClient ws = new WsClient(fixture.port())) {
        ws.subscribe(null, "calls");
        return ws.next("snapshot").getLong("seq");
      }
    }, seq -> seq.equals(log.get(log.size() - 1)));
    DirectGatewayPort eventLog = new DirectGatewayPort(fixture.hall.server.app(), Duration.ofSeconds(10));
    List<Long> sinces = new ArrayList<>(log);
    sinces.add(0, log.get(0) - 1);
    for (long since : sinces) {
      for (String topic : new String[] {"calls", "calls:zone:lantai-1", "calls:zone:lantai-2"}) {
        String zone = topic.startsWith("calls:zone:") ? topic.substring("calls:zone:".length()) : null;
        List<JsonObject> expected = eventLog.calls(since, zone, 100).await().getJsonArray("calls").stream()
            .map(c -> (JsonObject) c).toList();
        try (WsClient ws = new WsClient(fixture.port())) {
          ws.subscribe(since, topic);
          ws.next("snapshot");
          List<JsonObject> replay = ws.untilPong().stream().filter(m -> "call".equals(m.getString("type"))).toList();
          assertThat(replay).allMatch(c -> c.getBoolean("replay"));
          assertThat(replay.stream().map(c -> {
            JsonObject call = c.copy();
            call.remove("replay");
            return call;
          }).toList()).as("since %d on %s", since, topic).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void aDisplayAwayLongerThanTheMemoryHoldsIsReplayedFromTheEventLog() {
    start(GatewayOptions.defaults().withRecentCalls(3), 4);
    for (int i = 0; i < 4; i++) {
      callOne("1");
      callOne("11");
    }
    List<Long> log = callSeqs();
    try (WsClient longAway = new WsClient(fixture.port()); WsClient shortAway = new WsClient(fixture.port())) {
      longAway.subscribe(log.get(0), "calls");
      shortAway.subscribe(log.get(5), "calls");
      assertThat(longAway.next("snapshot").getJsonArray("calls")).hasSize(8);
      assertThat(seqs(longAway.untilPong().stream().filter(m -> "call".equals(m.getString("type"))).toList()))
          .isEqualTo(log.subList(1, log.size()));
      shortAway.next("snapshot");
      assertThat(seqs(shortAway.untilPong().stream().filter(m -> "call".equals(m.getString("type"))).toList()))
          .isEqualTo(log.subList(6, log.size()));
    }
  }
}
