package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * GET /metrics: Prometheus text with the hall's figures, for this machine; a request relayed by a
 * proxy needs the metrics token.
 */
@CoreLane
class MetricsIT {
  static HttpResponse<String> get(int port, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theHallsFiguresForThisMachineAndThroughAProxyOnlyWithTheToken() throws Exception {
    try (HallFixture fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false)) {
      Api api = fixture.api();
      for (int i = 0; i < 2; i++) {
        api.post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", "KTP"));
      }
      String officer = fixture.login("petugas-dukcapil");
      api.post("/api/v1/counters/1/open", officer, (String) null);
      api.post("/api/v1/counters/1/call-next", officer, (String) null);

      WsClient display = new WsClient(fixture.port());
      display.subscribe(null, "calls:zone:lantai-1");
      display.next("snapshot");
      HttpResponse<String> local = get(fixture.port());
      display.close();
      assertThat(local.statusCode()).isEqualTo(200);
      assertThat(local.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      assertThat(local.body())
          .contains("antre_tickets_issued_today{service=\"KTP\"} 2.0")
          .contains("antre_tickets_called_today{service=\"KTP\"} 1.0")
          .contains("antre_tickets_waiting{service=\"KTP\"} 1.0")
          .contains("antre_event_loop_delay_seconds")
          .contains("antre_websocket_connections 1.0")
          .contains("antre_websocket_subscriptions{topic=\"calls\"} 1.0")
          .contains("antre_cluster_members 1.0")
          .contains("antre_cluster_members_expected 1.0")
          .doesNotContain(fixture.kioskToken());

      HttpResponse<String> proxied = get(fixture.port(), "X-Forwarded-For", "203.0.113.9");
      assertThat(proxied.statusCode()).isEqualTo(403);
      assertThat(new JsonObject(proxied.body()).getString("code")).isEqualTo("FORBIDDEN");
    }
  }
}
