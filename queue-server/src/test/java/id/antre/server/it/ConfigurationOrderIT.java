package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counters come in the hall's configuration order in every list (the hall, the counter picker and
 * supervisor view, the displays' public list), not in the order PostgreSQL happens to store rows
 * after updates ("Loket 2, 3, 4, 1").
 */
@CoreLane
class ConfigurationOrderIT {
  static final List<String> CONFIGURED = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
      "13", "14", "15", "16", "17", "18", "19", "20", "P1");

  HallFixture fixture;
  Api api;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    api = fixture.api();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  static List<String> ids(JsonArray counters) {
    return IntStream.range(0, counters.size()).mapToObj(i -> counters.getJsonObject(i).getString("id")).toList();
  }

  @Test
  void countersStayInConfigurationOrderAfterTheirRowsAreUpdated() {
    String officer = fixture.login("petugas-dukcapil");
    // an update moves a row to the end of the table's storage
    assertThat(api.post("/api/v1/counters/1/open", officer, (String) null).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/counters/3/open", officer, (String) null).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/counters/1/close", officer, (String) null).status()).isEqualTo(200);

    assertThat(ids(api.get("/api/v1/hall", null).json().getJsonArray("counters"))).isEqualTo(CONFIGURED);
    assertThat(ids(api.get("/api/v1/counters", fixture.login("manager")).json().getJsonArray("counters")))
        .isEqualTo(CONFIGURED);
    assertThat(ids(api.get("/api/v1/counters", officer).json().getJsonArray("counters")))
        .isEqualTo(CONFIGURED.stream().filter(id -> !id.startsWith("P")).toList());
    WsClient display = new WsClient(fixture.port());
    try {
      display.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("counters")));
      JsonObject snapshot = display.next("snapshot");
      assertThat(ids(snapshot.getJsonArray("counters"))).isEqualTo(CONFIGURED);
    } finally {
      display.close();
    }
  }
}
