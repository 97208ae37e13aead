package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every page still works under the Content-Security-Policy: scripts and styles from files, voice
 * clips, the live WebSocket and the QR code as a data: image; the browser reports no violation.
 * The kiosk's device token leaves the address bar once it is stored.
 */
@BrowserLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  /** Runs before any page script: records every policy violation the page causes. */
  static final String RECORD_VIOLATIONS = "window.cspViolations = [];"
      + "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push("
      + "e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";

  HallFixture fixture;
  TestServer hall;
  Browser browser;

  @BeforeAll
  void start() {
    fixture = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
    hall = fixture.hall;
    browser = Browser.open(1280, 800);
    browser.driver.executeCdpCommand("Page.enable", Map.of());
    browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    fixture.close();
  }

  String base() {
    return "http://127.0.0.1:" + hall.server.port();
  }

  List<?> violations() {
    return (List<?>) browser.js("return window.cspViolations || ['the recorder did not run'];");
  }

  @Test
  void theHomePageFillsInTheHallNameFromItsScriptFile() {
    browser.go(base() + "/");
    browser.until(d -> browser.text("#hall").contains("MPP UJI"));
    assertThat(violations()).isEmpty();
  }

  @Test
  void theKioskIssuesAndShowsItsQrCodeAndKeepsItsTokenOutOfTheAddress() {
    browser.go(base() + "/kiosk?device=" + hall.kioskToken());
    browser.until(d -> "start".equals(browser.body("screen")));
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("device=").doesNotContain(hall.kioskToken());
    browser.click("[data-agency=DUKCAPIL]");
    browser.until(d -> "services".equals(browser.body("screen")));
    browser.click("[data-service=KTP]");
    browser.until(d -> "confirm".equals(browser.body("screen")));
    browser.click("[data-action=issue]");
    browser.until(d -> "issued".equals(browser.body("screen")));
    browser.until(d -> browser.find("#qr").isDisplayed());
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("device=");
    browser.screenshot(SHOTS.resolve("csp-kiosk-ticket.png"));
    assertThat(violations()).isEmpty();
  }

  @Test
  void theDisplayConnectsItsLiveFeed() {
    browser.go(base() + "/display");
    browser.until(d -> "true".equals(browser.body("connected")));
    browser.screenshot(SHOTS.resolve("csp-display.png"));
    assertThat(violations()).isEmpty();
  }

  @Test
  void theCounterAndManagerPagesShowTheirSignIn() {
    browser.go(base() + "/counter");
    browser.until(d -> "login".equals(browser.body("view")));
    assertThat(violations()).isEmpty();
    browser.go(base() + "/manager");
    browser.until(d -> !browser.driver.findElements(org.openqa.selenium.By.cssSelector("input[type=password]")).isEmpty());
    assertThat(violations()).isEmpty();
  }

  @Test
  void thePhonePageFollowsItsTicket() {
    String token = hall.api.post("/api/v1/tickets", hall.kioskToken(),
        new io.vertx.core.json.JsonObject().put("service", "KK")).json().getString("trackingToken");
    browser.go(base() + "/t/" + token);
    browser.until(d -> browser.driver.getPageSource().contains("B0"));
    browser.screenshot(SHOTS.resolve("csp-track.png"));
    assertThat(violations()).isEmpty();
  }
}
