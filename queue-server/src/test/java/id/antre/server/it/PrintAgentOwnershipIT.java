package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.AntreServer;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A kiosk has one print agent at a time, the newest connection, whichever HTTP verticle it
 * lands on; a reconnecting agent prints only tickets still waiting and issued recently.
 */
@CoreLane
class PrintAgentOwnershipIT {
  static final Duration WAIT = Duration.ofSeconds(20);

  HallFixture f;
  AntreServer node;
  final List<WsClient> clients = new ArrayList<>();

  @AfterEach
  void stop() {
    clients.forEach(WsClient::close);
    if (f != null) {
      f.close();
    }
  }

  WsClient client(int port) {
    WsClient c = new WsClient(port);
    clients.add(c);
    return c;
  }

  static JsonObject subscribe(String token, String topic) {
    return new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add(topic)).put("token", token);
  }

  @Test
  void theNewestAgentConnectionPrintsAndTheReplacedOneIsToldWhyWithoutAFalseOfflineAlarm() throws Exception {
    // two HTTP verticles, as in production: two gateways on one port
    f = HallFixture.builder().verticles(2).fixedPort().start(); // instances share a port chosen beforehand
    node = f.hall.server;
    Api api = new Api(node.port());
    String agentToken = node.demoSecrets().get("printer-1");
    String kioskToken = node.demoSecrets().get("kiosk-1");

    WsClient watcher = client(node.port());
    watcher.send(subscribe(kioskToken, "printer:kiosk-1"));
    watcher.next("snapshot");

    WsClient first = client(node.port());
    first.send(subscribe(agentToken, "printer:kiosk-1"));
    first.next("snapshot");
    WsClient second = client(node.port());
    second.send(subscribe(agentToken, "printer:kiosk-1"));
    second.next("snapshot");
    assertThat(first.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4409);

    JsonObject ticket = api.post("/api/v1/tickets", kioskToken, new JsonObject().put("service", "KTP")).json();
    JsonObject job = second.next(m -> "print".equals(m.getString("type")), WAIT);
    assertThat(job.getLong("ticketId")).isEqualTo(ticket.getLong("id"));
    second.send(new JsonObject().put("type", "printer-status").put("status", "PAPER_NEAR_END"));
    second.next("ack");

    // the kiosk heard the live agent's state, and never a false AGENT_OFFLINE from the replaced one
    List<JsonObject> heard = new ArrayList<>();
    watcher.next(m -> {
      heard.add(m);
      return "printer".equals(m.getString("type")) && "PAPER_NEAR_END".equals(m.getString("status"));
    }, WAIT);
    assertThat(heard).noneMatch(m -> "AGENT_OFFLINE".equals(m.getString("status")));
    String manager = api.login("manager", TestServer.PASSWORD);
    assertThat(api.get("/api/v1/printers", manager).json().getJsonArray("printers").getJsonObject(0)
        .getString("status")).isEqualTo("PAPER_NEAR_END");

    // when the live agent leaves, the printer is AGENT_OFFLINE
    second.close();
    watcher.next(m -> "printer".equals(m.getString("type")) && "AGENT_OFFLINE".equals(m.getString("status")), WAIT);
  }

  @Test
  void aReconnectingAgentPrintsOnlyTicketsStillWaitingAndIssuedRecently() {
    f = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
    String kiosk = f.hall.kioskToken();
    long old = f.hall.api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP")).json().getLong("id");
    f.clock.advance(Duration.ofMinutes(11));
    long waiting = f.hall.api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP")).json().getLong("id");
    long called = f.hall.api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP")).json().getLong("id");
    String officer = f.hall.login("petugas-dukcapil");
    f.hall.api.post("/api/v1/counters/1/open", officer, (String) null);
    assertThat(f.hall.api.post("/api/v1/counters/1/call", officer,
        new JsonObject().put("ticket", called).put("reason", "pemohon sudah di depan loket")).status()).isEqualTo(200);

    WsClient agent = client(f.hall.server.port());
    agent.send(subscribe(f.hall.server.demoSecrets().get("printer-1"), "printer:kiosk-1"));
    agent.next(m -> "print".equals(m.getString("type")), WAIT);
    List<Long> printed = new ArrayList<>();
    printed.add(waiting);
    agent.untilPong().stream().filter(m -> "print".equals(m.getString("type")))
        .forEach(m -> printed.add(m.getLong("ticketId")));
    assertThat(printed).containsExactly(waiting);

    Map<Long, String> jobs = new HashMap<>();
    for (Row r : f.pool.query("SELECT ticket_id, status FROM print_job").execute().await()) {
      jobs.put(r.getLong(0), r.getString(1));
    }
    assertThat(jobs).containsEntry(old, "CANCELLED").containsEntry(called, "CANCELLED").containsEntry(waiting, "SENT");
  }

  @Test
  void aFailedJobIsNotRetriedOnceItsTicketIsNoLongerWaiting() {
    f = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
    WsClient agent = client(f.hall.server.port());
    agent.send(subscribe(f.hall.server.demoSecrets().get("printer-1"), "printer:kiosk-1"));
    agent.next("snapshot");
    long ticket = f.hall.api.post("/api/v1/tickets", f.hall.kioskToken(), new JsonObject().put("service", "KTP")).json()
        .getLong("id");
    long job = agent.next(m -> "print".equals(m.getString("type")), WAIT).getLong("job");
    String officer = f.hall.login("petugas-dukcapil");
    f.hall.api.post("/api/v1/counters/1/open", officer, (String) null);
    assertThat(f.hall.api.post("/api/v1/counters/1/call-next", officer, (String) null).json().getLong("id"))
        .isEqualTo(ticket);

    agent.send(new JsonObject().put("type", "print-result").put("job", job).put("status", "failed")
        .put("reason", "PAPER_OUT"));
    // the job is re-queued for a retry; what follows the acknowledgement is the retry's doing
    assertThat(agent.next(m -> "ack".equals(m.getString("type")), WAIT).getString("status")).isEqualTo("QUEUED");
    List<JsonObject> seen = new ArrayList<>();
    agent.next(m -> {
      seen.add(m);
      return "print-job".equals(m.getString("type")) && "CANCELLED".equals(m.getString("status"));
    }, WAIT);
    assertThat(seen).noneMatch(m -> "print".equals(m.getString("type")));
  }
}
