package id.antre.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.auth.Tokens;
import id.antre.server.it.Api;
import id.antre.server.it.Eventually;
import id.antre.server.it.HallFixture;
import id.antre.server.it.TestServer;
import id.antre.server.lanes.ClusterLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A node stopped (SIGSTOP) long enough for the other to drop it, then woken: the two run as
 * separate clusters until Hazelcast merges them. Every call committed meanwhile, on either half,
 * reaches every display of both nodes exactly once (the gateways fill from the event log what the
 * bus did not bring); a counter terminal on the stopped node sees its counter's call made on the
 * other half meanwhile, leaves the other terminal's presence and comes back; the woken node does
 * not close its clients for its own pause; and a call-next its client gave up on while the node
 * stood still does not run when it wakes.
 */
@ClusterLane
class ClusterSplitIT {
  static final Duration STOPPED = Duration.ofSeconds(10);

  @Test
  void callsOfBothHalvesReachEveryDisplayOnceAndTheWokenNodeKeepsItsClients() throws Exception {
    try (HallFixture db = HallFixture.builder().noNode().start();
         TwoNodes cluster = TwoNodes.start(db.db, 2, TestServer.PASSWORD,
             Map.of("ANTRE_WS_HEARTBEAT_SECONDS", "1", "ANTRE_WS_IDLE_SECONDS", "4"))) {
      ServerProcess a = cluster.node(0);
      ServerProcess b = cluster.node(1);
      Api apiA = new Api(a.port);
      Api apiB = new Api(b.port);
      String officer = apiB.login("petugas-dukcapil", TestServer.PASSWORD);
      for (String c : List.of("1", "2", "3", "4", "5", "6", "7", "8")) {
        assertThat(apiB.post("/api/v1/counters/" + c + "/open", officer, (String) null).status()).isEqualTo(200);
      }
      Client displayA = Client.open(a.port, subscribe(null, null, "calls"));
      Client displayB = Client.open(b.port, subscribe(null, null, "calls"));
      Client tabB = Client.open(b.port, subscribe(officer, "tab-b", "counter:7"));
      Client tabA = Client.open(a.port, subscribe(officer, "tab-a", "counter:7"));
      tabB.await("tab-a joins tab-b's counter", presence("tab-a", "join"), Duration.ofSeconds(10));

      call(apiA, officer, "1");
      a.signal("STOP");
      long stoppedAt = System.nanoTime();
      issue(apiB);
      // a call-next sent to the stopped node: its client gives up; it must not run when the node wakes
      CompletableFuture<HttpResponse<String>> stale = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + a.port + "/api/v1/counters/2/call-next"))
          .header("Authorization", "Bearer " + officer).timeout(Duration.ofSeconds(2))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      Eventually.until("the other node drops the stopped one", Duration.ofSeconds(20),
          () -> new JsonObject(apiB.get("/health", null).body()).getJsonObject("cluster").getInteger("members"),
          n -> n == 1);
      tabB.await("tab-a, on the stopped node, leaves tab-b's counter", presence("tab-a", "leave"),
          Duration.ofSeconds(10));
      call(apiB, officer, "3");
      String calledOnB = call(apiB, officer, "7");
      long left = STOPPED.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000;
      if (left > 0) {
        Thread.sleep(left);
      }
      assertThat(stale).as("the stopped node's client gave up").isCompletedExceptionally();
      a.signal("CONT");

      // the woken node refuses commands for a moment, then both halves call on their own
      Thread.sleep(1_500);
      assertThat(displayA.closed).as("the woken node kept its display").isNotDone();
      Eventually.until("the woken node takes commands again", Duration.ofSeconds(15),
          () -> tryCall(apiA, officer, "5"), s -> s == 200);
      call(apiB, officer, "6");
      call(apiA, officer, "4");
      tabA.await("the other half's call at its counter, from a snapshot sent again after the split",
          m -> "counter:7".equals(m.getString("topic")) && m.encode().contains("\"" + calledOnB + "\""),
          Duration.ofSeconds(15));

      List<Long> committed = committedCalls(db);
      assertThat(committed).as("six calls, the stale call-next not among them").hasSize(6);
      for (Client display : List.of(displayA, displayB)) {
        Eventually.until("every committed call on the display of port " + display.port, Duration.ofSeconds(15),
            () -> display.callSeqs().containsAll(committed), Boolean.TRUE::equals);
      }
      // the halves merge; what still arrives over the bus must not repeat a call
      Eventually.until("the halves merge again", Duration.ofSeconds(60),
          () -> new JsonObject(apiA.get("/health", null).body()).getJsonObject("cluster").getInteger("members"),
          n -> n == 2);
      call(apiA, officer, "8");
      List<Long> all = committedCalls(db);
      for (Client display : List.of(displayA, displayB)) {
        Eventually.until("the call after the merge on port " + display.port, Duration.ofSeconds(10),
            () -> display.callSeqs().containsAll(all), Boolean.TRUE::equals);
        Thread.sleep(1_500);
        assertThat(display.callSeqs()).as("each call once on port %d", display.port)
            .containsExactlyInAnyOrderElementsOf(all);
      }
      assertThat(db.pool.query("SELECT ticket_id FROM ticket_event WHERE type = 'CALL' GROUP BY ticket_id "
          + "HAVING count(*) > 1").execute().await().size()).as("no ticket called twice").isZero();
      assertThat(db.pool.query("SELECT 1 FROM ticket_event WHERE type = 'CALL' AND counter_id = '2'")
          .execute().await().size()).as("the call-next sent while the node stood still did not run").isZero();

