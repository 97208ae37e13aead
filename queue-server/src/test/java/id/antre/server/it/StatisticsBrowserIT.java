package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The statistics page and the printable monthly report in headless Chromium: a morning of visits
 * at Disdukcapil and Polres written through the API, the page's tiles, table and charts for "this
 * month" (Indonesian labels, numbers right-aligned), a Polres supervisor who sees only Polres, and
 * the report with its "Data SKM belum tersedia" while the IKM endpoint is not there, in its print
 * layout.
 */
@BrowserLane
class StatisticsBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static HallFixture f;
  Browser browser;

  static void at(int minutes) {
    f.clock.set(HallFixture.MONDAY_0900.plus(Duration.ofMinutes(minutes)));
  }

  static void press(String token, String counter, String action) {
    Api.Response r = f.api().post("/api/v1/counters/" + counter + "/" + action, token, (String) null);
    assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
  }

  @BeforeAll
  static void morning() {
    f = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    String dukcapil = f.login("petugas-dukcapil");
    String polres = f.login("petugas-polres");
    at(0);
    press(dukcapil, "1", "open");
    press(polres, "P1", "open");
    for (String service : List.of("KTP", "KTP", "KK", "AKTA", "KTP", "SKCK", "SKCK", "KK")) {
      assertThat(f.api().post("/api/v1/tickets", f.kioskToken(), new JsonObject().put("service", service)).status())
          .isEqualTo(201);
    }
    int t = 5;
    for (int i = 0; i < 5; i++) {
      at(t);
      press(dukcapil, "1", "call-next");
      at(t + 1);
      press(dukcapil, "1", "start");
      t += 7 + i * 3;
      at(t);
      press(dukcapil, "1", "finish");
    }
    at(20);
    press(polres, "P1", "call-next");
    at(22);
    press(polres, "P1", "start");
    at(40);
    press(polres, "P1", "finish");
    at(70);
  }

  @AfterAll
  static void close() {
    if (f != null) {
      f.close();
    }
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  String base() {
    return "http://127.0.0.1:" + f.port();
  }

  void signIn(String user) {
    browser = Browser.open(1366, 900);
    browser.go(base() + "/manager/stats?lang=id");
    browser.until(d -> "login".equals(browser.body("view")));
    browser.find("#username").sendKeys(user);
    browser.find("#password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
    browser.until(d -> "ready".equals(browser.body("state")));
  }

  String text(String css) {
    Object v = browser.js("return document.querySelector(arguments[0])?.innerText ?? '';", css);
    return v.toString().replaceAll("\\s+", " ").trim();
  }

  @Test
  void aManagerSeesTheMonthWithTilesTableAndChartsInIndonesian() {
    signIn("manager");
    assertThat(browser.find("#from").getAttribute("value")).isEqualTo("2026-11-01");
    assertThat(browser.find("#to").getAttribute("value")).isEqualTo("2026-11-30");
    assertThat(text("[data-tile=issued]")).contains("Tiket diambil").contains("8");
    assertThat(text("[data-tile=served]")).contains("Dilayani").contains("6");
    assertThat(text("#summary")).contains("Disdukcapil").contains("Polres").contains("Waktu tunggu (menit)");
    assertThat(text("#officers")).contains("Petugas Disdukcapil");
    Object align = browser.js("return getComputedStyle(document.querySelector('#summary td.num')).textAlign;");
    assertThat(align).isEqualTo("right");
    Object figures = browser.js("return getComputedStyle(document.querySelector('#summary td.num')).fontVariantNumeric;");
    assertThat(figures.toString()).contains("tabular-nums");
    browser.until(d -> Boolean.TRUE.equals(browser.js(
        "return ['#chart-trend', '#chart-histogram', '#chart-heatmap'].every(s => document.querySelector(s + ' svg'));")));
    assertThat(text("#chart-heatmap")).contains("Sen").contains("09.00");
    browser.size(1366, 2300);
    browser.screenshot(SHOTS.resolve("statistics.png"));

    browser.find("#lang").click();
    browser.until(d -> text("[data-tile=issued]").contains("Tickets issued"));
    assertThat(text("#summary")).contains("Waiting time (minutes)");
    browser.find("#lang").click();
    browser.until(d -> text("[data-tile=issued]").contains("Tiket diambil"));
  }

  @Test
  void aPolresSupervisorSeesOnlyPolresOnThePage() {
    signIn("koordinator-polres");
    assertThat(text("#scope")).contains("Polres");
    Object agencies = browser.js("return [...document.querySelectorAll('#agency option')].map(o => o.value);");
    assertThat(agencies).isEqualTo(List.of("POLRES"));
    assertThat(text("[data-tile=issued]")).contains("2");
    assertThat(text("#summary")).doesNotContain("Disdukcapil").doesNotContain("KTP-el").contains("SKCK");
    assertThat(text("#officers")).doesNotContain("Disdukcapil");
    browser.size(1366, 2300);
    browser.screenshot(SHOTS.resolve("statistics-polres.png"));
  }

  @Test
  void theMonthlyReportPrintsOnA4WithTheSkmSectionMissingForNow() {
    signIn("manager");
    browser.go(base() + "/manager/report?month=2026-11");
    browser.until(d -> "ready".equals(browser.body("state")));
    assertThat(text("#heading")).isEqualTo("Laporan Pelayanan Bulan November 2026");
    assertThat(text("#t-agencies")).contains("Disdukcapil").contains("Polres").doesNotContain("Kedaluwarsa");
    assertThat(text("#ikm")).isEqualTo("Data SKM belum tersedia");
    browser.size(1000, 1800);
    browser.screenshot(SHOTS.resolve("report.png"));
    // A4 is 794 CSS pixels wide at 96 dpi: the print layout at that width
    browser.size(794, 1400);
    browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    Object overflow = browser.js("return document.querySelector('#t-services').scrollWidth"
        + " <= document.querySelector('#report').clientWidth + 1;");
    assertThat(overflow).as("the widest table fits the page").isEqualTo(true);
    assertThat(browser.js("return getComputedStyle(document.querySelector('.report-tools')).display;")).isEqualTo("none");
    browser.screenshot(SHOTS.resolve("report-print.png"));
    Map<String, Object> pdf = browser.driver.executeCdpCommand("Page.printToPDF",
        Map.of("preferCSSPageSize", true, "printBackground", false));
    byte[] bytes = java.util.Base64.getDecoder().decode(pdf.get("data").toString());
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    try {
      java.nio.file.Files.write(SHOTS.resolve("report.pdf"), bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
