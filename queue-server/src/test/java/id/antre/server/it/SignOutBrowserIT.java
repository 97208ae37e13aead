package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** "Keluar" on the counter and manager pages ends the sign-in on the server, not only in the tab. */
@BrowserLane
class SignOutBrowserIT {
  HallFixture f;
  Browser b;

  @BeforeEach
  void start() {
    f = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
    b = Browser.open(1366, 768);
  }

  @AfterEach
  void stop() {
    if (b != null) {
      b.close();
    }
    f.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + f.hall.server.port() + path;
  }

  void signInAndOut(String page, String user, String storageKey) {
    b.go(url(page));
    b.until(d -> "login".equals(b.body("view")));
    b.find("#username").sendKeys(user);
    b.find("#password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
    b.until(d -> !"login".equals(b.body("view")) && !"loading".equals(b.body("view")));
    String token = new io.vertx.core.json.JsonObject((String) b.js("return sessionStorage.getItem(arguments[0]);",
        storageKey)).getString("token");
    assertThat(f.hall.api.get("/api/v1/counters", token).status()).isEqualTo(200);

    b.find("#logout").click();
    b.until(d -> "login".equals(b.body("view")));
    b.until(d -> f.hall.api.get("/api/v1/counters", token).status() == 401);
  }

  @Test
  void signingOutOfTheCounterPageRevokesItsToken() {
    signInAndOut("/counter", "petugas-dukcapil", "antre.counter.session");
  }

  @Test
  void signingOutOfTheManagerPageRevokesItsToken() {
    signInAndOut("/manager", "manager", "antre.manager.session");
  }
}
