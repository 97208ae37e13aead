package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.printer.decode.DecodedTicket;
import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a visitor is told besides the number, on the kiosk, the paper and the phone: where the
 * service's counters are, the priority group, and, while no counter is open, that service has not
 * started (and from when) instead of an estimate nobody can keep.
 */
@BrowserLane
class VisitorOutlookBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(20);
  /** Monday 30 November 2026, 07:50 in Jakarta: tickets are issued from 07:45, counters open at 08:00. */
  static final Instant MONDAY_0750 = Instant.parse("2026-11-30T00:50:00Z");

  HallFixture fixture;
  Browser browser;
  WsClient agent;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (agent != null) {
      agent.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  String base() {
    return "http://127.0.0.1:" + fixture.port();
  }

  WsClient connectAgent() {
    WsClient ws = new WsClient(fixture.port());
    ws.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("printer:kiosk-1"))
        .put("token", fixture.hall.server.demoSecrets().get("printer-1")));
    ws.next("snapshot");
    ws.next(m -> "ack".equals(m.getString("type")) || "printer".equals(m.getString("type")), WAIT);
    return ws;
  }

  JsonObject takeNumberAtTheKiosk(int width, int height, String shot) {
    browser = Browser.open(width, height);
    browser.go(base() + "/kiosk?device=" + fixture.kioskToken());
    browser.until(d -> "start".equals(browser.body("screen")));
    browser.click("[data-agency=DUKCAPIL]");
    browser.until(d -> "services".equals(browser.body("screen")));
    browser.click("[data-service=KTP]");
    browser.until(d -> "confirm".equals(browser.body("screen")));
    browser.click("[data-priority=lansia]");
    browser.click("[data-action=issue]");
    browser.until(d -> "issued".equals(browser.body("screen")));
    JsonObject job = agent.next("print");
    agent.send(new JsonObject().put("type", "print-result").put("job", job.getLong("job")).put("status", "printed"));
    browser.until(d -> "printed".equals(browser.body("printStatus")));
    browser.screenshot(SHOTS.resolve(shot));
    return job;
  }

  @Test
  void beforeAnyCounterOpensTheKioskTicketAndPhoneSayWhenServiceStartsAndWhereToGo() {
    fixture = HallFixture.builder().at(MONDAY_0750).realHours(true).start();
    agent = connectAgent();
    JsonObject job = takeNumberAtTheKiosk(1080, 1920, "outlook-kiosk-not-serving-portrait.png");

    String screen = browser.text(".screen-issued");
    assertThat(screen).contains("Loket belum buka").contains("Pelayanan mulai pukul 08.00")
        .contains("Lokasi loket").contains("Lantai 1 & Lantai 2").contains("Prioritas:")
        .doesNotContain("sebentar lagi");

    DecodedTicket paper = PrintedTicket.decode(job.getJsonObject("content"),
        SHOTS.resolve("outlook-ticket-not-serving.png"));
    assertThat(paper.text()).contains("Lokasi loket: Lantai 1 & Lantai 2")
        .contains("PRIORITAS: LANJUT USIA")
        .contains("Loket layanan ini belum buka.").contains("Pelayanan mulai pukul 08.00")
        .doesNotContain("segera dipanggil").doesNotContain("?");

    String token = paper.qrPayloads().get(0).replaceAll(".*/t/", "");
    browser.size(390, 844);
    browser.go(base() + "/t/" + token);
    browser.until(d -> "WAITING".equals(browser.body("status")));
    assertThat(browser.text(".status-card")).contains("Loket belum buka").contains("pelayanan mulai pukul 08.00")
        .doesNotContain("perkiraan");
    assertThat(browser.text(".number-card")).contains("Lokasi loket: Lantai 1 & Lantai 2");
    browser.screenshot(SHOTS.resolve("outlook-phone-not-serving.png"));
  }

  @Test
  void onceACounterIsOpenTheEstimateCountsItAndTheCallTellsTheFloor() {
    fixture = HallFixture.builder().start();
    String officer = fixture.login("petugas-dukcapil");
    assertThat(fixture.api().post("/api/v1/counters/11/open", officer, (String) null).status()).isEqualTo(200);
    agent = connectAgent();
    JsonObject job = takeNumberAtTheKiosk(1920, 1080, "outlook-kiosk-serving-landscape.png");

    assertThat(browser.find("[data-estimate]").getAttribute("data-estimate")).isNotEqualTo("not-serving");
    DecodedTicket paper = PrintedTicket.decode(job.getJsonObject("content"),
        SHOTS.resolve("outlook-ticket-serving.png"));
    assertThat(paper.text()).contains("Anda berikutnya, segera dipanggil").doesNotContain("belum buka");

    fixture.api().post("/api/v1/counters/11/call-next", officer, (String) null);
    JsonObject tracked = fixture.api().get("/api/v1/tickets/" + paper.qrPayloads().get(0).replaceAll(".*/t/", ""),
        null).json();
    assertThat(tracked.getString("status")).isEqualTo("CALLED");
    assertThat(tracked.getString("where")).isEqualTo("Lantai 2");
  }
}
