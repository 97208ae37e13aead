package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Actions;

/**
 * The kiosk in a real headless Chromium at 1080x1920 against a real server and database: the
 * whole flow by touch and by keyboard, one ticket per double tap, quota and closing hours, and a
 * printer that fails. A print agent is simulated by a WebSocket client with the agent's token.
 */
@BrowserLane
class KioskBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(20);
  /** Monday 30 November 2026, 09:00 in Jakarta. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T02:00:00Z");
  /** Saturday 28 November 2026, 09:00 in Jakarta: the small hall is closed on Saturdays. */
  static final Instant SATURDAY_MORNING = Instant.parse("2026-11-28T02:00:00Z");

  HallFixture fixture;
  TestServer hall;
  Pool pool;
  Browser browser;
  WsClient agent;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(MONDAY_MORNING, false);
    hall = fixture.hall;
    pool = fixture.pool;
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
    return "http://127.0.0.1:" + hall.server.port();
  }

  /** A kiosk registered once with its device token, as the hall's staff would set it up. */
  void openKiosk(int width, int height) {
    browser = Browser.open(width, height);
    browser.go(base() + "/kiosk?device=" + hall.kioskToken());
    awaitScreen("start");
    // the token is kept on the device and taken out of the address bar
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("device=");
  }

  void awaitScreen(String screen) {
    browser.until(d -> screen.equals(browser.body("screen")));
  }

  /** A print agent for kiosk-1, online. */
  WsClient connectAgent() {
    WsClient ws = new WsClient(hall.server.port());
    ws.send(new JsonObject().put("type", "subscribe").put("topics", new io.vertx.core.json.JsonArray().add("printer:kiosk-1"))
        .put("token", hall.server.demoSecrets().get("printer-1")));
    ws.next("snapshot");
    ws.next(m -> "ack".equals(m.getString("type")) || "printer".equals(m.getString("type")), WAIT);
    return ws;
  }

  long tickets() {
    return TestDb.count(pool, "SELECT count(*) FROM ticket").await();
  }

  void click(String css) {
    browser.until(d -> browser.find(css).isDisplayed());
    browser.find(css).click();
  }

  void shot(String name) {
    browser.screenshot(SHOTS.resolve(name));
  }

  /** What the QR code on screen says, read from a screenshot of it as a phone camera would. */
  String decodeQr() {
    return QrScan.read(browser.find("#qr").getScreenshotAs(OutputType.BYTES));
  }

  /** The tracking token of the address in the QR code, checked to point at this hall's phone page. */
  String trackingTokenFromQr() {
    String url = decodeQr();
    assertThat(url).startsWith(base() + "/t/");
    return url.substring((base() + "/t/").length());
  }

  /** Presses Tab until the element has the focus (as a keyboard user would), then Enter. */
  void tabAndEnter(String css) {
    for (int i = 0; i < 40; i++) {
      new Actions(browser.driver).sendKeys(Keys.TAB).perform();
      Boolean there = (Boolean) browser.js("return document.activeElement.matches(arguments[0]);", css);
      if (Boolean.TRUE.equals(there)) {
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        return;
      }
    }
    throw new AssertionError("Tab never reached " + css);
  }

  @Test
  void aVisitorTakesANumberByTouchAndTheScreenShowsTheIssuedTicketWithAWorkingQrCode() {
    agent = connectAgent();
    openKiosk(1080, 1920);
    assertThat(browser.text("h1")).isEqualTo("Selamat datang");
    assertThat(browser.text(".hall-name")).isEqualTo("MPP UJI");
    shot("kiosk-start.png");

    click("[data-agency=DUKCAPIL]");
    awaitScreen("services");
    assertThat(browser.text("[data-service=KTP]")).contains("KTP-el").contains("Sisa kuota 5000");
    shot("kiosk-services.png");

    click("[data-service=KTP]");
    awaitScreen("confirm");
    assertThat(browser.text(".priority")).contains("Petugas dapat meminta bukti");
    click("[data-priority=lansia]");
    click("[data-action=issue]");
    awaitScreen("issued");

    // the agent gets the job and prints it; the kiosk tells the visitor to take the paper
    JsonObject job = agent.next("print");
    agent.send(new JsonObject().put("type", "print-result").put("job", job.getLong("job")).put("status", "printed"));
    browser.until(d -> "printed".equals(browser.body("printStatus")));
    assertThat(browser.text("#print-status")).contains("Silakan ambil tiket Anda");

    String number = browser.text(".number");
    String token = trackingTokenFromQr();
    JsonObject tracked = hall.api.get("/api/v1/tickets/" + token, null).json();
    assertThat(tracked.getString("number")).isEqualTo(number).isEqualTo("A001");
    assertThat(tracked.getString("priority")).isEqualTo("lansia");
    assertThat(job.getLong("ticketId")).isEqualTo(tracked.getLong("id"));
    assertThat(browser.text(".screen-issued")).contains("Perkiraan menunggu").contains("Di depan Anda")
        .contains("Prioritas: Lansia");
    assertThat(browser.body("countdown")).isNotEmpty();
    assertThat(tickets()).isEqualTo(1);
    shot("kiosk-issued.png");

    click("[data-action=done]");
    awaitScreen("start");
  }

  @Test
  void aDoubleTapAndALostAnswerStillIssueExactlyOneTicketAfterTheLongQueueWarning() {
    for (int i = 0; i < 15; i++) {
      hall.api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KK"));
    }
    openKiosk(1080, 1920);
    click("[data-agency=DUKCAPIL]");
    click("[data-service=KK]");
    awaitScreen("confirm");
    assertThat(browser.text("[data-notice=many-waiting]")).contains("15 orang sedang menunggu. Lanjutkan");
    assertThat(browser.text("[data-action=issue]")).isEqualTo("Ya, ambil nomor");
    shot("kiosk-confirm.png");
    // the first answer is lost on its way back: the kiosk must ask again with the same request id
    browser.js("""
        const real = window.fetch; let lost = false;
        window.fetch = async (...a) => {
          const r = await real(...a);
          if (String(a[0]).endsWith('/tickets') && !lost) { lost = true; throw new TypeError('connection reset'); }
          return r;
        };""");
    new Actions(browser.driver).doubleClick(browser.find("[data-action=issue]")).perform();
    browser.js("document.querySelector('[data-action=issue]')?.click();");
    awaitScreen("issued");
    assertThat(browser.text(".number")).isEqualTo("B016");
    assertThat(tickets()).isEqualTo(16);
  }

  @Test
  void aVisitorCanDoTheWholeFlowWithTheKeyboardAlone() {
    openKiosk(1920, 1080);
    tabAndEnter("[data-agency=DUKCAPIL]");
    awaitScreen("services");
    tabAndEnter("[data-service=AKTA]");
    awaitScreen("confirm");
    tabAndEnter("[data-priority=ibu-hamil]");
    assertThat(browser.find("[data-priority=ibu-hamil]").getAttribute("aria-checked")).isEqualTo("true");
    tabAndEnter("[data-action=issue]");
    awaitScreen("issued");
    assertThat(browser.text(".number")).isEqualTo("C001");
    assertThat(hall.api.get("/api/v1/tickets/" + trackingTokenFromQr(), null).json().getString("priority"))
        .isEqualTo("ibu-hamil");
    shot("kiosk-issued-landscape.png");
  }

  @Test
  void aServiceWhoseQuotaIsUsedUpCannotBeChosenAndALateTapGetsThePlainReason() {
    for (int i = 0; i < 2; i++) {
      assertThat(hall.api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "SKCK")).status())
          .isEqualTo(201);
    }
    openKiosk(1080, 1920);
    click("[data-agency=POLRES]");
    click("[data-service=SKCK]");
    awaitScreen("confirm");
    // someone else takes the last number while this visitor reads the screen
    assertThat(hall.api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "SKCK")).status())
        .isEqualTo(201);
    click("[data-action=issue]");
    awaitScreen("error");
    assertThat(browser.find(".error-detail").getAttribute("data-code")).isEqualTo("QUOTA_EXHAUSTED");
    assertThat(browser.text(".error-detail")).isNotBlank();

    click("[data-action=services]");
    awaitScreen("services");
    browser.until(d -> "false".equals(browser.find("[data-service=SKCK]").getAttribute("data-available")));
    assertThat(browser.text("[data-service=SKCK]")).contains("Kuota hari ini habis");
    browser.click("[data-service=SKCK]");
    assertThat(browser.body("screen")).isEqualTo("services");
    assertThat(tickets()).isEqualTo(3);
    shot("kiosk-quota-full.png");
  }

  @Test
  void aClosedServiceSaysWhyAndWhenItOpensAgain() {
    fixture.close();
    fixture = HallFixture.smallHall(SATURDAY_MORNING, true);
    hall = fixture.hall;
    pool = fixture.pool;
    openKiosk(1080, 1920);
    click("[data-agency=DUKCAPIL]");
    awaitScreen("services");
    String ktp = browser.text("[data-service=KTP]");
    assertThat(browser.find("[data-service=KTP]").getAttribute("data-available")).isEqualTo("false");
    assertThat(ktp).contains("Tutup").contains("Layanan tidak buka hari ini").contains("Buka lagi Senin, 30 November");
    shot("kiosk-closed.png");

    click("#lang");
    browser.until(d -> browser.text("[data-service=KTP]").contains("Not open today"));
    assertThat(browser.text("[data-service=KTP]")).contains("Opens Monday, 30 November");
  }

  @Test
  void whenThePrinterFailsTheNumberAndQrStayOnScreenWithAClearMessage() {
    agent = connectAgent();
    openKiosk(1080, 1920);
    click("[data-agency=DUKCAPIL]");
    click("[data-service=KTP]");
    click("[data-action=issue]");
    awaitScreen("issued");
    assertThat(browser.text("#print-status")).contains("Tiket sedang dicetak");

    long job = agent.next("print").getLong("job");
    for (int attempt = 0; attempt < 3; attempt++) {
      agent.send(new JsonObject().put("type", "print-result").put("job", job).put("status", "failed")
          .put("reason", "PAPER_OUT"));
      agent.next(m -> "ack".equals(m.getString("type")) && "print-result".equals(m.getString("for")), WAIT);
    }
    browser.until(d -> "failed".equals(browser.body("printStatus")));
    assertThat(browser.text("#print-status"))
        .contains("Tiket tidak dapat dicetak. Silakan foto layar ini atau pindai kode QR");
    assertThat(browser.text(".number")).isEqualTo("A001");
    assertThat(trackingTokenFromQr()).isNotBlank();
    // longer than the usual 20 s, so there is time to take a photo
    assertThat(Integer.parseInt(browser.body("countdown"))).isGreaterThan(40);
    shot("kiosk-print-failed.png");
  }

  @Test
  void aKioskWithoutItsDeviceTokenSaysItIsNotRegistered() {
    browser = Browser.open(1080, 1920);
    browser.go(base() + "/kiosk");
    awaitScreen("setup");
    assertThat(browser.text(".setup")).contains("Perangkat belum terdaftar");
  }
}
