package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A counter's WebSocket topic belongs to its agency: a refused subscription does not exist at all. */
@CoreLane
class CounterTopicAccessIT {
  static final Duration WAIT = Duration.ofSeconds(20);

  HallFixture f;
  WsClient own;
  WsClient ownSecond;
  WsClient other;

  @BeforeEach
  void start() {
    f = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
  }

  @AfterEach
  void stop() {
    for (WsClient c : new WsClient[] {own, ownSecond, other}) {
      if (c != null) {
        c.close();
      }
    }
    f.close();
  }

  static JsonObject subscribe(String token, String terminal, String... topics) {
    return new JsonObject().put("type", "subscribe").put("topics", new JsonArray(List.of(topics)))
        .put("token", token).put("terminal", terminal);
  }

  @Test
  void anOfficerOfAnotherAgencyGetsNoSnapshotNoEventsAndCannotFakePresenceOnTheCounter() {
    String dukcapil = f.hall.login("petugas-dukcapil");
    String supervisor = f.hall.login("koordinator-dukcapil");
    String polres = f.hall.login("petugas-polres");

    own = new WsClient(f.hall.server.port());
    own.send(subscribe(dukcapil, "terminal-a", "counter:1"));
    own.next(m -> "snapshot".equals(m.getString("type")), WAIT);

    other = new WsClient(f.hall.server.port());
    // subscribed to something it may follow, so it stays connected while the test watches it
    other.subscribe(null, "hall");
    other.next("snapshot");
    other.send(subscribe(polres, "terminal-b", "counter:1"));
    JsonObject refused = other.next(m -> "error".equals(m.getString("type")), WAIT);
    assertThat(refused.getString("code")).isEqualTo("FORBIDDEN");

    // the refused terminal tries to announce itself on the counter
    other.send(new JsonObject().put("type", "here"));
    other.untilPong();

    ownSecond = new WsClient(f.hall.server.port());
    ownSecond.send(subscribe(supervisor, "terminal-c", "counter:1"));
    ownSecond.next(m -> "snapshot".equals(m.getString("type")), WAIT);
    ownSecond.send(new JsonObject().put("type", "here"));

    // the agency's own terminal hears terminal-c; nothing from terminal-b came before it
    List<JsonObject> beforeC = new ArrayList<>();
    own.next(m -> {
      beforeC.add(m);
      return "presence".equals(m.getString("type")) && "terminal-c".equals(m.getString("terminal"));
    }, WAIT);
    assertThat(beforeC).noneMatch(m -> "terminal-b".equals(m.getString("terminal")));

    // live counter events of the agency reach its terminal, and not the refused one
    f.hall.api.post("/api/v1/counters/1/open", dukcapil, (String) null);
    f.hall.api.post("/api/v1/tickets", f.hall.kioskToken(), new JsonObject().put("service", "KTP"));
    assertThat(f.hall.api.post("/api/v1/counters/1/call-next", dukcapil, (String) null).status()).isEqualTo(200);
    own.next(m -> "counter".equals(m.getString("type"))
        && m.getJsonObject("counter").getJsonObject("current") != null, WAIT);

    List<JsonObject> leaked = other.untilPong();
    assertThat(leaked).extracting(m -> m.getString("type")).isSubsetOf("pong", "heartbeat");
  }

  @Test
  void aSubscriptionWithOneForbiddenCounterRegistersNoneOfItsTopics() {
    String polres = f.hall.login("petugas-polres");
    other = new WsClient(f.hall.server.port());
    other.send(subscribe(polres, "terminal-b", "counter:P1", "counter:1", "queues"));
    List<JsonObject> seen = new ArrayList<>();
    other.next(m -> {
      seen.add(m);
      return "error".equals(m.getString("type"));
    }, WAIT);
    assertThat(seen.get(seen.size() - 1).getString("code")).isEqualTo("FORBIDDEN");
    seen.addAll(other.untilPong());
    assertThat(seen).noneMatch(m -> "snapshot".equals(m.getString("type")));
  }

  @Test
  void anUnknownCounterIsRefusedByName() {
    String manager = f.hall.login("manager");
    other = new WsClient(f.hall.server.port());
    other.send(subscribe(manager, "terminal-m", "counter:99"));
    assertThat(other.next(m -> "error".equals(m.getString("type")), WAIT).getString("code"))
        .isEqualTo("UNKNOWN_COUNTER");
  }
}
