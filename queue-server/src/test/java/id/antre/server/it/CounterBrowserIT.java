package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.AntreServer;
import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;

/**
 * The officer's counter terminal in a real headless Chromium against a real server and
 * PostgreSQL: keyboard calling, the wall display, double presses, a server restart,
 * authorisation, the supervisor's reassignment and a second tab on the same counter.
 */
@BrowserLane
class CounterBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final Duration DISPLAY_WAIT = Duration.ofSeconds(30);

  HallFixture fixture;
  Pool pool;
  int port;
  AntreServer server;
  Api api;
  final List<Browser> browsers = new ArrayList<>();

  @BeforeEach
  void start() {
    fixture = HallFixture.builder().fixedPort().realClock().start();
    pool = fixture.pool;
    server = fixture.hall.server;
    port = server.port();
    api = fixture.api();
  }

  @AfterEach
  void stop() {
    browsers.forEach(Browser::close);
    fixture.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  Browser browser() {
    Browser b = Browser.open(1366, 768);
    browsers.add(b);
    return b;
  }

  String token(String user) {
    return api.login(user, TestServer.PASSWORD);
  }

  String issue(String service) {
    Api.Response r = api.post("/api/v1/tickets", server.demoSecrets().get("kiosk-1"),
        new JsonObject().put("service", service));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("number");
  }

  JsonObject counter(String id, String token) {
    return api.get("/api/v1/counters/" + id, token).json();
  }

  /** SQL matching a ticket by its shown number (prefix and zero-padded sequence, e.g. A001). */
  static String isNumber(String shown) {
    return "prefix || lpad(number::text, 3, '0') = '" + shown + "'";
  }

  long count(String sql) {
    return TestDb.count(pool, sql).await();
  }

  // ------------------------------------------------------------------ page helpers

  void login(Browser b, String user) {
    b.go(url("/counter"));
    b.until(d -> "login".equals(b.body("view")));
    b.find("#username").sendKeys(user);
    b.find("#password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
    b.until(d -> !"login".equals(b.body("view")) && !"loading".equals(b.body("view")));
  }

  /** Signs in, chooses the counter in the picker and opens it with the keyboard-reachable button. */
  void openCounter(Browser b, String user, String counter) {
    login(b, user);
    b.until(d -> "picker".equals(b.body("view")) && !b.driver.findElements(By.cssSelector("[data-counter]")).isEmpty());
    b.find("[data-counter='" + counter + "']").click();
    b.until(d -> "terminal".equals(b.body("view")) && !b.body("counterState").isEmpty());
    if (!"OPEN".equals(b.body("counterState"))) {
      b.find("#act-open").click();
      b.until(d -> "OPEN".equals(b.body("counterState")));
    }
    b.until(d -> "true".equals(b.body("connected")));
  }

  void keys(Browser b, CharSequence... keys) {
    new Actions(b.driver).sendKeys(keys).perform();
  }

  /** Waits until the page shows this ticket (or none, for "") with this status. */
  void shows(Browser b, String number, String status) {
    b.until(d -> number.equals(b.body("currentNumber")) && status.equals(b.body("currentStatus"))
        && b.body("pending").isEmpty());
    if (!number.isEmpty()) {
      assertThat(b.text("#ticket-number")).isEqualTo(number);
    }
  }

  void displayShows(Browser display, String number) {
    display.until(DISPLAY_WAIT, d -> display.js("return document.body.innerText").toString().contains(number));
  }

  // ------------------------------------------------------------------ tests

  @Test
  void twoOfficersCallStartRecallFinishAndTransferByKeyboardAndTheDisplayShowsTheirCalls() {
    String a1 = issue("KTP");
    String a2 = issue("KTP");
    String b1 = issue("KK");
    Browser display = browser().go(url("/display?zone=lantai-1&audio=off"));
    Browser one = browser();
    one.go(url("/counter"));
    one.until(d -> "login".equals(one.body("view")));
    one.screenshot(SHOTS.resolve("counter-login.png"));
    Browser two = browser();
    openCounter(one, "petugas-dukcapil", "1");
    openCounter(two, "petugas-dukcapil", "2");
    String officer = token("petugas-dukcapil");

    keys(one, Keys.SPACE); // counter 1 serves KTP first
    shows(one, a1, "CALLED");
    keys(two, Keys.F1); // counter 2 serves KK first
    shows(two, b1, "CALLED");
    assertThat(counter("1", officer).getJsonObject("current").getString("number")).isEqualTo(a1);
    assertThat(counter("2", officer).getJsonObject("current").getString("number")).isEqualTo(b1);
    displayShows(display, a1);
    displayShows(display, b1);

    keys(one, Keys.F2); // recall
    one.until(d -> one.text("#ticket-recalls").contains("1"));
    keys(one, Keys.F3);
    shows(one, a1, "SERVING");
    keys(one, Keys.F4);
    one.until(d -> one.find("#dlg-finish").isDisplayed());
    one.screenshot(SHOTS.resolve("counter-finish.png"));
    keys(one, Keys.ENTER); // selesai is preselected
    shows(one, "", "");
    one.until(d -> "1".equals(one.body("servedToday")));
    assertThat(count("SELECT count(*) FROM ticket WHERE " + isNumber(a1) + " AND status = 'DONE' AND outcome = 'selesai'"))
        .isEqualTo(1);

    keys(two, Keys.F3);
    shows(two, b1, "SERVING");
    keys(two, Keys.F7);
    two.until(d -> two.find("#dlg-transfer").isDisplayed());
    keys(two, "akta");
    two.until(d -> two.driver.findElements(By.cssSelector("#transfer-list label:not([hidden])")).size() == 1);
    two.screenshot(SHOTS.resolve("counter-transfer.png"));
    keys(two, Keys.ENTER);
    shows(two, "", "");
    assertThat(count("SELECT count(*) FROM ticket WHERE " + isNumber(b1) + " AND service = 'AKTA' AND status = 'WAITING'"))
        .isEqualTo(1);

    // transfers come first: counter 1 (which also serves AKTA) now calls the transferred visitor
    keys(one, Keys.SPACE);
    shows(one, b1, "CALLED");
    assertThat(one.text("#ticket-service")).isEqualTo("Akta");
    keys(two, Keys.SPACE);
    shows(two, a2, "CALLED");
    displayShows(display, a2);
    keys(one, Keys.F3);
    shows(one, b1, "SERVING");
    one.until(d -> !one.text("#timer-started").equals("--:--"));
    one.screenshot(SHOTS.resolve("counter-serving.png"));
    assertThat(one.driver.findElements(By.cssSelector("#queue-list li"))).hasSize(3);
  }

  @Test
  void aDoubleClickAndADoubleKeyPressCallOneTicketEach() {
    for (int i = 0; i < 4; i++) {
      issue("KTP");
    }
    Browser b = browser();
    openCounter(b, "petugas-dukcapil", "3");
    String officer = token("petugas-dukcapil");

    WebElement call = b.find("#act-call-next");
    new Actions(b.driver).click(call).click(call).perform();
    b.until(d -> !b.body("currentNumber").isEmpty() && b.body("pending").isEmpty());
    String first = b.body("currentNumber");
    api.post("/api/v1/counters/3/no-show", officer, (String) null);
    shows(b, "", "");

    keys(b, Keys.SPACE, Keys.SPACE);
    b.until(d -> !b.body("currentNumber").isEmpty() && b.body("pending").isEmpty());
    String second = b.body("currentNumber");
    assertThat(second).isNotEqualTo(first);
    assertThat(count("SELECT count(*) FROM ticket_event WHERE type = 'CALL' AND counter_id = '3'")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM ticket WHERE status = 'WAITING'")).isEqualTo(2);
    assertThat(b.text("#feedback")).doesNotContain("masih melayani");
  }

  @Test
  void anOfficerHoldsResumesAndCallsAChosenNumberWithAReason() {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      numbers.add(issue("KTP"));
    }
    Browser b = browser();
    openCounter(b, "petugas-dukcapil", "7");
    keys(b, Keys.SPACE);
    shows(b, numbers.get(0), "CALLED");

    keys(b, Keys.F8);
    b.until(d -> b.find("#dlg-hold").isDisplayed());
    keys(b, "ambil fotokopi KK", Keys.ENTER);
    shows(b, "", "");
    WebElement held = b.until(d -> d.findElement(By.cssSelector("#held-list li[data-ticket='" + numbers.get(0) + "']")));
    assertThat(count("SELECT count(*) FROM ticket_event WHERE type = 'HOLD' AND data->>'note' = 'ambil fotokopi KK'"))
        .isEqualTo(1);
    held.findElement(By.tagName("button")).click();
    b.until(d -> d.findElements(By.cssSelector("#held-list li[data-ticket]")).isEmpty());
    assertThat(count("SELECT count(*) FROM ticket WHERE " + isNumber(numbers.get(0)) + " AND status = 'WAITING'"))
        .isEqualTo(1);

    b.find("#act-call-specific").click();
    b.until(d -> d.findElements(By.cssSelector("#specific-list label")).size() == 3);
    b.driver.findElements(By.cssSelector("#specific-list label")).stream()
        .filter(l -> l.getText().startsWith(numbers.get(2))).findFirst().orElseThrow().click();
    b.find("#specific-form button[type=submit]").click();
    b.until(d -> b.find("#specific-message").isDisplayed()); // the reason is required
    b.find("#specific-reason").sendKeys("lansia tanpa tiket prioritas", Keys.ENTER);
    shows(b, numbers.get(2), "CALLED");
    assertThat(count("SELECT count(*) FROM ticket_event WHERE type = 'CALL' AND counter_id = '7' "
        + "AND data->>'reason' = 'lansia tanpa tiket prioritas'")).isEqualTo(1);
  }

  @Test
  void theTerminalSurvivesAServerRestartMidServiceAndAPressWhileOfflineActsOnce() {
    String number = issue("KTP");
    String next = issue("KTP");
    Browser b = browser();
    openCounter(b, "petugas-dukcapil", "4");
    keys(b, Keys.SPACE);
    shows(b, number, "CALLED");
    keys(b, Keys.F3);
    shows(b, number, "SERVING");

    fixture.stopNode();
    b.until(d -> "false".equals(b.body("connected")));
    assertThat(b.find("#offline-banner").isDisplayed()).isTrue();
    assertThat(b.body("currentNumber")).isEqualTo(number);
    b.screenshot(SHOTS.resolve("counter-offline.png"));
    assertThat(count("SELECT count(*) FROM ticket WHERE " + isNumber(number) + " AND status = 'SERVING'")).isEqualTo(1);

    server = fixture.restart().server; // same database, same port
    b.until(d -> "true".equals(b.body("connected")));
    shows(b, number, "SERVING");
    keys(b, Keys.F4);
    b.until(d -> b.find("#dlg-finish").isDisplayed());
    keys(b, Keys.ENTER);
    shows(b, "", "");
    assertThat(count("SELECT count(*) FROM ticket WHERE " + isNumber(number) + " AND status = 'DONE'")).isEqualTo(1);

    // a press while the server is away is sent once it is back, once
    fixture.stopNode();
    b.until(d -> "false".equals(b.body("connected")));
    keys(b, Keys.SPACE);
    b.until(d -> "callNext".equals(b.body("pending")));
    keys(b, Keys.SPACE, Keys.F1);
    server = fixture.restart().server;
    shows(b, next, "CALLED");
    b.until(d -> "true".equals(b.body("connected")));
    assertThat(count("SELECT count(*) FROM ticket_event WHERE type = 'CALL' AND counter_id = '4'")).isEqualTo(2);
  }

  @Test
  void officersAndSupervisorsSeeOnlyTheirAgencyAndAReassignmentSteersTheNextCall() {
    Browser polres = browser();
    login(polres, "petugas-polres");
    polres.until(d -> "P1".equals(polres.body("pickerCounters")));
    assertThat(polres.driver.findElements(By.cssSelector("[data-counter]"))).hasSize(1);
    Api.Response forbidden = api.post("/api/v1/counters/1/call-next", token("petugas-polres"), (String) null);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.code()).isEqualTo("FORBIDDEN");

    polres.find("#logout").click();
    login(polres, "koordinator-polres");
    polres.until(d -> "supervisor".equals(polres.body("view")) && "P1".equals(polres.body("supervisorCounters")));
    assertThat(polres.driver.findElements(By.cssSelector("#sup-rows tr"))).hasSize(1);

    Browser sup = browser();
    login(sup, "koordinator-dukcapil");
    sup.until(d -> sup.driver.findElements(By.cssSelector("#sup-rows tr")).size() == 20);
    String officer = token("petugas-dukcapil");
    api.post("/api/v1/counters/5/open", officer, (String) null);
    sup.until(d -> "OPEN".equals(sup.find("#sup-rows tr[data-counter='5']").getDomAttribute("data-state")));

    // counter 5 calls KTP first; the supervisor makes it an AKTA-only counter
    WebElement row = sup.find("#sup-rows tr[data-counter='5']");
    row.findElement(By.cssSelector("input[data-service='KTP']")).click();
    row.findElement(By.cssSelector("input[data-service='KK']")).click();
    row.findElement(By.cssSelector("button[data-do='save']")).click();
    sup.until(d -> "AKTA".equals(sup.find("#sup-rows tr[data-counter='5']").getDomAttribute("data-services")));
    sup.screenshot(SHOTS.resolve("counter-supervisor.png"));
    JsonArray services = counter("5", officer).getJsonArray("services");
    assertThat(services.getList()).containsExactly("AKTA");

    issue("KTP");
    String akta = issue("AKTA");
    JsonObject called = api.post("/api/v1/counters/5/call-next", officer, (String) null).json();
    assertThat(called.getString("number")).isEqualTo(akta);
    sup.until(d -> akta.equals(sup.find("#sup-rows tr[data-counter='5']").getDomAttribute("data-current")));

    sup.find("#sup-rows tr[data-counter='5'] button[data-do='restore']").click();
    sup.until(d -> "KTP,KK,AKTA".equals(sup.find("#sup-rows tr[data-counter='5']").getDomAttribute("data-services")));
  }

  @Test
  void aSecondTabOnTheSameCounterWarnsBothTabs() {
    Browser b = browser();
    openCounter(b, "petugas-dukcapil", "6");
    String first = b.driver.getWindowHandle();
    assertThat(b.body("presenceWarning")).isEqualTo("false");

    b.driver.switchTo().newWindow(WindowType.TAB);
    openCounter(b, "petugas-dukcapil", "6");
    b.until(d -> "true".equals(b.body("presenceWarning")));
    assertThat(b.text("#presence-banner")).contains("tab/PC lain").contains("petugas-dukcapil");
    b.screenshot(SHOTS.resolve("counter-second-tab.png"));
    String second = b.driver.getWindowHandle();

    b.driver.switchTo().window(first);
    b.until(d -> "true".equals(b.body("presenceWarning")));

    b.driver.switchTo().window(second).close();
    b.driver.switchTo().window(first);
    b.until(d -> "false".equals(b.body("presenceWarning")));

    // a prayer break, then the page in English
    b.find("#act-pause").click();
    b.until(d -> b.find("#dlg-pause").isDisplayed());
    b.find("#pause-reasons button[value='sholat']").click();
    b.until(d -> "PAUSED".equals(b.body("counterState")));
    assertThat(b.text("#counter-state")).isEqualTo("Jeda · Sholat");
    b.find("#lang").click();
    b.until(d -> b.text("#act-call-next").startsWith("Call Next"));
    assertThat(b.text("#counter-state")).isEqualTo("Paused · Prayer");
    b.find("#lang").click();
    b.until(d -> b.text("#act-call-next").startsWith("Panggil Berikutnya"));
  }
}
