package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.AntreServer;
import id.antre.server.Clustering;
import id.antre.server.ServerConfig;
import id.antre.server.lanes.ClusterLane;
import id.antre.server.liveconfig.LiveHall;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes, one database: a configuration changed through one node is in force on the other at once. */
@ClusterLane
class LiveConfigClusterIT {
  HallFixture fixture;
  Vertx v1;
  Vertx v2;
  AntreServer a;
  AntreServer b;
  Api apiA;
  Api apiB;

  static int freePort() {
    return Ports.free();
  }

  @BeforeEach
  void start() throws Exception {
    fixture = HallFixture.builder().noNode().start();
    String cluster = "antre-it-" + UUID.randomUUID();
    int p1 = freePort();
    int p2 = freePort();
    List<String> members = List.of("127.0.0.1:" + p1, "127.0.0.1:" + p2);
    Future<Vertx> f1 = Clustering.clusteredVertx(cluster, "127.0.0.1", p1, members);
    Future<Vertx> f2 = Clustering.clusteredVertx(cluster, "127.0.0.1", p2, members);
    v1 = f1.await();
    v2 = f2.await();
    ServerConfig config = new ServerConfig(0, fixture.db, Optional.of(TestServer.resourcePath("/halls/small.yaml")), true,
        false, Optional.of(TestServer.PASSWORD), Duration.ofHours(1), 1, "http://127.0.0.1:0", GatewayOptions.defaults());
    a = new AntreServer(v1, config, Clock.systemUTC()).start().await();
    b = new AntreServer(v2, config, Clock.systemUTC()).start().await();
    apiA = new Api(a.port());
    apiB = new Api(b.port());
  }

  @AfterEach
  void stop() {
    for (AntreServer node : new AntreServer[] {a, b}) {
      if (node != null) {
        node.stop().await();
      }
    }
    for (Vertx v : new Vertx[] {v1, v2}) {
      if (v != null) {
        v.close().await();
      }
    }
    fixture.close();
  }

  Api.Response issueOn(Api api, String service) {
    return api.post("/api/v1/tickets", a.demoSecrets().get("kiosk-1"), new JsonObject().put("service", service));
  }

  @Test
  void aChangeThroughNodeAIsInForceOnNodeBAtOnce() {
    String officer = apiB.login("petugas-dukcapil", TestServer.PASSWORD);
    assertThat(apiB.post("/api/v1/counters/2/open", officer, (String) null).status()).isEqualTo(200);
    // node B has planned counter 2 (KK, KTP, AKTA) a moment ago: its view is warm
    assertThat(apiB.post("/api/v1/counters/2/call-next", officer, (String) null).status()).isEqualTo(204);
    assertThat(issueOn(apiB, "KTP").status()).isEqualTo(201);
    assertThat(issueOn(apiB, "KTP").status()).isEqualTo(201);
    String aktaNumber = issueOn(apiB, "AKTA").json().getString("number");

    try (WsClient kioskOnB = new WsClient(b.port())) {
      kioskOnB.subscribe(null, "hall");
      kioskOnB.next("snapshot");

      String admin = apiA.login("admin", TestServer.PASSWORD);
      JsonObject config = apiA.get("/api/v1/config", admin).json();
      JsonObject dukcapil = config.getJsonArray("agencies").getJsonObject(0);
      dukcapil.getJsonArray("services").add(new JsonObject().put("code", "NPWP").put("prefix", "N")
          .put("name", "NPWP").put("dailyQuota", 20));
      config.getJsonArray("counters").getJsonObject(1).put("services", new JsonArray().add("AKTA").add("NPWP"));
      Api.Response put = apiA.send("PUT", "/api/v1/config?version=1", admin, config.encode());
      assertThat(put.status()).as(put.body()).isEqualTo(200);

      JsonObject changed = kioskOnB.next("hall");
      assertThat(changed.getLong("version")).isEqualTo(2L);
      // what a kiosk on node B reads when it hears of the change
      assertThat(apiB.get("/api/v1/hall", null).body()).contains("\"NPWP\"");
      Api.Response npwp = issueOn(apiB, "NPWP");
      assertThat(npwp.status()).as(npwp.body()).isEqualTo(201);
      Api.Response called = apiB.post("/api/v1/counters/2/call-next", officer, (String) null);
      assertThat(called.status()).as(called.body()).isEqualTo(200);
      assertThat(called.json().getString("number")).as("counter 2 now calls AKTA first, not KTP")
          .isEqualTo(aktaNumber);
    }
  }

  @Test
  void aNodeThatMissedTheAnnouncementCatchesUpAtItsNextPoll() {
    String stored = fixture.pool.query("SELECT config FROM hall WHERE id = 1").execute().await().iterator().next()
        .getString(0);
    String changed = stored.replace("Selamat datang di MPP Uji", "Teks tanpa pengumuman");
    // as if a node had committed a change and its announcement was lost on the way
    fixture.pool.preparedQuery("UPDATE hall SET config = $1, version = version + 1 WHERE id = 1")
        .execute(Tuple.of(changed)).await();
    Eventually.until("both nodes on version 2", Duration.ofMillis(LiveHall.POLL_MS * 3),
        () -> a.hall().runningText() + "|" + b.hall().runningText(),
        s -> s.equals("Teks tanpa pengumuman|Teks tanpa pengumuman"));
    assertThat(apiB.get("/api/v1/hall", null).json().getString("runningText")).isEqualTo("Teks tanpa pengumuman");
  }
}
