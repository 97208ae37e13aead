package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A transfer to a service that does not serve today (ATR/BPN has no Friday desk in the demo hall)
 * is refused with the reason; the counter terminal shows it in the page's language and asks, and
 * only the officer's confirmation sends the visitor there.
 */
@BrowserLane
class ClosedTransferBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  /** Friday 4 December 2026, 09:00 in Jakarta. */
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

  String url(String path) {
    return "http://127.0.0.1:" + fixture.port() + path;
  }

  String issue(String service) {
    Api.Response r = api.post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", service));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("number");
  }

  long count(String sql) {
    return TestDb.count(fixture.pool, sql).await();
  }

  void keys(CharSequence... keys) {
    new Actions(browser.driver).sendKeys(keys).perform();
  }

  @Test
  void theApiRefusesATransferToAServiceClosedTodayUnlessForcedAndChangesNothing() {
    issue("KTP");
    String officer = fixture.login("petugas-dukcapil");
    api.post("/api/v1/counters/1/open", officer, (String) null);
    api.post("/api/v1/counters/1/call-next", officer, (String) null);
    api.post("/api/v1/counters/1/start", officer, (String) null);

    Api.Response refused = api.post("/api/v1/counters/1/transfer", officer,
        new JsonObject().put("service", "SERTIFIKAT"));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.code()).isEqualTo("SERVICE_CLOSED");
    assertThat(refused.json().getString("detail")).contains("tidak buka hari ini").contains("Not open today");
    assertThat(count("SELECT count(*) FROM ticket WHERE service = 'SERTIFIKAT'")).isZero();
    assertThat(count("SELECT count(*) FROM ticket WHERE status = 'SERVING'")).isOne();

    Api.Response bad = api.post("/api/v1/counters/1/transfer", officer,
        "{\"service\":\"SERTIFIKAT\",\"force\":\"yes\"}");
    assertThat(bad.status()).isEqualTo(400);

    Api.Response forced = api.post("/api/v1/counters/1/transfer", officer,
        new JsonObject().put("service", "SERTIFIKAT").put("force", true));
    assertThat(forced.status()).as(forced.body()).isEqualTo(200);
    assertThat(forced.json().getString("service")).isEqualTo("SERTIFIKAT");
    assertThat(forced.json().getString("status")).isEqualTo("WAITING");

    // an open target needs no confirmation
    api.post("/api/v1/counters/1/call-next", officer, (String) null);
  }

  /** Signs in at Loket 1, calls and starts the waiting ticket, and asks to transfer it to ATR/BPN. */
  void transferToSertifikat(String number, String query) {
    browser = Browser.open(1366, 768);
    browser.go(url("/counter" + query));
    browser.until(d -> "login".equals(browser.body("view")));
    browser.find("#username").sendKeys("petugas-dukcapil");
    browser.find("#password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
    browser.until(d -> "picker".equals(browser.body("view"))
        && !browser.driver.findElements(By.cssSelector("[data-counter]")).isEmpty());
    browser.find("[data-counter='1']").click();
    browser.until(d -> "terminal".equals(browser.body("view")) && !browser.body("counterState").isEmpty());
    browser.find("#act-open").click();
    browser.until(d -> "OPEN".equals(browser.body("counterState")) && "true".equals(browser.body("connected")));

    keys(Keys.F1);
    browser.until(d -> number.equals(browser.body("currentNumber")) && browser.body("pending").isEmpty());
    keys(Keys.F3);
    browser.until(d -> "SERVING".equals(browser.body("currentStatus")) && browser.body("pending").isEmpty());
    keys(Keys.F7);
    browser.until(d -> browser.find("#dlg-transfer").isDisplayed());
    assertThat(browser.text("#transfer-list")).contains("Pendaftaran dan Pengecekan Sertifikat · ATR/BPN")
        .doesNotContain("(SERTIFIKAT)").doesNotContain("(BPJSINFO)");
    browser.find("#transfer-search").sendKeys("sertifikat");
    keys(Keys.ARROW_DOWN);
    keys(Keys.SPACE);
    keys(Keys.ENTER);
    browser.until(d -> browser.find("#dlg-closed").isDisplayed());
  }

  @Test
  void inEnglishTheTerminalShowsTheEnglishReasonOnly() {
    String number = issue("KTP");
    transferToSertifikat(number, "?lang=en");
    assertThat(browser.text("#closed-reason")).isEqualTo("The target service does not serve any more today: Not open today");
    assertThat(browser.text("#dlg-closed")).contains("Transfer anyway").doesNotContain("tidak");
  }

  @Test
  void theTerminalShowsTheReasonInItsLanguageAndTransfersOnlyOnceTheOfficerConfirms() {
    String number = issue("KTP");
    transferToSertifikat(number, "");
    String reason = browser.text("#closed-reason");
    assertThat(reason).contains("Pendaftaran dan Pengecekan Sertifikat tidak melayani lagi hari ini")
        .contains("Layanan tidak buka hari ini").doesNotContain("(").doesNotContain("Not open");
    assertThat(browser.text("#dlg-closed")).contains("Tetap alihkan");
    browser.screenshot(SHOTS.resolve("counter-transfer-closed-1366.png"));
    assertThat(count("SELECT count(*) FROM ticket WHERE service = 'SERTIFIKAT'")).isZero();

    browser.find("#closed-form button.primary").click();
    browser.until(d -> browser.body("currentNumber").isEmpty() && browser.body("pending").isEmpty());
    assertThat(browser.text("#feedback")).contains("dialihkan ke");
    assertThat(count("SELECT count(*) FROM ticket WHERE service = 'SERTIFIKAT' AND status = 'WAITING'")).isOne();
    // "Dilayani hari ini" keeps the transfer apart from what was served
    browser.until(d -> "1".equals(browser.text("#transferred-today")));
    assertThat(browser.text("#served-today")).isEqualTo("0");
    assertThat(browser.text(".served")).containsIgnoringCase("Dilayani hari ini").contains("Di Loket 1").contains("Oleh Anda")
        .contains("Dialihkan");
    browser.screenshot(SHOTS.resolve("counter-transfer-confirmed-1366.png"));
  }
}
