package id.antre.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.ServerConfig;
import id.antre.server.it.Api;
import id.antre.server.it.Eventually;
import id.antre.server.it.HallFixture;
import id.antre.server.it.TestDb;
import id.antre.server.it.TestServer;
import id.antre.server.lanes.FaultLane;
import id.antre.server.persistence.DbConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The server as its own process, killed with SIGKILL in the middle of a busy day and started
 * again: every acknowledged ticket and transition is still there and numbering continues.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@FaultLane
class DurabilityIT {
  /** The database only: the node runs as a separate process, so that it can be killed. */
  HallFixture fixture;
  DbConfig db;
  Pool pool;
  ServerProcess server;

  @BeforeAll
  void setUp() {
    fixture = HallFixture.builder().noNode().start();
    db = fixture.db;
    pool = fixture.pool;
  }

  @AfterAll
  void tearDown() {
    if (server != null) {
      server.process.destroyForcibly();
    }
    fixture.close();
  }

  /** The node as a process of its own, on the small test hall, remembered for the teardown. */
  ServerProcess startProcess(int port) throws Exception {
    server = ServerProcess.start(db, port, TestServer.PASSWORD, TestServer.resourcePath("/halls/small.yaml"),
        ServerConfig.DEFAULT_COMMAND_DEADLINE.toMillis());
    return server;
  }

  @Test
  void aKilledServerLosesNothingItAcknowledgedAndNumberingContinues() throws Exception {
    int port = ServerProcess.freePort();
    ServerProcess first = startProcess(port);
    Api api = new Api(port);
    String officer = api.login("petugas-dukcapil", TestServer.PASSWORD);
    api.post("/api/v1/counters/1/open", officer, (String) null);

    // acknowledged transitions before the crash
    for (int i = 0; i < 5; i++) {
      api.post("/api/v1/tickets", first.kioskToken, new JsonObject().put("service", "KK"));
    }
    JsonObject called = api.post("/api/v1/counters/1/call-next", officer, (String) null).json();
    JsonObject serving = api.post("/api/v1/counters/1/start", officer, (String) null).json();
    assertThat(serving.getString("status")).isEqualTo("SERVING");

    // kiosks keep issuing while the process is killed
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread kiosk = new Thread(() -> {
      Api k = new Api(port);
      while (!stop.get()) {
        try {
          Api.Response r = k.post("/api/v1/tickets", first.kioskToken, new JsonObject().put("service", "KTP"));
          if (r.status() == 201) {
            acknowledged.put(r.json().getLong("id"), r.json().getString("number"));
          }
        } catch (RuntimeException e) {
          return; // connection refused or reset: the server is gone
        }
      }
    });
    kiosk.start();
    Eventually.until("a burst under way", () -> acknowledged.size() >= 50);
    first.kill();
    stop.set(true);
    kiosk.join(30_000);
    assertThat(acknowledged).isNotEmpty();

    ServerProcess second = startProcess(port);
    Map<Long, String> stored = new HashMap<>();
    for (Row r : pool.query("SELECT id, prefix, number FROM ticket WHERE service = 'KTP'").execute().await()) {
      stored.put(r.getLong(0), r.getString(1) + String.format("%03d", r.getInteger(2)));
    }
    assertThat(stored).containsAllEntriesOf(acknowledged);
    for (Long id : acknowledged.keySet()) {
      assertThat(TestDb.count(pool, "SELECT count(*) FROM ticket_event WHERE type = 'ISSUE' AND ticket_id = " + id)
          .await()).isEqualTo(1);
    }

    // the serving ticket is still serving at counter 1
    String officer2 = api.login("petugas-dukcapil", TestServer.PASSWORD);
    JsonObject counter = api.get("/api/v1/counters/1", officer2).json();
    assertThat(counter.getString("state")).isEqualTo("OPEN");
    assertThat(counter.getJsonObject("current").getLong("id")).isEqualTo(called.getLong("id"));
    assertThat(counter.getJsonObject("current").getString("status")).isEqualTo("SERVING");

    // numbering continues after the highest number ever given
    int highest = TestDb.count(pool, "SELECT max(number) FROM ticket WHERE service = 'KTP'").await().intValue();
    JsonObject next = api.post("/api/v1/tickets", second.kioskToken, new JsonObject().put("service", "KTP")).json();
    assertThat(next.getString("number")).isEqualTo(String.format("A%03d", highest + 1));
    List<String> types = pool.query("SELECT type FROM ticket_event WHERE ticket_id = " + called.getLong("id")
        + " ORDER BY id").execute().await().stream().map(r -> r.getString(0)).toList();
    assertThat(types).containsExactly("ISSUE", "CALL", "START");
  }
}
