package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The four administration pages of the demo hall at 1366x768 carry one bar and one row of tabs,
 * the page shown marked as current, whichever tab the admin follows.
 */
@BrowserLane
class AdminNavBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final List<String> PAGES = List.of("users", "devices", "audit", "config");

  HallFixture f;
  Browser browser;

  @BeforeEach
  void start() {
    f = HallFixture.builder().demoHall().start();
    browser = Browser.open(1366, 768);
  }

  @AfterEach
  void stop() {
    browser.close();
    f.close();
  }

  @Test
  void everyAdministrationPageShowsTheSameTabsWithItsOwnMarked() {
    browser.go("http://127.0.0.1:" + f.port() + "/admin/users");
    browser.until(d -> "login".equals(browser.body("view")));
    browser.find("#username").sendKeys("admin");
    browser.find("#password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
    for (String page : PAGES) {
      if (!page.equals("users")) {
        // marks the page left behind, so the wait below is answered by the page the tab opens
        browser.js("document.body.dataset.left = 'yes';");
        browser.click("#nav a[data-page=" + page + "]");
      }
      String view = page.equals("config") ? "config" : "page";
      browser.until(d -> browser.body("left").isEmpty() && view.equals(browser.body("view")) && browser.find("#nav").isDisplayed()
          && page.equals(browser.find("#nav a[aria-current=page]").getAttribute("data-page")));
      List<WebElement> tabs = browser.driver.findElements(By.cssSelector("#nav a"));
      assertThat(tabs).extracting(a -> a.getAttribute("data-page")).containsExactlyElementsOf(PAGES);
      assertThat(tabs).extracting(WebElement::getText)
          .containsExactly("Pengguna", "Perangkat", "Jejak audit", "Konfigurasi aula");
      assertThat(browser.driver.findElements(By.cssSelector("#nav a[aria-current]"))).hasSize(1);
      assertThat(browser.text("#bar-user")).isNotEmpty();
      assertThat(browser.find("#logout").isDisplayed()).isTrue();
      browser.screenshot(SHOTS.resolve("admin-nav-" + page + ".png"));
    }
  }
}
