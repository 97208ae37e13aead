package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The manager's hall monitor in a real headless Chromium at 1366x768 against a real server and
 * database: live queue counts, counters with their officers, a kiosk printer that runs out of
 * paper (a print agent simulated by a WebSocket client with the agent's token), the failed job's
 * preview and its cancellation, the wall displays' running text (with a display open in a second
 * browser), and who may use the page at all.
 */
@BrowserLane
class ManagerBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(20);
  /** Monday 30 November 2026, 09:00 in Jakarta. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T02:00:00Z");

  HallFixture fixture;
  MutableClock clock;
  TestServer hall;
  Browser browser;
  /** A wall display open beside the manager's page. */
  Browser display;
  WsClient agent;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(MONDAY_MORNING, false);
    clock = fixture.clock;
    hall = fixture.hall;
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (display != null) {
      display.close();
    }
    if (agent != null) {
      agent.close();
    }
    fixture.close();
  }

  String base() {
    return "http://127.0.0.1:" + hall.server.port();
  }

  /** A print agent for kiosk-1, online. */
  WsClient connectAgent() {
    WsClient ws = new WsClient(hall.server.port());
    ws.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("printer:kiosk-1"))
        .put("token", hall.server.demoSecrets().get("printer-1")));
    ws.next("snapshot");
    ws.next(m -> "ack".equals(m.getString("type")) || "printer".equals(m.getString("type")), WAIT);
    return ws;
  }

  /** A ticket from the kiosk; print=false keeps it off the printer. */
  JsonObject issue(String service, boolean print) {
    Api.Response r = hall.api.post("/api/v1/tickets", hall.kioskToken(),
        new JsonObject().put("service", service).put("print", print));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  void signIn(String user) {
    browser = Browser.open(1366, 768);
    browser.go(base() + "/manager");
    browser.until(d -> "login".equals(browser.body("view")));
    browser.find("#username").sendKeys(user);
    browser.find("#password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
  }

  void awaitMonitor() {
    browser.until(d -> "monitor".equals(browser.body("view")) && "true".equals(browser.body("connected")));
  }

  /*
   * The page redraws a panel whenever an event arrives, so an element found a moment ago may be
   * gone: read text and attributes in one script call instead of through element references.
   */

  /** An attribute of the first element matching, or null. */
  String attr(String css, String name) {
    Object v = browser.js("return document.querySelector(arguments[0])?.getAttribute(arguments[1]) ?? null;", css, name);
    return v == null ? null : v.toString();
  }

  /** The visible text of the first element matching, or "" when there is none. */
  String text(String css) {
    Object v = browser.js("return document.querySelector(arguments[0])?.innerText ?? '';", css);
    return v.toString().replaceAll("\\s+", " ").trim();
  }

  /** A real click, tried again when a redraw replaced the element between finding and clicking it. */
  void click(String css) {
    browser.until(d -> {
      try {
        browser.find(css).click();
        return true;
      } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        return false;
      }
    });
  }

  long count(String css) {
    return ((Number) browser.js("return document.querySelectorAll(arguments[0]).length;", css)).longValue();
  }

  void awaitAttr(String css, String name, String value) {
    browser.until(d -> value.equals(attr(css, name)));
  }

  /** Presses Tab until the element has the focus (as a keyboard user would), then Enter. */
  void tabAndEnter(String css) {
    for (int i = 0; i < 80; i++) {
      new Actions(browser.driver).sendKeys(Keys.TAB).perform();
      if (Boolean.TRUE.equals(browser.js("return document.activeElement.matches(arguments[0]);", css))) {
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        return;
      }
    }
    throw new AssertionError("Tab never reached " + css);
  }

  @Test
  void aManagerWatchesTheHallLiveSeesThePrinterRunOutOfPaperAndCancelsTheFailedJob() {
    agent = connectAgent();
    issue("KTP", false);
    issue("KTP", false);
    issue("KK", false);
    String officer = hall.login("petugas-dukcapil");
    assertThat(hall.api.post("/api/v1/counters/1/open", officer, new JsonObject()).status()).isEqualTo(200);
    assertThat(hall.api.post("/api/v1/counters/1/call-next", officer, new JsonObject()).json().getString("number"))
        .isEqualTo("A001");

    signIn("manager");
    awaitMonitor();
    assertThat(text("#hall-name")).isEqualTo("MPP UJI KOTA UJI");
    assertThat(text("#queues-title")).isEqualToIgnoringCase("Antrean per layanan");
    awaitAttr("[data-service=KTP]", "data-waiting", "1");
    assertThat(text("[data-service=KTP]")).contains("KTP-el").contains("target 30 mnt");
    assertThat(text("[data-counter='1']")).contains("Loket 1").contains("Buka").contains("petugas-dukcapil")
        .contains("A001").contains("dipanggil");
    assertThat(text("[data-service=KTP] td:last-child")).isEqualTo("1"); // counter 1 is open for KTP
    awaitAttr("[data-kiosk=kiosk-1]", "data-status", "ONLINE");

    // the agent finds the paper roll empty
    agent.send(new JsonObject().put("type", "printer-status").put("status", "PAPER_OUT").put("detail", "kertas habis"));
    awaitAttr("[data-kiosk=kiosk-1]", "data-status", "PAPER_OUT");
    assertThat(text("[data-kiosk=kiosk-1]")).contains("Kertas habis").contains("Laporan terakhir");
    assertThat(attr("[data-kiosk=kiosk-1]", "class")).contains("bad");
    assertThat(text("#sum-printers")).isEqualTo("1");

    // a visitor takes a number at the kiosk: the count goes up without a reload, and the job fails three times
    JsonObject ticket = issue("KTP", true);
    awaitAttr("[data-service=KTP]", "data-waiting", "2");
    assertThat(text("#sum-waiting")).isEqualTo("3");
    long job = agent.next("print").getLong("job");
    String row = "[data-job='" + job + "']";
    for (int attempt = 1; attempt <= 3; attempt++) {
      agent.send(new JsonObject().put("type", "print-result").put("job", job).put("status", "failed")
          .put("reason", "PAPER_OUT"));
      agent.next(m -> "ack".equals(m.getString("type")) && "print-result".equals(m.getString("for")), WAIT);
      if (attempt < 3) {
        // the server sends the job again after its retry pause (3 s)
        assertThat(agent.next(m -> "print".equals(m.getString("type")), WAIT).getLong("job")).isEqualTo(job);
        awaitAttr(row, "data-status", "QUEUED");
      }
    }
    awaitAttr(row, "data-status", "FAILED");
    assertThat(text(row)).contains("Tiket " + ticket.getString("number") + " · kiosk-1").contains("Gagal")
        .contains("percobaan ke-3").contains("kertas habis");
    browser.until(d -> text("[data-kiosk=kiosk-1] .failed").equals("1 gagal"));

    // the oldest KK visitor has now waited longer than the service's 30 minute target
    clock.advance(Duration.ofMinutes(42));
    issue("KK", false);
    awaitAttr("[data-service=KK]", "data-over", "true");
    assertThat(text("[data-service=KK]")).contains("42 mnt").contains("melewati target 30 mnt");
    assertThat(attr("#tile-oldest", "data-over")).isEqualTo("true");
    browser.screenshot(SHOTS.resolve("manager.png"));

    // the preview by keyboard: the ticket as the printer would have printed it
    tabAndEnter(row + " [data-action=preview]");
    browser.until(d -> "true".equals(attr("#dlg-preview", "data-loaded")));
    assertThat(((Number) browser.js("return document.getElementById('preview-img').naturalWidth;")).intValue())
        .isGreaterThan(0);
    assertThat(text("#preview-title")).isEqualTo("Pratinjau tiket " + ticket.getString("number"));
    long wide = ((Number) browser.js("return document.getElementById('preview-img').naturalWidth;")).longValue();
    click("[data-paper='58']");
    browser.until(d -> "true".equals(attr("#dlg-preview", "data-loaded"))
        && ((Number) browser.js("return document.getElementById('preview-img').naturalWidth;")).longValue() < wide);
    browser.screenshot(SHOTS.resolve("manager-preview.png"));
    new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    browser.until(d -> !browser.find("#dlg-preview").isDisplayed());

    // cancelling the failed job
    click(row + " [data-action=cancel]");
    awaitAttr(row, "data-status", "CANCELLED");
    assertThat(text("#jobs-feedback")).contains("dibatalkan");
    browser.until(d -> text("[data-kiosk=kiosk-1] .failed").equals("0 gagal"));
    JsonObject printer = hall.api.get("/api/v1/printers", hall.login("manager")).json()
        .getJsonArray("printers").getJsonObject(0);
    assertThat(printer.getLong("failedJobs")).isZero();


    // English is one press away; Indonesian stays the default
    click("#lang");
    browser.until(d -> text("#queues-title").equalsIgnoreCase("Queues by service"));
    assertThat(text("[data-kiosk=kiosk-1]")).contains("Out of paper");
    assertThat(text(row)).contains("Cancelled");
    assertThat(text("[data-service=KK]")).contains("over the 30 min target");
    browser.screenshot(SHOTS.resolve("manager-en.png"));
  }

  @Test
  void aManagersRunningTextReachesAnOpenDisplayWithoutReloadAndTheRestoreButtonBringsBackTheHallFiles() {
    String configured = "Selamat datang di MPP Uji"; // small.yaml's runningText
    display = Browser.open(1920, 1080);
    display.go(base() + "/display?audio=off");
    display.until(d -> "true".equals(display.body("connected")) && configured.equals(display.body("runningText")));

    signIn("manager");
    awaitMonitor();
    browser.until(d -> text("#rt-current").equals(configured));
    assertThat(text("#rt-title")).isEqualToIgnoringCase("Teks berjalan");
    assertThat(browser.find("#rt-text").getDomProperty("value")).isEqualTo(configured);
    assertThat(browser.find("#rt-save").isEnabled()).as("nothing to save yet").isFalse();

    String text = "Besok, 1 Desember, layanan KTP-el hanya sampai pukul 12.00. Terima kasih.";
    browser.find("#rt-text").clear();
    browser.find("#rt-text").sendKeys(text);
    assertThat(text("#rt-count")).isEqualTo(text.length() + "/500 karakter");
    assertThat(attr("#rt-text", "maxlength")).isEqualTo("500");
    click("#rt-save");
    browser.until(d -> text("#rt-current").equals(text));
    assertThat(text("#rt-feedback")).contains("Tersimpan");
    display.until(d -> text.equals(display.body("runningText")));
    assertThat(display.js("return document.getElementById('ticker-text').textContent;")).isEqualTo(text);
    assertThat(hall.api.get("/api/v1/hall", null).json().getString("runningText")).isEqualTo(text);
    browser.screenshot(SHOTS.resolve("manager-running-text.png"));

    click("#rt-reset");
    browser.until(d -> text("#rt-current").equals(configured));
    assertThat(text("#rt-feedback")).contains("dipulihkan");
    assertThat(browser.find("#rt-text").getDomProperty("value")).isEqualTo(configured);
    display.until(d -> configured.equals(display.body("runningText")));

    // another manager's change shows here too, and in English the panel speaks English
    hall.api.send("PUT", "/api/v1/hall/running-text", hall.login("manager"),
        new JsonObject().put("text", "Layanan tutup pukul 12.00").encode());
    browser.until(d -> text("#rt-current").equals("Layanan tutup pukul 12.00"));
    assertThat(browser.find("#rt-text").getDomProperty("value")).isEqualTo("Layanan tutup pukul 12.00");
    click("#lang");
    browser.until(d -> text("#rt-title").equalsIgnoreCase("Running text"));
    assertThat(text("#rt-reset")).isEqualTo("Restore default");
    assertThat(text("#rt-save")).isEqualTo("Save");
  }

  @Test
  void anOfficerIsSentToTheCounterTerminalAndSeesNothingOfTheHall() {
    signIn("petugas-dukcapil");
    browser.until(d -> "notForRole".equals(browser.body("loginMessage")));
    assertThat(text("#login-message")).contains("hanya untuk manajer MPP dan koordinator instansi")
        .contains("petugas").contains("Buka Terminal Loket");
    assertThat(attr("#to-counter", "href")).endsWith("/counter");
    assertThat(browser.body("view")).isEqualTo("login");
    assertThat(browser.find("#view-monitor").isDisplayed()).isFalse();
    assertThat(browser.js("return sessionStorage.getItem('antre.manager.session');")).isNull();
    browser.screenshot(SHOTS.resolve("manager-officer.png"));
  }

  @Test
  void aSupervisorSeesOnlyTheirAgencyAndNoPrintJobActions() {
    issue("SKCK", false);
    issue("KTP", false);
    signIn("koordinator-polres");
    awaitMonitor();
    awaitAttr("[data-service=SKCK]", "data-waiting", "1");
    assertThat(count("[data-service]")).isEqualTo(1);
    assertThat(count("[data-counter]")).isEqualTo(1);
    assertThat(text("[data-counter=P1]")).contains("Loket SKCK").contains("Tutup");
    assertThat(text("#scope")).isEqualTo("Instansi: POLRES");
    assertThat(text("#jobs-hint")).contains("hanya untuk manajer");
    assertThat(count("#jobs [data-action]")).isZero();
    // the running text is shown, not offered for editing
    browser.until(d -> text("#rt-current").equals("Selamat datang di MPP Uji"));
    assertThat(browser.find("#rt-form").isDisplayed()).isFalse();
    assertThat(text("#rt-hint")).contains("Hanya manajer MPP");
  }
}
