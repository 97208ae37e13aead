package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;

/**
 * The kiosk fits the screens it runs on and tells staff about set-up faults at once: the issued
 * screen's "Selesai" is above the fold at 1920x1080 and 1080x1920, a long running text scrolls
 * instead of being cut, a refused device token is reported when the kiosk starts, and the set-up
 * screen's clock shows the hall's time whatever the PC's time zone.
 */
@BrowserLane
class KioskFitBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final String LONG_TEXT = "Selamat datang di Mal Pelayanan Publik Kabupaten Cirebon. Layanan tidak dipungut biaya. "
      + "Jagalah kebersihan dan ketertiban. Pengaduan melalui SP4N LAPOR! di lapor.go.id atau meja informasi.";

  HallFixture fixture;
  Browser browser;
  WsClient agent;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (agent != null) {
      agent.close();
    }
    fixture.close();
  }

  String base() {
    return "http://127.0.0.1:" + fixture.port();
  }

  void takeNumber() {
    browser.click("[data-agency=DUKCAPIL]");
    browser.until(d -> "services".equals(browser.body("screen")));
    browser.click("[data-service=KTP]");
    browser.until(d -> "confirm".equals(browser.body("screen")));
    browser.click("[data-priority=lansia]");
    browser.click("[data-action=issue]");
    browser.until(d -> "issued".equals(browser.body("screen")));
    // the QR code has loaded, as a visitor would see the screen
    browser.until(d -> Boolean.TRUE.equals(browser.js("return document.querySelector('#qr img').complete")));
  }

  /** Whether the element is wholly inside the window without scrolling anything. */
  boolean aboveTheFold(String css) {
    return Boolean.TRUE.equals(browser.js("""
        const r = document.querySelector(arguments[0]).getBoundingClientRect();
        const main = document.getElementById('screen');
        return r.top >= 0 && r.bottom <= window.innerHeight - document.querySelector('.running').offsetHeight
          && main.scrollHeight <= main.clientHeight + 1;""", css));
  }

  @Test
  void theIssuedScreenShowsSelesaiWithoutScrollingInLandscapeAndPortrait() {
    String manager = fixture.login("manager");
    fixture.api().send("PUT", "/api/v1/hall/running-text", manager, new JsonObject().put("text", LONG_TEXT).encode());
    browser = Browser.open(1920, 1080);
    browser.go(base() + "/kiosk?device=" + fixture.kioskToken());
    browser.until(d -> "start".equals(browser.body("screen")));
    takeNumber();
    browser.screenshot(SHOTS.resolve("kiosk-fit-issued-1920x1080.png"));
    assertThat(aboveTheFold("[data-action=done]")).as("Selesai above the fold at 1920x1080").isTrue();

    browser.size(1080, 1920);
    browser.go(base() + "/kiosk");
    browser.until(d -> "start".equals(browser.body("screen")));
    // the long running text runs across the portrait screen instead of ending in "..."
    browser.until(d -> browser.find("#running").getAttribute("class").contains("scrolling"));
    assertThat(browser.js("return getComputedStyle(document.getElementById('running')).animationName"))
        .isEqualTo("running-text");
    assertThat(browser.js("return getComputedStyle(document.getElementById('running')).textOverflow"))
        .isNotEqualTo("ellipsis");
    takeNumber();
    browser.screenshot(SHOTS.resolve("kiosk-fit-issued-1080x1920.png"));
    assertThat(aboveTheFold("[data-action=done]")).as("Selesai above the fold at 1080x1920").isTrue();
  }

  @Test
  void aRefusedDeviceTokenIsReportedWhenTheKioskStartsNotAtTheFirstTicket() {
    browser = Browser.open(1080, 1920);
    browser.go(base() + "/kiosk?device=token-yang-salah");
    browser.until(d -> "setup".equals(browser.body("screen")) && "refused".equals(browser.body("token")));
    assertThat(browser.text(".setup")).contains("Token perangkat ditolak").contains("ditolak server").contains("/kiosk?device=")
        .doesNotContain("belum memiliki token");
    browser.screenshot(SHOTS.resolve("kiosk-token-refused-1080x1920.png"));
    assertThat(TestDb.count(fixture.pool, "SELECT count(*) FROM ticket").await()).isZero();
  }

  @Test
  void theSetUpScreenClockShowsTheHallsTimeNotThePcs() {
    browser = Browser.open(1920, 1080);
    browser.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
    browser.go(base() + "/kiosk");
    browser.until(d -> "setup".equals(browser.body("screen")) && browser.text(".hall-name").equals("MPP UJI"));
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH.mm");
    ZonedDateTime jakarta = Instant.now().atZone(ZoneId.of("Asia/Jakarta"));
    String shown = browser.text(".clock-time");
    assertThat(shown).isIn(hhmm.format(jakarta), hhmm.format(jakarta.minusMinutes(1)), hhmm.format(jakarta.plusMinutes(1)));
    browser.screenshot(SHOTS.resolve("kiosk-setup-1920x1080.png"));
  }
}
