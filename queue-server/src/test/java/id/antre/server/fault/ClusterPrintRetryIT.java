package id.antre.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.printer.agent.AgentConfig;
import id.antre.printer.agent.PrintAgent;
import id.antre.printer.agent.PrinterTarget;
import id.antre.server.auth.Tokens;
import id.antre.server.it.Api;
import id.antre.server.it.Eventually;
import id.antre.server.it.HallFixture;
import id.antre.server.it.TestServer;
import id.antre.server.lanes.ClusterLane;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The print retry is a timer of the node holding the agent's socket (docs/architecture.md, "Jobs
 * once per cluster"): a job whose print failed waits there 3 s to be sent again. When that node
 * dies inside those 3 s, the job is not lost: the agent moves to the survivor, which sends it the
 * kiosk's open jobs, and the ticket is printed.
 */
@ClusterLane
class ClusterPrintRetryIT {

  @Test
  void aJobWaitingForItsRetryOnANodeThatDiesIsPrintedThroughTheSurvivor() throws Exception {
    Path dir = Files.createTempDirectory("antre-print-retry-");
    // the printer is missing until the node dies: the agent cannot open it and reports a failure
    Path printed = dir.resolve("printer").resolve("tickets.bin");
    try (HallFixture db = HallFixture.builder().noNode().start();
         TwoNodes cluster = TwoNodes.start(db.db, 2, TestServer.PASSWORD, Map.of())) {
      ServerProcess doomed = cluster.node(0);
      ServerProcess survivor = cluster.node(1);
      PrintAgent agent = PrintAgent.start(AgentConfig.of("http://127.0.0.1:" + doomed.port + ",http://127.0.0.1:"
          + survivor.port, Tokens.derivedDeviceToken(TestServer.PASSWORD, "printer-1"), "kiosk-1",
          new PrinterTarget.File(printed)));
      try {
        Eventually.until("the agent is connected to the first node", agent::connected);
        Api.Response issued = new Api(doomed.port).post("/api/v1/tickets", doomed.kioskToken,
            new JsonObject().put("service", "KTP"));
        assertThat(issued.status()).as("issue: %s", issued.body()).isEqualTo(201);
        String number = issued.json().getString("number");

        Eventually.until("the failed print waits for its retry on the first node", Duration.ofSeconds(10),
            () -> job(db), j -> j.equals("QUEUED 1"));
        doomed.kill(); // inside the 3 s before its retry
        Files.createDirectories(printed.getParent());

        Eventually.until("the survivor sends the open job to the agent, which prints it", Duration.ofSeconds(20),
            () -> job(db), j -> j.startsWith("PRINTED"));
        String text = new String(Files.readAllBytes(printed), StandardCharsets.ISO_8859_1);
        assertThat(text).contains(number);
        assertThat(agent.connected()).isTrue();
      } finally {
        agent.stop();
      }
    } finally {
      Files.deleteIfExists(printed);
      Files.deleteIfExists(printed.getParent());
      Files.deleteIfExists(dir);
    }
  }

  /** The kiosk's one print job: "status attempts", or "" before it exists. */
  static String job(HallFixture db) {
    for (Row r : db.pool.query("SELECT status, attempts FROM print_job WHERE kiosk = 'kiosk-1'").execute().await()) {
      return r.getString(0) + " " + r.getInteger(1);
    }
    return "";
  }
}
