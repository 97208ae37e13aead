package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The configuration page changes the hall while an open kiosk and an open counter terminal
 * follow it: a new service on the kiosk, the counter's new services on its terminal, no reload.
 */
@BrowserLane
class LiveConfigBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");

  HallFixture fixture;
  final List<Browser> browsers = new ArrayList<>();

  @BeforeEach
  void start() {
    fixture = HallFixture.builder().fixedPort().realClock().start();
  }

  @AfterEach
  void stop() {
    browsers.forEach(Browser::close);
    fixture.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + fixture.port() + path;
  }

  Browser browser(int width, int height) {
    Browser b = Browser.open(width, height);
    browsers.add(b);
    return b;
  }

  /** Types a value into the field of the hall file's path, as a person would (the change event included). */
  static void set(Browser b, String path, String value) {
    b.js("const e = document.querySelector(`[data-path=\"${arguments[0]}\"]`); e.value = arguments[1];"
        + " e.dispatchEvent(new Event('change'));", path, value);
  }

  void signIn(Browser b, String user) {
    b.go(url("/admin/config"));
    b.until(d -> "login".equals(b.body("view")));
    b.find("#username").sendKeys(user);
    b.find("#password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
    b.until(d -> "config".equals(b.body("view")) && "1".equals(b.body("version")));
  }

  @Test
  void aChangeSavedOnThePageShowsOnAnOpenKioskAndAnOpenCounterAtOnce() {
    Browser kiosk = browser(1080, 1920);
    kiosk.go(url("/kiosk?device=" + fixture.kioskToken()));
    kiosk.until(d -> "start".equals(kiosk.body("screen")));
    kiosk.click("[data-agency='DUKCAPIL']");
    kiosk.until(d -> "services".equals(kiosk.body("screen")));

    Browser counter = browser(1366, 768);
    counter.go(url("/counter"));
    counter.until(d -> "login".equals(counter.body("view")));
    counter.find("#username").sendKeys("petugas-dukcapil");
    counter.find("#password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
    counter.until(d -> "picker".equals(counter.body("view"))
        && !counter.driver.findElements(By.cssSelector("[data-counter='2']")).isEmpty());
    counter.click("[data-counter='2']");
    counter.until(d -> "terminal".equals(counter.body("view")) && "true".equals(counter.body("connected")));
    counter.until(d -> !d.findElements(By.cssSelector("[data-service='KTP']")).isEmpty());

    Browser admin = browser(1366, 900);
    signIn(admin, "admin");
    admin.screenshot(SHOTS.resolve("config-page.png"));

    // refused: the file's own message next to the field, nothing changed
    set(admin, "agencies[0].services[0].prefix", "A1");
    admin.click("#save");
    admin.until(d -> "bad".equals(admin.body("status")));
    assertThat(admin.text("[data-path='agencies[0].services[0].prefix'] ~ .field-error, label:has(> [aria-invalid]) .field-error"))
        .contains("'A1' is not one or two upper-case letters");
    admin.screenshot(SHOTS.resolve("config-refused.png"));

    set(admin, "agencies[0].services[0].prefix", "A");
    admin.find("fieldset[data-agency='DUKCAPIL'] > button").click();
    admin.until(d -> !d.findElements(By.cssSelector("[data-path='agencies[0].services[3].code']")).isEmpty());
    set(admin, "agencies[0].services[3].code", "NPWP");
    set(admin, "agencies[0].services[3].prefix", "N");
    set(admin, "agencies[0].services[3].name", "NPWP Pribadi");
    set(admin, "agencies[0].services[3].dailyQuota", "50");
    set(admin, "counters[1].services", "NPWP, KK");
    admin.click("#save");
    admin.until(d -> "ok".equals(admin.body("status")) && "2".equals(admin.body("version")));
    admin.screenshot(SHOTS.resolve("config-saved.png"));

    kiosk.until(d -> !d.findElements(By.cssSelector("[data-service='NPWP']")).isEmpty());
    kiosk.screenshot(SHOTS.resolve("config-kiosk-new-service.png"));
    counter.until(d -> !d.findElements(By.cssSelector("li[data-service='NPWP']")).isEmpty()
        && d.findElements(By.cssSelector("li[data-service='KTP']")).isEmpty());
    counter.screenshot(SHOTS.resolve("config-counter-reassigned.png"));
  }

  @Test
  void aManagerReadsTheConfigurationButCannotSaveIt() {
    Browser b = browser(1366, 900);
    signIn(b, "manager");
    assertThat(b.find("#save").isDisplayed()).isFalse();
    assertThat(b.find("#read-only").isDisplayed()).isTrue();
    assertThat(b.find("[data-path='hall.name']").isEnabled()).isFalse();
    // the administration tabs lead to pages for administrators only
    assertThat(b.find("#nav").isDisplayed()).isFalse();
    assertThat(b.text("#bar-user")).isNotEmpty();
  }
}
