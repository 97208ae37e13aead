package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every page gets an icon: the browser's request for /favicon.ico no longer ends in a 404. */
@BrowserLane
class FaviconBrowserIT {
  HallFixture fixture;
  Browser browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void everyPageFindsTheIcon() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    Api.Response icon = fixture.api().get("/favicon.ico", null);
    assertThat(icon.status()).isEqualTo(200);
    assertThat(icon.contentType()).contains("icon");

    browser = Browser.open(1366, 768);
    String base = "http://127.0.0.1:" + fixture.port();
    for (String page : List.of("/", "/kiosk", "/display?audio=off", "/counter", "/manager", "/t/tidak-ada")) {
      browser.go(base + page);
      Object status = browser.js("""
          return fetch(new URL('/favicon.ico', location.href)).then((r) => r.status);""");
      assertThat(((Number) status).intValue()).as(page).isEqualTo(200);
    }
  }
}