      int leftAt = tabB.indexOf(presence("tab-a", "leave"));
      Eventually.until("tab-a is back on tab-b's counter once the halves merge", Duration.ofSeconds(10),
          () -> tabB.got.subList(leftAt + 1, tabB.got.size()).stream().anyMatch(presence("tab-a", "here")),
          Boolean.TRUE::equals);
      assertThat(displayA.closed).as("the woken node kept its display").isNotDone();
      assertThat(tabA.closed).as("the woken node kept its counter terminal").isNotDone();
      assertThat(said(a, "stood still")).isTrue();
      // The other half's calls reached the woken node's display once each (above), but not always
      // by the event-log re-read: in 2 of 3 fresh clones on 2026-12-01 the node never logged that
      // path, probably because the other node still sent to it over the bus while it stood still
      // (before dropping its subscriptions, the messages then wait in its socket); not established.
      // Which path it was is printed, not asserted.
      System.out.println("ClusterSplitIT: the woken node's missed calls came from "
          + (said(a, "delivered from the event log") ? "the event log" : "the bus"));
    }
  }

  static boolean said(ServerProcess p, String text) {
    synchronized (p.output) {
      return p.output.stream().anyMatch(l -> l.contains(text));
    }
  }

  static JsonObject subscribe(String token, String terminal, String topic) {
    return new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add(topic))
        .put("token", token).put("terminal", terminal);
  }

  static Predicate<JsonObject> presence(String terminal, String action) {
    return m -> "presence".equals(m.getString("type")) && terminal.equals(m.getString("terminal"))
        && action.equals(m.getString("action"));
  }

  static void issue(Api api) {
    Api.Response r = api.post("/api/v1/tickets", Tokens.derivedDeviceToken(TestServer.PASSWORD, "kiosk-1"),
        new JsonObject().put("service", "KTP"));
    assertThat(r.status()).as("issue: %s", r.body()).isEqualTo(201);
  }

  /** Issues a ticket and calls the next one at the counter; returns the called ticket's number. */
  static String call(Api api, String officer, String counter) {
    issue(api);
    Api.Response r = api.post("/api/v1/counters/" + counter + "/call-next", officer, (String) null);
    assertThat(r.status()).as("call-next at %s: %s", counter, r.body()).isEqualTo(200);
    return r.json().getString("number");
  }

  static int tryCall(Api api, String officer, String counter) {
    api.post("/api/v1/tickets", Tokens.derivedDeviceToken(TestServer.PASSWORD, "kiosk-1"),
        new JsonObject().put("service", "KTP"));
    return api.post("/api/v1/counters/" + counter + "/call-next", officer, (String) null).status();
  }

  static List<Long> committedCalls(HallFixture db) {
    List<Long> out = new ArrayList<>();
    for (Row r : db.pool.query("SELECT id FROM ticket_event WHERE type IN ('CALL', 'RECALL') AND to_status = 'CALLED' "
        + "ORDER BY id").execute().await()) {
      out.add(r.getLong(0));
    }
    return out;
  }

  /** A WebSocket client that keeps every message it got, and how it closed. */
  static final class Client implements WebSocket.Listener {
    final int port;
    final List<JsonObject> got = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    private Client(int port) {
      this.port = port;
    }

    static Client open(int port, JsonObject subscribe) {
      Client c = new Client(port);
      WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), c).join();
      ws.sendText(subscribe.encode(), true).join();
      c.await("a snapshot", m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(10));
      return c;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        got.add(new JsonObject(partial.toString()));
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      closed.complete(code + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete("error " + error);
    }

    void await(String what, Predicate<JsonObject> match, Duration patience) {
      try {
        Eventually.until(what, patience, () -> got.stream().anyMatch(match), Boolean.TRUE::equals);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "; got " + got.stream()
            .filter(m -> !"heartbeat".equals(m.getString("type"))).toList(), e);
      }
    }

    int indexOf(Predicate<JsonObject> match) {
      for (int i = 0; i < got.size(); i++) {
        if (match.test(got.get(i))) {
          return i;
        }
      }
      return -1;
    }

    /** The seq of every call message, repeats included. */
    List<Long> callSeqs() {
      return got.stream().filter(m -> "call".equals(m.getString("type"))).map(m -> m.getLong("seq")).toList();
    }
  }
}
