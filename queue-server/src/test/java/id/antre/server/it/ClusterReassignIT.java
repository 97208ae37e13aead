package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.AntreServer;
import id.antre.server.Clustering;
import id.antre.server.ServerConfig;
import id.antre.server.lanes.ClusterLane;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A supervisor's reassignment made through one node applies to the very next call made through
 * another, although that node planned from its own recent view of the counter: the claim checks
 * the services the plan was made from against the stored ones. It holds whether the nodes hear
 * each other (one cluster) or not (a split hall: two nodes that share only PostgreSQL).
 */
@ClusterLane
class ClusterReassignIT {

  @Test
  void aReassignmentThroughOneNodeAppliesAtOnceToACallThroughTheOther() throws Exception {
    HallFixture fixture = HallFixture.builder().noNode().start();
    String cluster = "antre-it-" + UUID.randomUUID();
    int p1 = ClusterIT.freePort();
    int p2 = ClusterIT.freePort();
    List<String> members = List.of("127.0.0.1:" + p1, "127.0.0.1:" + p2);
    Future<Vertx> f1 = Clustering.clusteredVertx(cluster, "127.0.0.1", p1, members);
    Future<Vertx> f2 = Clustering.clusteredVertx(cluster, "127.0.0.1", p2, members);
    Vertx v1 = f1.await();
    Vertx v2 = f2.await();
    try {
      reassignThroughOneCallThroughTheOther(fixture, v1, v2, "1");
    } finally {
      v1.close().await();
      v2.close().await();
      fixture.close();
    }
  }

  @Test
  void aReassignmentAppliesAtOnceEvenWhenTheNodesDoNotHearEachOther() throws Exception {
    HallFixture fixture = HallFixture.builder().noNode().start();
    Vertx v1 = Vertx.vertx();
    Vertx v2 = Vertx.vertx();
    try {
      reassignThroughOneCallThroughTheOther(fixture, v1, v2, "2");
    } finally {
      v1.close().await();
      v2.close().await();
      fixture.close();
    }
  }

  /**
   * Node B opens the counter (and so holds a fresh view of it, planning from KTP first); a KTP
   * visitor waits longer than an AKTA one; node A moves the counter to AKTA alone; B's call-next,
   * well inside its plan cache, calls the AKTA visitor. Back to the configured services through A,
   * B's next call is the KTP visitor.
   */
  private static void reassignThroughOneCallThroughTheOther(HallFixture fixture, Vertx va, Vertx vb, String counter)
      throws Exception {
    ServerConfig config = new ServerConfig(0, fixture.db, Optional.of(TestServer.resourcePath("/halls/small.yaml")),
        true, false, Optional.of(TestServer.PASSWORD), Duration.ofHours(1), 1, "http://127.0.0.1:0",
        GatewayOptions.defaults());
    AntreServer a = new AntreServer(va, config, Clock.systemUTC()).start().await();
    AntreServer b = new AntreServer(vb, config, Clock.systemUTC()).start().await();
    try {
      Api apiA = new Api(a.port());
      Api apiB = new Api(b.port());
      String supervisor = apiA.login("koordinator-dukcapil", TestServer.PASSWORD);
      String officer = apiB.login("petugas-dukcapil", TestServer.PASSWORD);
      String kiosk = a.demoSecrets().get("kiosk-1");
      String ktp = issue(apiA, kiosk, "KTP");
      String akta = issue(apiA, kiosk, "AKTA");

      long viewAt = System.nanoTime();
      assertThat(apiB.post("/api/v1/counters/" + counter + "/open", officer, (String) null).status()).isEqualTo(200);
      Api.Response moved = apiA.post("/api/v1/counters/" + counter + "/services", supervisor,
          new JsonObject().put("services", new JsonArray().add("AKTA")));
      assertThat(moved.status()).as("reassign: %s", moved.body()).isEqualTo(200);
      Api.Response called = apiB.post("/api/v1/counters/" + counter + "/call-next", officer, (String) null);
      long sinceView = (System.nanoTime() - viewAt) / 1_000_000;

      assertThat(called.status()).as("call-next: %s", called.body()).isEqualTo(200);
      assertThat(called.json().getString("number")).as("only the new service is called, %d ms after node B read "
          + "the counter", sinceView).isEqualTo(akta);

      assertThat(apiB.post("/api/v1/counters/" + counter + "/start", officer, (String) null).status()).isEqualTo(200);
      assertThat(apiB.post("/api/v1/counters/" + counter + "/finish", officer, (String) null).status()).isEqualTo(200);
      assertThat(apiA.post("/api/v1/counters/" + counter + "/services", supervisor,
          new JsonObject().put("services", new JsonArray())).status()).isEqualTo(200);
      Api.Response next = apiB.post("/api/v1/counters/" + counter + "/call-next", officer, (String) null);
      assertThat(next.status()).as("call-next: %s", next.body()).isEqualTo(200);
      assertThat(next.json().getString("number")).as("the configured services again").isEqualTo(ktp);
    } finally {
      a.stop().await();
      b.stop().await();
    }
  }

  private static String issue(Api api, String kiosk, String service) {
    Api.Response r = api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", service));
    assertThat(r.status()).as("issue %s: %s", service, r.body()).isEqualTo(201);
    return r.json().getString("number");
  }
}
