package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The three administration pages in a real headless Chromium at 1366x768: an admin creates a user
 * and changes their role, registers a display (its token shown once) and rotates it, and reads the
 * audit trail of it all, then moves on to the configuration page by the same tabs; a manager is
 * sent back to the monitor.
 */
@BrowserLane
class AdminBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final String NEW_PASSWORD = "Loket-Baru-2026";

  HallFixture f;
  Browser browser;

  @BeforeEach
  void start() {
    // the audit page asks for today as the browser sees it: the node runs on the same clock
    f = HallFixture.builder().realClock().start();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    f.close();
  }

  String base() {
    return "http://127.0.0.1:" + f.port();
  }

  void signIn(String page, String user) {
    browser = Browser.open(1366, 768);
    browser.go(base() + page);
    browser.until(d -> "login".equals(browser.body("view")));
    browser.find("#username").sendKeys(user);
    browser.find("#password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
  }

  String row(String table, String key, String value) {
    return browser.until(d -> {
      var rows = d.findElements(By.cssSelector("#" + table + " tr[data-" + key + "='" + value + "']"));
      return rows.isEmpty() ? null : rows.get(0).getText();
    });
  }

  @Test
  void anAdminKeepsUsersAndDevicesAndReadsTheAuditTrail() {
    // from the monitor's bar, signed in once for both
    signIn("/manager", "admin");
    browser.until(d -> "monitor".equals(browser.body("view")) && browser.find("#to-admin").isDisplayed());
    browser.screenshot(SHOTS.resolve("admin-from-monitor.png"));
    browser.click("#to-admin");
    browser.until(d -> "users".equals(browser.body("page")) && "page".equals(browser.body("view")));
    assertThat(row("users", "user", "petugas-dukcapil")).contains("Petugas").contains("Disdukcapil");

    browser.find("#new-username").sendKeys("petugas-baru");
    browser.find("#new-display").sendKeys("Bu Rina");
    new Select(browser.find("#new-role")).selectByValue("officer");
    new Select(browser.find("#new-agency")).selectByValue("POLRES");
    browser.find("#new-password").sendKeys("1234567890");
    browser.click("#create-form button[type=submit]");
    // a weak password is refused with the reason, and nothing is created
    browser.until(d -> browser.find("#page-message").getText().contains("terlalu lemah"));
    assertThat(f.hall.api.get("/api/v1/users", f.login("admin")).body()).doesNotContain("petugas-baru");
    browser.find("#new-password").clear();
    browser.find("#new-password").sendKeys(NEW_PASSWORD);
    browser.click("#create-form button[type=submit]");
    assertThat(row("users", "user", "petugas-baru")).contains("Bu Rina").contains("Polres").contains("Aktif");
    assertThat(browser.text("#page-message")).contains("petugas-baru dibuat");
    assertThat(browser.find("#new-password").getAttribute("value")).isEmpty();

    browser.click("#users tr[data-user='petugas-baru'] button[data-act=edit]");
    new Select(browser.find("#edit-role")).selectByValue("supervisor");
    browser.click("#edit-form button[type=submit]");
    browser.until(d -> row("users", "user", "petugas-baru").contains("Koordinator"));
    browser.screenshot(SHOTS.resolve("admin-users.png"));
    // a password reset, then disabling: the server's answers, through the page
    browser.click("#users tr[data-user='petugas-baru'] button[data-act=reset]");
    browser.find("#reset-password").sendKeys("Sandi-Reset-2026");
    browser.click("#reset-form button[type=submit]");
    browser.until(d -> !browser.find("#reset-dialog").isDisplayed());
    assertThat(f.hall.api.login("petugas-baru", "Sandi-Reset-2026")).isNotEmpty();
    browser.click("#users tr[data-user='petugas-baru'] button[data-act=disable]");
    browser.driver.switchTo().alert().accept();
    // the row's class, not its text: the button of an active account reads "Nonaktifkan" already
    browser.until(d -> !d.findElements(By.cssSelector("#users tr.off[data-user='petugas-baru']")).isEmpty());
    assertThat(f.hall.api.post("/api/v1/auth/login", null, new JsonObject().put("username", "petugas-baru")
        .put("password", "Sandi-Reset-2026")).status()).isEqualTo(401);
    JsonObject changed = new JsonArray(f.hall.api.get("/api/v1/users", f.login("admin")).body()).stream()
        .map(o -> (JsonObject) o).filter(u -> u.getString("username").equals("petugas-baru")).findFirst().orElseThrow();
    assertThat(changed.getString("role")).isEqualTo("supervisor");
    assertThat(changed.getString("agency")).isEqualTo("POLRES");

    browser.click("#nav a[data-page=devices]");
    browser.until(d -> "page".equals(browser.body("view")) && "devices".equals(browser.body("page")));
    assertThat(row("devices", "device", "kiosk-1")).contains("Anjungan");
    new Select(browser.find("#new-kind")).selectByValue("display");
    browser.find("#new-name").sendKeys("Layar Lantai 2");
    browser.find("#new-id").sendKeys("layar-2");
    browser.click("#register-form button[type=submit]");
    String token = browser.until(d -> {
      String v = browser.find("#token").getAttribute("value");
      return v != null && v.startsWith("d1.") ? v : null;
    });
    assertThat(row("devices", "device", "layar-2")).contains("Layar Lantai 2").contains("belum pernah");
    browser.screenshot(SHOTS.resolve("admin-devices.png"));
    // a display is known (403 on a staff route), not unknown (401)
    assertThat(f.hall.api.get("/api/v1/printers", token).status()).isEqualTo(403);

    browser.click("#devices tr[data-device='layar-2'] button[data-act=rotate]");
    browser.driver.switchTo().alert().accept();
    String rotated = browser.until(d -> {
      String v = browser.find("#token").getAttribute("value");
      return v != null && v.startsWith("d1.") && !v.equals(token) ? v : null;
    });
    assertThat(f.hall.api.get("/api/v1/printers", token).status()).isEqualTo(401);
    assertThat(f.hall.api.get("/api/v1/printers", rotated).status()).isEqualTo(403);

    browser.click("#nav a[data-page=audit]");
    browser.until(d -> "audit".equals(browser.body("page")) && !d.findElements(By.cssSelector("#audit tbody tr[data-action]")).isEmpty());
    // the audit's days are the hall's: "today" is the hall's day, not the browser's (UTC here),
    // and the entries' times are the hall's (dd/mm/yyyy in Indonesian)
    String hallToday = f.hall.api.get("/api/v1/hall", null).json().getString("today");
    assertThat(browser.find("#from").getAttribute("value")).isEqualTo(hallToday);
    String audit = browser.text("#audit");
    assertThat(audit).contains(hallToday.substring(8) + "/" + hallToday.substring(5, 7) + "/" + hallToday.substring(0, 4));
    assertThat(audit).contains("device.rotate").contains("device.create").contains("user.update").contains("user.create")
        .contains("auth.login").doesNotContain("Sandi-Reset-2026").contains("petugas-baru").doesNotContain(NEW_PASSWORD).doesNotContain(token);
    browser.screenshot(SHOTS.resolve("admin-audit.png"));
    browser.find("#actor").sendKeys("admin");
    browser.find("#action").sendKeys("device");
    browser.click("#filters button[type=submit]");
    browser.until(d -> !browser.text("#audit").contains("user.create"));
    assertThat(browser.text("#audit")).contains("device.rotate");

    browser.click("#lang");
    browser.until(d -> browser.text("#nav").contains("Audit trail"));
    browser.screenshot(SHOTS.resolve("admin-audit-en.png"));

    // the configuration page carries the same bar and tabs, its own marked, in the language chosen
    browser.click("#nav a[data-page=config]");
    browser.until(d -> "config".equals(browser.body("view")) && browser.find("#nav").isDisplayed());
    assertThat(browser.find("#nav a[aria-current=page]").getAttribute("data-page")).isEqualTo("config");
    assertThat(browser.text("#view-config h1")).isEqualTo("Hall configuration");
    browser.click("#lang");
    browser.until(d -> browser.text("#nav").contains("Jejak audit") && browser.text("#view-config h1").equals("Konfigurasi Aula"));
    assertThat(browser.text("#nav")).contains("Pengguna").contains("Perangkat").contains("Konfigurasi aula");
    browser.screenshot(SHOTS.resolve("admin-config.png"));
  }

  @Test
  void aManagerIsToldThePagesAreForAdministrators() {
    signIn("/manager", "manager");
    browser.until(d -> "monitor".equals(browser.body("view")));
    assertThat(browser.find("#to-admin").isDisplayed()).isFalse();
    browser.go(base() + "/admin/devices");
    browser.until(d -> browser.find("#login-message").isDisplayed());
    assertThat(browser.text("#login-message")).contains("khusus admin");
    assertThat(browser.body("view")).isEqualTo("login");
  }
}
