package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.AntreServer;
import id.antre.server.Clustering;
import id.antre.server.ServerConfig;
import id.antre.server.lanes.ClusterLane;
import id.antre.server.persistence.DbConfig;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two nodes clustered over Hazelcast on loopback, one database: a call on one reaches the other's clients. */
@ClusterLane
class ClusterIT {

  static int freePort() {
    return Ports.free();
  }

  @Test
  void aCallMadeOnNodeOneReachesADisplayConnectedToNodeTwo() throws Exception {
    HallFixture fixture = HallFixture.builder().noNode().start();
    DbConfig db = fixture.db;
    String cluster = "antre-it-" + UUID.randomUUID();
    int p1 = freePort();
    int p2 = freePort();
    List<String> members = List.of("127.0.0.1:" + p1, "127.0.0.1:" + p2);
    Vertx v1 = null;
    Vertx v2 = null;
    try {
      Future<Vertx> f1 = Clustering.clusteredVertx(cluster, "127.0.0.1", p1, members);
      Future<Vertx> f2 = Clustering.clusteredVertx(cluster, "127.0.0.1", p2, members);
      v1 = f1.await();
      v2 = f2.await();
      ServerConfig config = new ServerConfig(0, db, Optional.of(TestServer.resourcePath("/halls/small.yaml")), true,
          false, Optional.of(TestServer.PASSWORD), Duration.ofHours(1), 1, "http://127.0.0.1:0", GatewayOptions.defaults());
      AntreServer node1 = new AntreServer(v1, config, Clock.systemUTC()).start().await();
      AntreServer node2 = new AntreServer(v2, config, Clock.systemUTC()).start().await();
      Api api1 = new Api(node1.port());
      String officer = api1.login("petugas-dukcapil", TestServer.PASSWORD);
      api1.post("/api/v1/counters/2/open", officer, (String) null);
      api1.post("/api/v1/tickets", node1.demoSecrets().get("kiosk-1"), new JsonObject().put("service", "KK"));

      try (WsClient display = new WsClient(node2.port())) {
        display.subscribe(null, "calls:zone:lantai-1");
        display.next("snapshot");
        String number = api1.post("/api/v1/counters/2/call-next", officer, (String) null).json().getString("number");
        JsonObject call = display.next("call");
        assertThat(call.getString("number")).isEqualTo(number);
        assertThat(call.getString("counter")).isEqualTo("2");
      }
      JsonObject health = api1.get("/health", null).json();
      assertThat(health.getJsonObject("cluster").getInteger("members")).as("members seen by node 1").isEqualTo(2);
      node1.stop().await();
      node2.stop().await();
    } finally {
      if (v1 != null) {
        v1.close().await();
      }
      if (v2 != null) {
        v2.close().await();
      }
      fixture.close();
    }
  }
}
