package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.AntreServer;
import id.antre.server.ServerConfig;
import id.antre.server.lanes.BrowserLane;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A new hall from an empty database, outside demo mode, as its operator sets it up: the first
 * administrator from ANTRE_ADMIN_PASSWORD signs in, adds an agency, a service and a counter on the
 * configuration page, registers an officer and a kiosk; the kiosk issues a ticket, the officer
 * serves it; the audit trail shows each administrative step.
 */
@BrowserLane
class FirstHallBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final String ADMIN_PASSWORD = "Kepala-Aula-Baru-2026";
  static final String OFFICER_PASSWORD = "Loket-Satu-Baru-77";

  HallFixture f;
  AntreServer node;
  final List<Browser> browsers = new ArrayList<>();

  @AfterEach
  void stop() {
    browsers.forEach(Browser::close);
    if (node != null) {
      node.stop().await();
    }
    if (f != null) {
      f.close();
    }
  }

  Browser browser(int width, int height) {
    Browser b = Browser.open(width, height);
    browsers.add(b);
    return b;
  }

  String url(String path) {
    return "http://127.0.0.1:" + node.port() + path;
  }

  static void set(Browser b, String path, String value) {
    b.js("const e = document.querySelector(`[data-path=\"${arguments[0]}\"]`); e.value = arguments[1];"
        + " e.dispatchEvent(new Event('change'));", path, value);
  }

  static ServerConfig newHall(ServerConfig c) {
    return new ServerConfig(c.port(), c.db(), Optional.of(TestServer.resourcePath("/halls/starter.yaml")), false, true,
        Optional.empty(), c.tokenLifetime(), c.verticles(), c.publicUrl(), c.gateway(), c.localPrinter(), c.audioDir(),
        c.limits(), c.httpIdleTimeout(), c.printBacklog(), c.commandDeadline());
  }

  @Test
  void aNewHallIsSetUpThroughItsPagesAndServesItsFirstVisitor() {
    HallFixture.Builder builder = HallFixture.builder().noNode();
    f = builder.start();
    node = new AntreServer(f.vertx, newHall(builder.config(f.db)), f.clock)
        .firstAdmin(Optional.of(new AntreServer.FirstAdminFromEnv("kepala-it", ADMIN_PASSWORD))).start().await();
    assertThat(node.demoSecrets()).as("no demo users or devices").isEmpty();

    // the administrator signs in and sets the hall up
    Browser admin = browser(1366, 900);
    admin.go(url("/admin/config"));
    admin.until(d -> "login".equals(admin.body("view")));
    admin.find("#username").sendKeys("kepala-it");
    admin.find("#password").sendKeys(ADMIN_PASSWORD, Keys.ENTER);
    admin.until(d -> "config".equals(admin.body("view")) && "1".equals(admin.body("version")));
    admin.find("#sec-agencies > button").click();
    admin.until(d -> !d.findElements(By.cssSelector("[data-path='agencies[1].code']")).isEmpty());
    set(admin, "agencies[1].code", "DUKCAPIL");
    set(admin, "agencies[1].name", "Disdukcapil");
    admin.js("document.querySelectorAll('fieldset.agency')[1].querySelector(':scope > button').click();");
    admin.until(d -> !d.findElements(By.cssSelector("[data-path='agencies[1].services[0].code']")).isEmpty());
    set(admin, "agencies[1].services[0].code", "KTP");
    set(admin, "agencies[1].services[0].prefix", "A");
    set(admin, "agencies[1].services[0].name", "Perekaman KTP-el");
    set(admin, "agencies[1].services[0].dailyQuota", "150");
    admin.find("#sec-counters > button").click();
    admin.until(d -> !d.findElements(By.cssSelector("[data-path='counters[1].id']")).isEmpty());
    set(admin, "counters[1].id", "1");
    set(admin, "counters[1].name", "Loket 1");
    set(admin, "counters[1].agency", "DUKCAPIL");
    set(admin, "counters[1].services", "KTP");
    admin.screenshot(SHOTS.resolve("first-hall-config.png"));
    admin.click("#save");
    admin.until(d -> "ok".equals(admin.body("status")) && "2".equals(admin.body("version")));

    // the officer on the users' page, the kiosk on the devices' page (its token shown this once)
    admin.go(url("/admin/users"));
    admin.until(d -> "users".equals(admin.body("page")) && "page".equals(admin.body("view"))
        && !d.findElements(By.cssSelector("#new-agency option[value=DUKCAPIL]")).isEmpty());
    admin.find("#new-username").sendKeys("petugas-ktp");
    admin.find("#new-display").sendKeys("Petugas KTP");
    new Select(admin.find("#new-role")).selectByValue("officer");
    new Select(admin.find("#new-agency")).selectByValue("DUKCAPIL");
    admin.find("#new-password").sendKeys(OFFICER_PASSWORD);
    admin.click("#create-form button[type=submit]");
    admin.until(d -> !d.findElements(By.cssSelector("#users tr[data-user='petugas-ktp']")).isEmpty());
    admin.click("#nav a[data-page=devices]");
    admin.until(d -> "devices".equals(admin.body("page")) && "page".equals(admin.body("view")));
    new Select(admin.find("#new-kind")).selectByValue("kiosk");
    admin.find("#new-name").sendKeys("Anjungan Lantai 1");
    admin.find("#new-id").sendKeys("anjungan-1");
    admin.click("#register-form button[type=submit]");
    String kioskToken = admin.until(d -> {
      String v = admin.find("#token").getAttribute("value");
      return v != null && v.startsWith("d1.") && !d.findElements(By.cssSelector("#devices tr[data-device='anjungan-1']")).isEmpty()
          ? v : null;
    });
    admin.screenshot(SHOTS.resolve("first-hall-devices.png"));

    // a visitor takes a number at the kiosk
    Browser k = browser(1080, 1920);
    k.go(url("/kiosk?kiosk=anjungan-1&device=" + kioskToken));
    k.until(d -> "start".equals(k.body("screen")));
    k.click("[data-agency=DUKCAPIL]");
    k.until(d -> "services".equals(k.body("screen")));
    k.click("[data-service=KTP]");
    k.until(d -> !d.findElements(By.cssSelector("[data-action=issue]")).isEmpty());
    k.click("[data-action=issue]");
    k.until(d -> "issued".equals(k.body("screen")));
    String number = k.text(".number");
    assertThat(number).isEqualTo("A001");

    // the officer signs in and serves the visitor
    Browser c = browser(1366, 768);
    c.go(url("/counter"));
    c.until(d -> "login".equals(c.body("view")));
    c.find("#username").sendKeys("petugas-ktp");
    c.find("#password").sendKeys(OFFICER_PASSWORD, Keys.ENTER);
    c.until(d -> "picker".equals(c.body("view")) && !d.findElements(By.cssSelector("[data-counter='1']")).isEmpty());
    c.click("[data-counter='1']");
    c.until(d -> "terminal".equals(c.body("view")) && !c.body("counterState").isEmpty());
    c.find("#act-open").click();
    c.until(d -> "OPEN".equals(c.body("counterState")) && "true".equals(c.body("connected")));
    new Actions(c.driver).sendKeys(Keys.F1).perform();
    c.until(d -> number.equals(c.body("currentNumber")) && "CALLED".equals(c.body("currentStatus")));
    new Actions(c.driver).sendKeys(Keys.F3).perform();
    c.until(d -> "SERVING".equals(c.body("currentStatus")) && c.body("pending").isEmpty());
    new Actions(c.driver).sendKeys(Keys.F4).perform();
    c.until(d -> c.find("#dlg-finish").isDisplayed());
    new Actions(c.driver).sendKeys(Keys.ENTER).perform();
    c.until(d -> "1".equals(c.body("servedToday")));
    c.screenshot(SHOTS.resolve("first-hall-served.png"));
    assertThat(f.pool.query("SELECT status FROM ticket").execute().await().iterator().next().getString(0))
        .isEqualTo("DONE");

    // the devices' page shows when the kiosk was last seen and what it runs; the audit page each
    // step, without a password or token
    admin.go(url("/admin/devices"));
    String kioskRow = admin.until(d -> {
      var rows = d.findElements(By.cssSelector("#devices tr[data-device='anjungan-1'] td"));
      return rows.size() > 3 && rows.get(3).getText().startsWith("kiosk/") ? rows.get(2).getText() + " " + rows.get(3).getText()
          : null;
    });
    assertThat(kioskRow).doesNotContain("belum pernah").doesNotContain("${");
    admin.screenshot(SHOTS.resolve("first-hall-devices-seen.png"));
    admin.go(url("/admin/audit"));
    admin.until(d -> "audit".equals(admin.body("page")) && "page".equals(admin.body("view")));
    String day = f.clock.instant().atZone(ZoneId.of("Asia/Jakarta")).toLocalDate().toString();
    admin.js("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[0];",
        day);
    admin.click("#filters button[type=submit]");
    String steps = admin.until(d -> {
      String rows = (String) admin.js("return [...document.querySelectorAll('#audit tbody tr[data-action]')]"
          + ".map((r) => [1, 2, 3].map((i) => r.cells[i].textContent).join(' ')).join('\\n');");
      return rows.contains("auth.login petugas-ktp") ? rows : null;
    });
    assertThat(steps).contains("system user.create kepala-it", "kepala-it auth.login", "kepala-it config.update hall",
        "kepala-it user.create petugas-ktp", "kepala-it device.create anjungan-1", "petugas-ktp auth.login");
    admin.screenshot(SHOTS.resolve("first-hall-audit.png"));
    assertThat(admin.text("#audit")).contains("DUKCAPIL").doesNotContain(ADMIN_PASSWORD)
        .doesNotContain(OFFICER_PASSWORD).doesNotContain(kioskToken);
  }
}
