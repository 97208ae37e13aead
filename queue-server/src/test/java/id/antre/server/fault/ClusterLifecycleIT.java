package id.antre.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.printer.agent.AgentConfig;
import id.antre.printer.agent.PrintAgent;
import id.antre.printer.agent.PrinterTarget;
import id.antre.server.it.Api;
import id.antre.server.it.Eventually;
import id.antre.server.it.HallFixture;
import id.antre.server.lanes.ClusterLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two nodes started at once on an empty database, in demo mode without ANTRE_DEMO_PASSWORD: one
 * runs the first-start path and prints the credentials, the other says where they are; a revoked
 * device is refused on the other node at once; a print agent whose node is killed is not reported
 * ONLINE by the survivor, and a counter terminal on it leaves the survivor's terminals of that
 * counter as soon as the survivor drops the member; the survivor logs the leave once, without a
 * storm of stack traces, and says in /health what it sees; SIGTERM closes WebSockets with 1001,
 * leaves the cluster and exits.
 */
@ClusterLane
class ClusterLifecycleIT {

  @Test
  void startTogetherAgreeOnOneSetOfCredentialsAndStopOrDieVisibly() throws Exception {
    Path printed = Files.createTempFile("antre-lifecycle-", ".bin");
    try (HallFixture db = HallFixture.builder().noNode().start();
         TwoNodes cluster = TwoNodes.start(db.db, 2, null, Map.of())) {
      ServerProcess doomed = cluster.node(0);
      ServerProcess survivor = cluster.node(1);
      ServerProcess stopping = survivor;
      Api api = new Api(survivor.port);

      // one node created the hall and the demo credentials; the others read them and say so
      List<ServerProcess> creators = cluster.nodes.stream().filter(n -> !n.kioskToken.isEmpty()).toList();
      assertThat(creators).as("exactly one node prints a password and tokens").hasSize(1);
      assertThat(cluster.nodes.stream().filter(n -> said(n, "hall configuration loaded into the database"))).hasSize(1);
      assertThat(cluster.nodes.stream().filter(n -> said(n, "printed by the node that first started"))).hasSize(1);
      ServerProcess creator = creators.get(0);
      String password = line(creator, "  password: ").substring("  password: ".length()).split(" ")[0];
      String agentToken = line(creator, "print agent token:").split(":")[1].trim().split(" ")[0];
      for (ServerProcess n : cluster.nodes) {
        Api on = new Api(n.port);
        assertThat(on.post("/api/v1/auth/login", null, new JsonObject().put("username", "admin")
            .put("password", password)).status()).as("the printed password on node %d", n.port).isEqualTo(200);
        assertThat(on.post("/api/v1/tickets", creator.kioskToken, new JsonObject().put("service", "KTP")).status())
            .as("the printed kiosk token on node %d", n.port).isEqualTo(201);
      }
      JsonObject health = new JsonObject(api.get("/health", null).body());
      assertThat(health.getJsonObject("cluster").getMap()).containsEntry("members", 2).containsEntry("expected", 2)
          .containsEntry("complete", true);

      // a device revoked through one node is refused by another within a second or two
      String admin = api.login("admin", password);
      new Api(doomed.port).post("/api/v1/tickets", creator.kioskToken, new JsonObject().put("service", "KTP"));
      assertThat(new Api(doomed.port).send("DELETE", "/api/v1/devices/kiosk-1", admin, null).status()).isEqualTo(204);
      long revokedAt = System.nanoTime();
      Eventually.until("the survivor refuses the revoked kiosk", Duration.ofSeconds(3),
          () -> api.post("/api/v1/tickets", creator.kioskToken, new JsonObject().put("service", "KTP")).status(),
          s -> s == 401);
      assertThat((System.nanoTime() - revokedAt) / 1_000_000).isLessThan(2_500);

      // a print agent on the node that dies: the survivor does not go on saying ONLINE
      PrintAgent agent = PrintAgent.start(AgentConfig.of("http://127.0.0.1:" + doomed.port, agentToken, "kiosk-1",
          new PrinterTarget.File(printed)));
      try {
        Eventually.until("the survivor sees the agent ONLINE", () -> printer(api, admin), s -> s.equals("ONLINE"));
        // a counter open on two terminals, one on each node: the survivor's sees the other's banner
        ClusterSplitIT.Client tabSurvivor = ClusterSplitIT.Client.open(survivor.port,
            ClusterSplitIT.subscribe(admin, "tab-survivor", "counter:7"));
        ClusterSplitIT.Client.open(doomed.port, ClusterSplitIT.subscribe(admin, "tab-doomed", "counter:7"));
        tabSurvivor.await("the dead node's terminal joins", ClusterSplitIT.presence("tab-doomed", "join"),
            Duration.ofSeconds(10));
        int stackBefore = survivor.stackLines.get();
        doomed.kill();
        long killedAt = System.nanoTime();
        // the banner clears when the survivor drops the member, not three heartbeats (45 s) later
        tabSurvivor.await("the dead node's terminal leaves", ClusterSplitIT.presence("tab-doomed", "leave"),
            Duration.ofSeconds(15));
        System.out.println("presence of the dead node's terminal cleared "
            + (System.nanoTime() - killedAt) / 1_000_000 + " ms after the kill");
        Eventually.until("the survivor reads the agent of a dead node as offline", Duration.ofSeconds(20),
            () -> printer(api, admin), s -> s.equals("AGENT_OFFLINE"));
        Eventually.until("the survivor logs the death once", () -> count(survivor, "left; 1 of 2 expected members") == 1);
        assertThat(survivor.stackLines.get() - stackBefore).as("stack trace lines after a peer's kill -9")
            .isLessThanOrEqualTo(5);
      } finally {
        agent.stop();
      }
      JsonObject split = new JsonObject(api.get("/health", null).body());
      assertThat(api.get("/health", null).status()).as("a node short of members stays in the proxy").isEqualTo(200);
      assertThat(split.getJsonObject("cluster").getMap()).containsEntry("members", 1).containsEntry("complete", false);
      assertThat(api.get("/health/ready", null).status()).isEqualTo(200);

      // SIGTERM of the last node: sockets closed with 1001, it leaves the cluster and exits
      java.util.concurrent.CompletableFuture<String> closed = new java.util.concurrent.CompletableFuture<>();
      java.util.concurrent.CompletableFuture<Void> snapshot = new java.util.concurrent.CompletableFuture<>();
      java.net.http.WebSocket display = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(java.net.URI.create("ws://127.0.0.1:" + stopping.port + "/ws"), new java.net.http.WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
              if (data.toString().contains("\"snapshot\"")) {
                snapshot.complete(null);
              }
              ws.request(1);
              return null;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
              closed.complete(code + " " + reason);
              return null;
            }
          }).join();
      display.sendText(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("calls:zone:lantai-1"))
          .encode(), true).join();
      snapshot.get(10, TimeUnit.SECONDS);
      stopping.signal("TERM");
      assertThat(closed.get(15, TimeUnit.SECONDS)).as("close code and reason").isEqualTo("1001 server stopping: reconnect");
      assertThat(stopping.process.waitFor(30, TimeUnit.SECONDS)).as("the node exits after SIGTERM").isTrue();
      assertThat(said(stopping, "stopped and left the cluster")).isTrue();
    } finally {
      Files.deleteIfExists(printed);
    }
  }

  static String printer(Api api, String token) {
    JsonArray rows = api.get("/api/v1/printers", token).json().getJsonArray("printers");
    for (int i = 0; i < rows.size(); i++) {
      if ("kiosk-1".equals(rows.getJsonObject(i).getString("kiosk"))) {
        return rows.getJsonObject(i).getString("status");
      }
    }
    return "";
  }

  static boolean said(ServerProcess n, String text) {
    return count(n, text) > 0;
  }

  static long count(ServerProcess n, String text) {
    synchronized (n.output) {
      return n.output.stream().filter(l -> l.contains(text)).count();
    }
  }

  static String line(ServerProcess n, String start) {
    synchronized (n.output) {
      return n.output.stream().filter(l -> l.contains(start)).findFirst().orElseThrow(() ->
          new AssertionError("no line with '" + start + "' in the output of the node on " + n.port));
    }
  }
}
