package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Dilayani hari ini" on the counter terminal: finished at this counter (whoever was signed in),
 * finished by this officer (at any counter), and the officer's transfers apart, which are not
 * services.
 */
@CoreLane
class ServedTodayIT {
  HallFixture fixture;
  Api api;
  String officer;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    api = fixture.api();
    officer = fixture.login("petugas-dukcapil");
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  void issue(String service) {
    assertThat(api.post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", service)).status())
        .isEqualTo(201);
  }

  void serve(String counter) {
    api.post("/api/v1/counters/" + counter + "/call-next", officer, (String) null);
    assertThat(api.post("/api/v1/counters/" + counter + "/start", officer, (String) null).status()).isEqualTo(200);
  }

  JsonObject counter(String id) {
    return api.get("/api/v1/counters/" + id, officer).json();
  }

  @Test
  void aSharedOfficerAccountIsCountedPerCounterAndPerOfficerWithTransfersApart() {
    for (int i = 0; i < 4; i++) {
      issue("KTP");
    }
    api.post("/api/v1/counters/1/open", officer, (String) null);
    api.post("/api/v1/counters/2/open", officer, (String) null);

    serve("1");
    assertThat(api.post("/api/v1/counters/1/finish", officer, (String) null).status()).isEqualTo(200);
    serve("1");
    assertThat(api.post("/api/v1/counters/1/transfer", officer, new JsonObject().put("service", "AKTA")).status())
        .isEqualTo(200);
    serve("2");
    assertThat(api.post("/api/v1/counters/2/finish", officer, (String) null).status()).isEqualTo(200);

    JsonObject one = counter("1");
    assertThat(one.getInteger("counterServedToday")).as("finished at Loket 1").isEqualTo(1);
    assertThat(one.getInteger("officerServedToday")).as("finished by the shared account, transfer apart")
        .isEqualTo(2);
    assertThat(one.getInteger("officerTransferredToday")).isEqualTo(1);
    JsonObject two = counter("2");
    assertThat(two.getInteger("counterServedToday")).as("finished at Loket 2").isEqualTo(1);
    assertThat(two.getInteger("officerServedToday")).isEqualTo(2);
  }
}
