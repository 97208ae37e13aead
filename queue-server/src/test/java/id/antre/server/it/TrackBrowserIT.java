package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The visitor's phone page (from the ticket's QR) in a real headless Chromium at 360x740: it
 * follows the queue live, shows the call with the counter's name without a reload, and gives the
 * number up only after a confirmation.
 */
@BrowserLane
class TrackBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");

  HallFixture fixture;
  TestServer hall;
  Browser browser;
  String officer;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    hall = fixture.hall;
    officer = hall.login("petugas-dukcapil");
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    fixture.close();
  }

  JsonObject issue(String service) {
    Api.Response r = hall.api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", service));
    assertThat(r.status()).isEqualTo(201);
    return r.json();
  }

  void openPhone(String trackingToken) {
    browser = Browser.open(360, 740);
    browser.go("http://127.0.0.1:" + hall.server.port() + "/t/" + trackingToken);
    browser.until(d -> "on".equals(browser.body("live")) && !browser.body("status").equals("loading"));
  }

  @Test
  void thePhoneFollowsTheQueueAndShowsTheCallWithTheCounterWithoutAReload() {
    issue("KTP");
    JsonObject mine = issue("KTP");
    openPhone(mine.getString("trackingToken"));
    assertThat(browser.body("status")).isEqualTo("WAITING");
    assertThat(browser.text(".number")).isEqualTo("A002");
    assertThat(browser.text(".status-card")).contains("Menunggu").contains("1 orang di depan Anda");
    // once it knows its ticket, the page follows its own service's queue, not the whole hall's
    browser.until(d -> "queues:KTP".equals(browser.body("queues")));
    browser.screenshot(SHOTS.resolve("track-waiting.png"));
    browser.js("window.notReloaded = true;");

    hall.api.post("/api/v1/counters/1/open", officer, (String) null);
    assertThat(hall.api.post("/api/v1/counters/1/call-next", officer, (String) null).json().getString("number"))
        .as("the ticket ahead is called first").isEqualTo("A001");
    browser.until(d -> browser.text(".status-card").contains("Anda berikutnya"));

    hall.api.post("/api/v1/counters/1/no-show", officer, (String) null);
    hall.api.post("/api/v1/counters/1/call-next", officer, (String) null);
    browser.until(d -> "CALLED".equals(browser.body("status")));
    browser.until(d -> browser.text(".status-card").contains("Loket 1"));
    assertThat(browser.text(".status-card")).contains("Dipanggil!").contains("Silakan menuju Loket 1");
    assertThat(browser.body("alerted")).isEqualTo("true");
    assertThat(browser.js("return window.notReloaded === true;")).isEqualTo(true);
    assertThat(browser.driver.getTitle()).contains("A002").contains("Dipanggil");
    browser.screenshot(SHOTS.resolve("track-called.png"));

    // a reload shows the call but does not alert again
    browser.driver.navigate().refresh();
    browser.until(d -> "CALLED".equals(browser.body("status")));
    assertThat(browser.body("alerted")).isEmpty();
  }

  @Test
  void aVisitorGivesUpTheNumberOnlyAfterConfirming() {
    JsonObject mine = issue("KK");
    String token = mine.getString("trackingToken");
    openPhone(token);

    browser.click("[data-action=cancel]");
    browser.until(d -> browser.find("#confirm").isDisplayed());
    assertThat(browser.text("#confirm")).contains("Batalkan nomor B001?");
    browser.click("[data-action=cancel-no]");
    assertThat(hall.api.get("/api/v1/tickets/" + token, null).json().getString("status")).isEqualTo("WAITING");

    browser.click("[data-action=cancel]");
    browser.until(d -> browser.find("#confirm").isDisplayed());
    browser.click("[data-action=cancel-yes]");
    browser.until(d -> "CANCELLED".equals(browser.body("status")));
    assertThat(browser.text(".status-card")).contains("Dibatalkan");
    assertThat(hall.api.get("/api/v1/tickets/" + token, null).json().getString("status")).isEqualTo("CANCELLED");
    assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("[data-action=cancel]"))).isEmpty();
  }

  @Test
  void aNumberLeftFromAPastDaySaysItHasExpired() {
    JsonObject mine = issue("KTP");
    fixture.clock.set(java.time.Instant.parse("2026-11-30T17:01:00Z")); // Tuesday 00:01 in Jakarta
    assertThat(hall.server.jobs().tick().await()).contains(id.antre.server.jobs.ClosingDay.NAME);
    openPhone(mine.getString("trackingToken"));
    assertThat(browser.body("status")).isEqualTo("EXPIRED");
    assertThat(browser.text(".status-card")).contains("Kedaluwarsa").contains("Nomor ini sudah kedaluwarsa");
    assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("[data-action=cancel]"))).isEmpty();
    browser.screenshot(SHOTS.resolve("track-expired.png"));
  }

  @Test
  void anUnknownTrackingCodeSaysSoPlainly() {
    browser = Browser.open(360, 740);
    browser.go("http://127.0.0.1:" + hall.server.port() + "/t/bukan-kode-yang-benar");
    browser.until(d -> "missing".equals(browser.body("status")));
    assertThat(browser.text("main")).contains("tidak ditemukan");
  }
}
