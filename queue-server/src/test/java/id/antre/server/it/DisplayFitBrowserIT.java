package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wall display read from across the hall: in portrait the recall mark stays clear of the
 * counter's name and agency names wrap instead of being cut, the counter grid's names are large
 * enough for 10 m, and an agency that issues nothing now says "Tutup" instead of 0 waiting.
 */
@BrowserLane
class DisplayFitBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  /** Friday 4 December 2026, 09:00 in Jakarta: the demo hall's ATR/BPN desk is closed on Fridays. */
  static final Instant FRIDAY_0900 = Instant.parse("2026-12-04T02:00:00Z");

  HallFixture fixture;
  Api api;
  Browser browser;

  @BeforeEach
  void start() {
    fixture = HallFixture.builder().demoHall().realHours(true).at(FRIDAY_0900).start();
    api = fixture.api();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    fixture.close();
  }

  String url(String query) {
    return "http://127.0.0.1:" + fixture.port() + "/display?" + query;
  }

  void issue(String service) {
    assertThat(api.post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", service)).status())
        .isEqualTo(201);
  }

  void post(String officer, String path) {
    assertThat(api.post("/api/v1/counters/" + path, officer, (String) null).status()).as(path).isEqualTo(200);
  }

  @SuppressWarnings("unchecked")
  List<Boolean> overflowing(String css) {
    return (List<Boolean>) browser.js("return [...document.querySelectorAll(arguments[0])]"
        + ".map((e) => e.scrollWidth > e.clientWidth + 1);", css);
  }

  double fontPx(String css) {
    return Double.parseDouble(browser.js("return getComputedStyle(document.querySelector(arguments[0])).fontSize;", css)
        .toString().replace("px", ""));
  }

  @Test
  void inPortraitARecalledCallAndLongAgencyNamesStayReadable() {
    String polres = fixture.login("petugas-polres");
    String samsat = fixture.login("petugas-samsat");
    issue("SKCK");
    issue("PKB");
    issue("KTP");
    post(polres, "5/open");
    post(polres, "5/call-next");
    post(polres, "5/recall");
    post(samsat, "7/open");
    post(samsat, "7/call-next");

    browser = Browser.open(1080, 1920);
    browser.go(url("zone=lantai-1&audio=off"));
    browser.until(d -> browser.text("#recent-list").contains("Loket 5") && browser.text("#hero").contains("F001"));
    browser.until(d -> browser.text("#waiting-list").contains("Samsat dan Bappenda"));
    browser.screenshot(SHOTS.resolve("display-fit-portrait.png"));

    assertThat(browser.find("#recent-list li.recall").getText()).contains("E001").contains("Loket 5");
    assertThat(overflowing(".recent-list .r-number")).as("the number and its recall mark fit their column")
        .isNotEmpty().doesNotContain(true);
    assertThat(overflowing(".waiting-list .w-name")).as("agency names are not cut").isNotEmpty().doesNotContain(true);
    assertThat(fontPx(".counter-grid .c-name")).as("counter names in portrait").isGreaterThanOrEqualTo(30);
  }

  @Test
  void inLandscapeAnAgencyClosedTodaySaysTutupAndCounterNamesAreLarge() {
    browser = Browser.open(1920, 1080);
    browser.go(url("zone=lantai-2&audio=off"));
    browser.until(d -> browser.text("#waiting-list").contains("ATR/BPN"));
    browser.screenshot(SHOTS.resolve("display-fit-landscape.png"));
    assertThat(browser.find("#waiting-list [data-agency=BPN]").getText()).contains("Tutup").doesNotContain("0");
    assertThat(browser.find("#waiting-list [data-agency=KPP]").getText()).contains("0").doesNotContain("Tutup");
    assertThat(fontPx(".counter-grid .c-name")).as("counter names in landscape").isGreaterThanOrEqualTo(32);
  }
}
