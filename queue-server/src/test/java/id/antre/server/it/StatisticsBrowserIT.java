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
 * the monthly report in its print layout with the SKM section from surveys answered for the
 * morning's visits (the IKM computed by hand below), and a month without respondents. Three KTP
 * bookings for the afternoon (one cancelled, one checked in, one still open) fill the booking panel.
 */
@BrowserLane
class StatisticsBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static HallFixture f;
  /** The tracking tokens of the morning's tickets, in the order they were issued. */
  static final List<String> TOKENS = new java.util.ArrayList<>();
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
      Api.Response r = f.api().post("/api/v1/tickets", f.kioskToken(), new JsonObject().put("service", service));
      assertThat(r.status()).isEqualTo(201);
      TOKENS.add(r.json().getString("trackingToken"));
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
    answerSurveys();
    bookAfternoon();
  }

  /** Three KTP bookings for the afternoon: one cancelled, one checked in (its ticket waits), one still open. */
  static void bookAfternoon() {
    List<String> codes = new java.util.ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Api.Response r = f.api().post("/api/v1/bookings", null, new JsonObject().put("service", "KTP")
          .put("day", "2026-11-30").put("slot", i < 3 ? "14:00" : "14:15").put("nik", "320901150890000" + i)
          .put("phone", "08123456789" + i).put("requestId", "stats-booking-" + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      codes.add(r.json().getString("code"));
    }
    assertThat(f.api().post("/api/v1/bookings/" + codes.get(0) + "/cancel", null, (String) null).status()).isEqualTo(200);
    Api.Response in = f.api().post("/api/v1/bookings/" + codes.get(1) + "/check-in", f.kioskToken(),
        new JsonObject().put("print", false));
    assertThat(in.status()).as(in.body()).isEqualTo(201);
  }

  /**
   * SKM answers for the visits served (5 at Disdukcapil, 1 at Polres): four of the Disdukcapil
   * ones and the Polres one answer, so the hall and Disdukcapil are short of their minimum sample.
   * By hand (element sums over the respondents, NRR = sum / n, IKM = sum of NRR / 9 x 25):
   *   D1 4 4 4 4 4 4 4 4 4 | D2 4 3 4 4 4 4 4 3 4 | D3 3 3 3 4 3 4 4 3 3 | D4 4 3 3 4 4 3 4 3 4
   *   P1 2 2 1 4 2 2 3 2 2
   * Disdukcapil (n 4): sums 15 13 14 16 15 15 16 13 15 = 132; NRR U1 3.750, U2 3.250, U4 4.000;
   *   IKM 132 / (9 x 4) x 25 = 91.666... -> 91.67, A (Sangat Baik); population 5, minimum
   *   3.841 x 5 x 0.25 / (0.0025 x 4 + 0.96025) = 4.95 -> 5, so 4 of 5 is too small.
   * Polres (n 1): 20 / 9 x 25 = 55.555... -> 55.56, D (Tidak Baik); population 1, minimum 1.
   * Hall (n 5): sums 17 15 15 20 17 17 19 15 17 = 152; NRR U1 3.400, U3 3.000, U7 3.800;
   *   IKM 152 / 45 x 25 = 84.444... -> 84.44, B (Baik); population 6, minimum
   *   3.841 x 6 x 0.25 / (0.0025 x 5 + 0.96025) = 5.92 -> 6, so 5 of 6 is too small.
   */
  static void answerSurveys() {
    List<List<Integer>> dukcapil = List.of(List.of(4, 4, 4, 4, 4, 4, 4, 4, 4), List.of(4, 3, 4, 4, 4, 4, 4, 3, 4),
        List.of(3, 3, 3, 4, 3, 4, 4, 3, 3), List.of(4, 3, 3, 4, 4, 3, 4, 3, 4));
    List<String> done = TOKENS.stream()
        .filter(t -> f.api().get("/api/v1/surveys/" + t, null).json().getBoolean("open")).toList();
    assertThat(done).hasSize(6);
    List<String> skck = List.of(TOKENS.get(5), TOKENS.get(6));
    List<String> dukcapilDone = done.stream().filter(t -> !skck.contains(t)).toList();
    String polresDone = done.stream().filter(skck::contains).findFirst().orElseThrow();
    for (int i = 0; i < dukcapil.size(); i++) {
      JsonObject body = new JsonObject().put("ticket", dukcapilDone.get(i))
          .put("answers", new io.vertx.core.json.JsonArray(dukcapil.get(i)));
      if (i == 0) {
        body.put("comment", "Cepat dan ramah <b>terima kasih</b>");
      }
      assertThat(f.api().post("/api/v1/surveys", null, body).status()).isEqualTo(201);
    }
    JsonObject polres = new JsonObject().put("ticket", polresDone)
        .put("answers", new io.vertx.core.json.JsonArray(List.of(2, 2, 1, 4, 2, 2, 3, 2, 2)))
        .put("comment", "Antrean SKCK terlalu lama.");
    assertThat(f.api().post("/api/v1/surveys", null, polres).status()).isEqualTo(201);
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

  /** One element's picture, at full size, to look at closely. */
  void shoot(String css, String name) {
    try {
      java.nio.file.Files.createDirectories(SHOTS);
      java.nio.file.Files.write(SHOTS.resolve(name), browser.find(css).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
    assertThat(text("[data-tile=issued]")).contains("Tiket diambil").contains("9"); // 8 walk-ins, 1 booking
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
    // the booking panel: per service booked, cancelled, checked in, no-show, still open and the rate
    assertThat(text("#bookings-title")).isEqualToIgnoringCase("Booking daring"); // headings are upper case
    Map<String, String> ktp = new java.util.LinkedHashMap<>();
    for (String col : List.of("booked", "cancelled", "checkedIn", "noShow", "open", "noShowPct")) {
      ktp.put(col, text("#bookings [data-service=KTP] [data-col=" + col + "]"));
    }
    assertThat(ktp).isEqualTo(Map.of("booked", "3", "cancelled", "1", "checkedIn", "1", "noShow", "0", "open", "1",
        "noShowPct", "0,0 %"));
    assertThat(text("#bookings thead")).contains("Dipesan").contains("Check-in").contains("Tidak datang")
        .contains("Tingkat tidak datang");
    assertThat(text("#bookings")).doesNotContain("3209").doesNotContain("0812");
    browser.size(1366, 2600);
    browser.screenshot(SHOTS.resolve("statistics.png"));
    shoot("section[aria-labelledby=bookings-title]", "statistics-bookings.png");

    browser.find("#lang").click();
    browser.until(d -> text("[data-tile=issued]").contains("Tickets issued"));
    assertThat(text("#summary")).contains("Waiting time (minutes)");
    assertThat(text("#bookings-title")).isEqualToIgnoringCase("Online bookings");
    assertThat(text("#bookings thead")).contains("Booked").contains("No-show rate");
    assertThat(text("#bookings [data-service=KTP] [data-col=noShowPct]")).isEqualTo("0.0 %");
    shoot("section[aria-labelledby=bookings-title]", "statistics-bookings-en.png");
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
    assertThat(text("#bookings")).contains("Tidak ada booking pada periode ini.").doesNotContain("KTP");
    browser.size(1366, 2300);
    browser.screenshot(SHOTS.resolve("statistics-polres.png"));
  }

  @Test
  void theMonthlyReportPrintsOnA4WithTheIkmOfTheHallAndEachAgency() {
    signIn("manager");
    browser.go(base() + "/manager/report?month=2026-11");
    browser.until(d -> "ready".equals(browser.body("state")));
    assertThat(text("#heading")).isEqualTo("Laporan Pelayanan Bulan November 2026");
    assertThat(text("#t-agencies")).contains("Disdukcapil").contains("Polres").doesNotContain("Kedaluwarsa");
    assertThat(text("#t-hall")).contains("6"); // served, as the survey's population below

    assertThat(text("[data-scope=hall] .ikm-index dd")).isEqualTo("84,44");
    assertThat(text("[data-scope=hall] .ikm-grade dd")).isEqualTo("B (Baik)");
    assertThat(text("[data-scope=hall] .ikm-respondents dd"))
        .isEqualTo("5 (minimal 6) sampel belum cukup: 5 dari minimal 6");
    assertThat(text("[data-scope=hall] .ikm-population dd")).isEqualTo("6 kunjungan dilayani");
    assertThat(text("[data-scope=hall] [data-element=U1] td.num")).isEqualTo("3,400");
    assertThat(text("[data-scope=hall] [data-element=U3] td.num")).isEqualTo("3,000");
    assertThat(text("[data-scope=hall] [data-element=U7]")).isEqualTo("U7 Perilaku pelaksana 3,800");
    assertThat(text("[data-scope=hall] .ikm-comments"))
        .contains("Antrean SKCK terlalu lama.").contains("Cepat dan ramah <b>terima kasih</b>");
    assertThat(browser.js("return document.querySelector('#ikm b') === null;")).as("comments are text").isEqualTo(true);

    assertThat(text("[data-scope=DUKCAPIL] .ikm-index dd")).isEqualTo("91,67");
    assertThat(text("[data-scope=DUKCAPIL] .ikm-grade dd")).isEqualTo("A (Sangat Baik)");
    assertThat(text("[data-scope=DUKCAPIL] .ikm-respondents dd")).contains("sampel belum cukup: 4 dari minimal 5");
    assertThat(text("[data-scope=DUKCAPIL] [data-element=U2] td.num")).isEqualTo("3,250");
    assertThat(text("[data-scope=POLRES] .ikm-index dd")).isEqualTo("55,56");
    assertThat(text("[data-scope=POLRES] .ikm-grade dd")).isEqualTo("D (Tidak Baik)");
    assertThat(text("[data-scope=POLRES] .ikm-respondents dd")).isEqualTo("1 (minimal 1)");
    assertThat(text("[data-scope=POLRES] .ikm-population dd")).isEqualTo("1 kunjungan dilayani");
    assertThat(browser.js("return getComputedStyle(document.querySelector('.ikm-table td.num')).textAlign;"))
        .isEqualTo("right");
    // the statistics' "served" and the survey's population count the same visits here (no transfers)
    String manager = f.login("manager");
    io.vertx.core.json.JsonArray rows = f.api().get("/api/v1/stats/summary?from=2026-11-01&to=2026-11-30&groupBy=agency",
        manager).json().getJsonArray("rows");
    assertThat(rows).hasSize(2);
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      JsonObject ikm = f.api().get("/api/v1/stats/ikm?from=2026-11-01&to=2026-11-30&agency=" + row.getString("key"),
          manager).json();
      assertThat(ikm.getInteger("population")).as(row.getString("key")).isEqualTo(row.getInteger("served"));
    }

    browser.size(1000, 3000);
    browser.screenshot(SHOTS.resolve("report.png"));
    shoot("#ikm", "report-ikm.png");
    // A4 is 794 CSS pixels wide at 96 dpi: the print layout at that width
    browser.size(794, 3000);
    browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    Object overflow = browser.js("return document.querySelector('#t-services').scrollWidth"
        + " <= document.querySelector('#report').clientWidth + 1;");
    assertThat(overflow).as("the widest table fits the page").isEqualTo(true);
    assertThat(browser.js("return getComputedStyle(document.querySelector('.report-tools')).display;")).isEqualTo("none");
    assertThat(browser.js("return [...document.querySelectorAll('.ikm-scope')].map(e => getComputedStyle(e).breakInside);"))
        .as("no scope of the SKM section is split across pages").isEqualTo(List.of("avoid", "avoid", "avoid"));
    browser.screenshot(SHOTS.resolve("report-print.png"));
    shoot("#ikm", "report-ikm-print.png");
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

  @Test
  void theReportIsInEnglishWhenSwitched() {
    signIn("manager");
    browser.go(base() + "/manager/report?month=2026-11");
    browser.until(d -> "ready".equals(browser.body("state")));
    browser.find("#lang").click();
    browser.until(d -> text("#heading").startsWith("Service report"));
    browser.until(d -> text("[data-scope=hall] .ikm-grade dd").equals("B (Good)"));
    assertThat(text("[data-scope=hall] .ikm-index dd")).isEqualTo("84.44");
    assertThat(text("[data-scope=hall] .ikm-respondents dd")).contains("sample too small: 5 of at least 6");
    assertThat(text("[data-scope=hall] [data-element=U7]")).isEqualTo("U7 Conduct of the staff 3.800");
    assertThat(text("[data-scope=POLRES] .ikm-population dd")).isEqualTo("1 visit served");
    browser.size(1000, 3000);
    shoot("#ikm", "report-ikm-en.png");
    browser.find("#lang").click();
    browser.until(d -> text("#heading").startsWith("Laporan"));
  }

  @Test
  void aMonthWithoutRespondentsSaysSoInOneSentence() {
    signIn("manager");
    browser.go(base() + "/manager/report?month=2026-10");
    browser.until(d -> "ready".equals(browser.body("state")));
    assertThat(text("#ikm")).isEqualTo("Seluruh aula Belum ada responden SKM pada periode ini. Populasi: 0 kunjungan dilayani");
    assertThat(text("#ikm")).doesNotContain("null");
    browser.size(1000, 1400);
    browser.screenshot(SHOTS.resolve("report-empty.png"));
  }
}
