package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.FaultLane;
import id.antre.server.persistence.DbConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
  Process server;

  @BeforeAll
  void setUp() {
    fixture = HallFixture.builder().noNode().start();
    db = fixture.db;
    pool = fixture.pool;
  }

  @AfterAll
  void tearDown() {
    if (server != null) {
      server.destroyForcibly();
    }
    fixture.close();
  }

  /** A started server process and the kiosk token it printed. */
  record Node(Process process, int port, String kioskToken) {
  }

  Node startProcess(int port) throws Exception {
    String cp = "target/classes" + File.pathSeparator + Files.readString(Path.of("target/classpath.txt")).trim();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", cp, "id.antre.server.Main").redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("ANTRE_PORT", Integer.toString(port));
    env.put("ANTRE_DB_NAME", db.database());
    env.put("ANTRE_DB_HOST", db.host());
    env.put("ANTRE_DB_PORT", Integer.toString(db.port()));
    env.put("ANTRE_DB_USER", db.user());
    env.put("ANTRE_DB_PASSWORD", db.password());
    env.put("ANTRE_DEMO", "1");
    env.put("ANTRE_DEMO_PASSWORD", TestServer.PASSWORD);
    env.put("ANTRE_HALL_FILE", TestServer.resourcePath("/halls/small.yaml"));
    // one test kiosk stands for a busy hall's burst: far past one kiosk's issue limit
    env.put("ANTRE_ISSUE_PER_MINUTE", "1000000");
    env.put("ANTRE_ISSUE_BURST", "100000");
    server = pb.start();
    BlockingQueue<String> token = new LinkedBlockingQueue<>();
    Process p = server;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.contains("kiosk device token:")) {
            token.add(line.substring(line.indexOf(':') + 1).trim());
          }
        }
      } catch (java.io.IOException e) {
        // the process was killed
      }
    });
    reader.setDaemon(true);
    reader.start();
    String kiosk = token.poll(90, TimeUnit.SECONDS);
    assertThat(kiosk).as("server process started").isNotNull();
    return new Node(server, port, kiosk);
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aKilledServerLosesNothingItAcknowledgedAndNumberingContinues() throws Exception {
    int port = freePort();
    Node first = startProcess(port);
    Api api = new Api(port);
    String officer = api.login("petugas-dukcapil", TestServer.PASSWORD);
    api.post("/api/v1/counters/1/open", officer, (String) null);

    // acknowledged transitions before the crash
    for (int i = 0; i < 5; i++) {
      api.post("/api/v1/tickets", first.kioskToken(), new JsonObject().put("service", "KK"));
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
          Api.Response r = k.post("/api/v1/tickets", first.kioskToken(), new JsonObject().put("service", "KTP"));
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
    first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    stop.set(true);
    kiosk.join(30_000);
    assertThat(acknowledged).isNotEmpty();

    Node second = startProcess(port);
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
    JsonObject next = api.post("/api/v1/tickets", second.kioskToken(), new JsonObject().put("service", "KTP")).json();
    assertThat(next.getString("number")).isEqualTo(String.format("A%03d", highest + 1));
    List<String> types = pool.query("SELECT type FROM ticket_event WHERE ticket_id = " + called.getLong("id")
        + " ORDER BY id").execute().await().stream().map(r -> r.getString(0)).toList();
    assertThat(types).containsExactly("ISSUE", "CALL", "START");
  }
}
