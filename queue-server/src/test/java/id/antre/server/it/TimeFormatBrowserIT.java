package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One way of writing a time of day, 12.45, on every screen and in both languages: the kiosk's
 * clock and closing notes, and the wall display's clock. A service that opens later today says
 * "Buka pukul 07.45", not "Buka lagi" with a date.
 */
@BrowserLane
class TimeFormatBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  /** Monday 30 November 2026, 07:00 in Jakarta: tickets are issued from 07:45. */
  static final Instant MONDAY_0700 = Instant.parse("2026-11-30T00:00:00Z");
  static final String TIME = "\\d{2}\\.\\d{2}";

  HallFixture fixture;
  Browser browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    fixture.close();
  }

  String base() {
    return "http://127.0.0.1:" + fixture.port();
  }

  @Test
  void theKioskWritesEveryTimeWithAPointAndAServiceOpeningLaterTodaySaysAtWhatTime() {
    fixture = HallFixture.smallHall(MONDAY_0700, true);
    browser = Browser.open(1920, 1080);
    browser.go(base() + "/kiosk?device=" + fixture.kioskToken());
    browser.until(d -> "start".equals(browser.body("screen")));
    assertThat(browser.text(".clock-time")).matches(TIME);
    browser.click("[data-agency=DUKCAPIL]");
    browser.until(d -> "services".equals(browser.body("screen")));
    String ktp = browser.text("[data-service=KTP]");
    assertThat(ktp).contains("pengambilan nomor mulai pukul 07.45").contains("Buka pukul 07.45")
        .doesNotContain("Buka lagi").doesNotContain("07:45");
    assertThat(browser.find("[data-service=KTP] [data-opens]").getAttribute("data-opens")).isEqualTo("today");
    browser.screenshot(SHOTS.resolve("time-kiosk-opens-today-1920.png"));

    browser.click("#lang");
    browser.until(d -> browser.text("[data-service=KTP]").contains("Opens at"));
    assertThat(browser.text("[data-service=KTP]")).contains("Opens at 07.45").contains("tickets from 07.45")
        .doesNotContain("07:45");
    assertThat(browser.text(".clock-time")).matches(TIME);
  }

  @Test
  void theManagerMonitorWritesTimesWithAPointInEnglishToo() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    WsClient agent = new WsClient(fixture.port());
    try {
      agent.send(new io.vertx.core.json.JsonObject().put("type", "subscribe")
          .put("topics", new io.vertx.core.json.JsonArray().add("printer:kiosk-1"))
          .put("token", fixture.hall.server.demoSecrets().get("printer-1")));
      agent.next("snapshot");
      agent.send(new io.vertx.core.json.JsonObject().put("type", "printer-status").put("status", "PAPER_OUT")
          .put("detail", "kertas habis"));
      browser = Browser.open(1920, 1080);
      browser.go(base() + "/manager?lang=en");
      browser.until(d -> "login".equals(browser.body("view")));
      browser.find("#username").sendKeys("manager");
      browser.find("#password").sendKeys(TestServer.PASSWORD, org.openqa.selenium.Keys.ENTER);
      browser.until(d -> "monitor".equals(browser.body("view")) && "true".equals(browser.body("connected")));
      browser.until(d -> browser.text("[data-kiosk=kiosk-1]").contains("09.00"));
      assertThat(browser.text("[data-kiosk=kiosk-1]")).doesNotContain("09:00");
      browser.screenshot(SHOTS.resolve("time-manager-en-1920x1080.png"));
    } finally {
      agent.close();
    }
  }

  @Test
  void theWallDisplayClockUsesThePointInBothLanguages() {
    fixture = HallFixture.builder().demoHall().start();
    browser = Browser.open(1920, 1080);
    browser.go(base() + "/display?audio=off");
    browser.until(d -> browser.text("#clock-time").matches(TIME));
    browser.go(base() + "/display?audio=off&lang=en");
    browser.until(d -> browser.text("#clock-time").matches(TIME));
  }
}
