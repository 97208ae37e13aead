package id.antre.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.printer.agent.AgentConfig;
import id.antre.printer.agent.PrintAgent;
import id.antre.printer.agent.PrinterTarget;
import id.antre.server.auth.Tokens;
import id.antre.server.it.Api;
import id.antre.server.it.Browser;
import id.antre.server.it.Eventually;
import id.antre.server.it.HallFixture;
import id.antre.server.it.TestServer;
import id.antre.server.lanes.ClusterLane;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clients follow the survivor: two nodes behind HAProxy, a wall display in Chromium on the proxy
 * and a print agent given both nodes. After {@code kill -9} of the node they are on, both are on
 * the other node within seconds by themselves, and the display shows every call made meanwhile.
 */
@ClusterLane
class ClusterFailoverIT {

  @Test
  void aDisplayBehindTheProxyAndAPrintAgentMoveToTheSurvivorAndMissNoCall() throws Exception {
    Path printed = Files.createTempFile("antre-failover-", ".bin");
    try (HallFixture db = HallFixture.builder().noNode().start();
         TwoNodes cluster = TwoNodes.start(db.db, 2, TestServer.PASSWORD, Map.of());
         Haproxy proxy = Haproxy.inFrontOf(List.of(cluster.node(0).port, cluster.node(1).port));
         Browser browser = Browser.open(1280, 720)) {
      ServerProcess first = cluster.node(0);
      ServerProcess second = cluster.node(1);
      Api api1 = new Api(first.port);
      Api api2 = new Api(second.port);
      String officer = api2.login("petugas-dukcapil", TestServer.PASSWORD);
      for (String c : List.of("1", "2", "3", "4")) {
        api2.post("/api/v1/counters/" + c + "/open", officer, (String) null);
      }
      String agentToken = Tokens.derivedDeviceToken(TestServer.PASSWORD, "printer-1");
      PrintAgent agent = PrintAgent.start(AgentConfig.of("http://127.0.0.1:" + first.port + ",http://127.0.0.1:"
          + second.port, agentToken, "kiosk-1", new PrinterTarget.File(printed)));
      try {
        browser.go("http://127.0.0.1:" + proxy.port + "/display?zone=lantai-1&audio=off");
        browser.until(d -> "true".equals(browser.body("connected")));
        Eventually.until("the agent is registered", agent::connected);

        List<String> calls = new ArrayList<>();
        String before = issue(api1, first.kioskToken);
        calls.add(call(api1, officer, "1"));
        browser.until(d -> calls.get(0).equals(browser.text("#hero-number")));
        Eventually.until("the ticket issued before the kill is printed", () -> printedText(printed).contains(before));

        first.kill();
        long killedAt = System.nanoTime();
        // calls made on the survivor while the page is still finding it
        for (String c : List.of("2", "3", "4")) {
          calls.add(call(api2, officer, c));
        }
        browser.until(Duration.ofSeconds(15), d -> calls.get(3).equals(browser.text("#hero-number")));
        long movedMillis = (System.nanoTime() - killedAt) / 1_000_000;
        assertThat(movedMillis).as("the display shows the survivor's calls within seconds").isLessThan(10_000);
        String onScreen = browser.text("#hero-number") + " " + browser.text("#recent-list");
        assertThat(onScreen).as("every call, the ones made while the page was reconnecting too")
            .contains(calls);

        String after = issue(api2, second.kioskToken);
        Eventually.until("the agent prints on the survivor what was issued there", Duration.ofSeconds(15),
            () -> printedText(printed), t -> t.contains(after));
        assertThat(agent.connected()).isTrue();
        browser.screenshot(Path.of("target/cluster-failover-display.png"));
      } finally {
        agent.stop();
      }
    } finally {
      Files.deleteIfExists(printed);
    }
  }

  static String issue(Api api, String kiosk) {
    Api.Response r = api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP"));
    assertThat(r.status()).as("issue: %s", r.body()).isEqualTo(201);
    return r.json().getString("number");
  }

  static String call(Api api, String officer, String counter) {
    api.post("/api/v1/tickets", Tokens.derivedDeviceToken(TestServer.PASSWORD, "kiosk-1"),
        new JsonObject().put("service", "KTP"));
    Api.Response r = api.post("/api/v1/counters/" + counter + "/call-next", officer, (String) null);
    assertThat(r.status()).as("call-next at %s: %s", counter, r.body()).isEqualTo(200);
    return r.json().getString("number");
  }

  static String printedText(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
