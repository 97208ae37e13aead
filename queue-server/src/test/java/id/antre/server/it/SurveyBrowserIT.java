package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SKM survey in a real headless Chromium: on the visitor's phone (390x844) once the visit is
 * DONE, and on the counter's tablet (800x1280), which shows the visit its counter just finished.
 */
@BrowserLane
class SurveyBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final int[] ANSWERS = {4, 3, 4, 2, 3, 4, 4, 1, 3};

  HallFixture fixture;
  TestServer hall;
  Browser browser;
  String officer;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    hall = fixture.hall;
    officer = hall.login("petugas-dukcapil");
    hall.api.post("/api/v1/counters/1/open", officer, (String) null);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    fixture.close();
  }

  String issue() {
    Api.Response r = hall.api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KTP"));
    assertThat(r.status()).isEqualTo(201);
    return r.json().getString("trackingToken");
  }

  void serveAndFinish() {
    assertThat(hall.api.post("/api/v1/counters/1/call-next", officer, (String) null).status()).isEqualTo(200);
    assertThat(hall.api.post("/api/v1/counters/1/start", officer, (String) null).status()).isEqualTo(200);
    assertThat(hall.api.post("/api/v1/counters/1/finish", officer, (String) null).status()).isEqualTo(200);
  }

  void answerAll() {
    for (int i = 0; i < 9; i++) {
      browser.click("[data-element='" + (i + 1) + "'] [data-score='" + ANSWERS[i] + "']");
    }
    browser.until(d -> "9".equals(browser.find(".survey-form").getDomAttribute("data-answered")));
  }

  Row stored(String token) {
    var rows = fixture.pool.preparedQuery("SELECT * FROM survey_response WHERE tracking_token = $1")
        .execute(Tuple.of(token)).await();
    return rows.size() == 0 ? null : rows.iterator().next();
  }

  @Test
  void aVisitorAnswersOnTheirPhoneOnceServedAndIsNotAskedAgain() {
    String token = issue();
    browser = Browser.open(390, 844);
    browser.go("http://127.0.0.1:" + hall.server.port() + "/t/" + token);
    browser.until(d -> "WAITING".equals(browser.body("status")));
    assertThat(browser.body("survey")).as("no survey before the visit is done").isEmpty();

    serveAndFinish();
    browser.until(d -> "DONE".equals(browser.body("status")));
    browser.until(d -> "open".equals(browser.body("survey")));
    assertThat(browser.text(".survey-invite")).contains("Bagaimana pelayanan kami hari ini?").contains("9 pertanyaan");
    browser.screenshot(SHOTS.resolve("survey-phone-invite.png"));

    browser.click("[data-action=start-survey]");
    browser.until(d -> "form".equals(browser.body("survey")));
    browser.screenshot(SHOTS.resolve("survey-phone-questions.png"));
    assertThat(browser.find("[data-action=send-survey]").isEnabled()).as("not before all nine").isFalse();
    assertThat(browser.text("[data-element='1']")).containsIgnoringCase("Persyaratan").contains("Sangat sesuai");
    assertThat(browser.text("[data-element='4']")).contains("Gratis");
    answerAll();
    // English on the way, and back: the answers given so far stay
    browser.click("#lang");
    browser.until(d -> browser.text("[data-element='3']").contains("How fast was the service?"));
    assertThat(browser.find(".survey-form").getDomAttribute("data-answered")).isEqualTo("9");
    assertThat(browser.find("[data-element='3'] [data-score='4']").getDomAttribute("aria-pressed")).isEqualTo("true");
    browser.screenshot(SHOTS.resolve("survey-phone-english.png"));
    browser.click("#lang");
    browser.until(d -> browser.text("[data-element='3']").contains("kecepatan waktu"));
    browser.click(".survey-profile summary");
    browser.click("[data-field=ageBand][data-choice='30-39']");
    browser.click("[data-field=sex][data-choice=P]");
    browser.find("#survey-comment").sendKeys("Petugas ramah, antrean tertib.");
    browser.screenshot(SHOTS.resolve("survey-phone-form.png"));
    browser.js("document.querySelector('[data-action=send-survey]').scrollIntoView({block: 'center'});");
    browser.screenshot(SHOTS.resolve("survey-phone-form-end.png"));
    browser.click("[data-action=send-survey]");

    browser.until(d -> "sent".equals(browser.body("survey")));
    assertThat(browser.text(".survey-thanks")).contains("Terima kasih!");
    browser.screenshot(SHOTS.resolve("survey-phone-thanks.png"));
    Row row = stored(token);
    assertThat(row).isNotNull();
    assertThat(row.getString("channel")).isEqualTo("phone");
    for (int i = 0; i < 9; i++) {
      assertThat(row.getInteger("u" + (i + 1))).isEqualTo(ANSWERS[i]);
    }
    assertThat(row.getString("age_band")).isEqualTo("30-39");
    assertThat(row.getString("sex")).isEqualTo("P");
    assertThat(row.getString("education")).isNull();
    assertThat(row.getString("comment")).isEqualTo("Petugas ramah, antrean tertib.");

    browser.driver.navigate().refresh();
    browser.until(d -> "answered".equals(browser.body("survey")));
    assertThat(browser.text(".survey-done")).contains("sudah kami terima");
    assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("[data-action=start-survey]"))).isEmpty();
  }

  @Test
  void theCountersTabletShowsTheSurveyOfTheVisitItJustFinished() {
    String device = hall.server.demoSecrets().get("survey-1");
    browser = Browser.open(800, 1280);
    browser.go("http://127.0.0.1:" + hall.server.port() + "/survey?device=" + device);
    browser.until(d -> "idle".equals(browser.body("screen")));
    assertThat(browser.driver.getCurrentUrl()).as("the token leaves the address").doesNotContain("device");
    assertThat(browser.text("main")).contains("survei singkat akan muncul di sini");
    browser.screenshot(SHOTS.resolve("survey-tablet-idle.png"));

    String token = issue();
    serveAndFinish();
    browser.until(d -> "form".equals(browser.body("screen")));
    assertThat(browser.body("ticket")).isEqualTo("A001");
    assertThat(browser.text(".tablet-number")).contains("A001");
    answerAll();
    browser.screenshot(SHOTS.resolve("survey-tablet-form.png"));
    browser.click("[data-action=send-survey]");
    browser.until(d -> "thanks".equals(browser.body("screen")));
    browser.screenshot(SHOTS.resolve("survey-tablet-thanks.png"));
    Row row = stored(token);
    assertThat(row).isNotNull();
    assertThat(row.getString("channel")).isEqualTo("tablet");
    assertThat(row.getString("counter_id")).isEqualTo("1");
    browser.until(d -> "idle".equals(browser.body("screen")));

    // the token was kept: a reload without it goes on as the same tablet
    browser.go("http://127.0.0.1:" + hall.server.port() + "/survey");
    browser.until(d -> "idle".equals(browser.body("screen")));
  }

  @Test
  void aTabletWithoutItsTokenAsksForItAndRefusesAWrongOne() {
    browser = Browser.open(800, 1280);
    browser.go("http://127.0.0.1:" + hall.server.port() + "/survey");
    browser.until(d -> "setup".equals(browser.body("screen")));
    browser.find("#device-token").sendKeys(hall.kioskToken());
    browser.click("[data-action=save-token]");
    browser.until(d -> "setup".equals(browser.body("screen")) && browser.text("main").contains("ditolak"));
    browser.screenshot(SHOTS.resolve("survey-tablet-refused.png"));
    browser.find("#device-token").sendKeys(hall.server.demoSecrets().get("survey-1"));
    browser.click("[data-action=save-token]");
    browser.until(d -> "idle".equals(browser.body("screen")));
  }
}
