package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.BrowserLane;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wall display in a real headless Chromium against a real server and database: what it
 * shows, what it announces and in which order, reloads, and a server restart under its feet.
 * Voice is simulated ({@code ?audio=off}: each announcement "plays" 300 ms) so the order is
 * observable from the page's data attributes.
 */
@BrowserLane
class DisplayBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  /** Short heartbeats so the page's "missed a call?" check runs within a test's patience. */
  static final GatewayOptions GATEWAY = new GatewayOptions(256 * 1024, 1_000, 60_000, List.of());

  HallFixture fixture;
  int port;
  Api api;
  String kiosk;
  String officer;
  Browser browser;

  /** The demo hall (long agency names, two floors) on a fixed port, so the TV finds a restarted node. */
  @BeforeEach
  void start() throws Exception {
    fixture = HallFixture.builder().demoHall().gateway(GATEWAY).fixedPort().realClock().start();
    port = fixture.port();
    api = fixture.api();
    kiosk = fixture.kioskToken();
    officer = fixture.login("petugas-dukcapil");
    for (String c : List.of("1", "2", "3", "4")) {
      api.post("/api/v1/counters/" + c + "/open", officer, (String) null);
    }
    api.post("/api/v1/counters/4/pause", officer, new JsonObject().put("reason", "istirahat"));
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    fixture.close();
  }

  String displayUrl(String query) {
    return "http://127.0.0.1:" + port + "/display?" + query;
  }

  /** Issues a KTP ticket and calls the next visitor at the counter, clearing what it held; returns the number. */
  String call(String counter) {
    api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP"));
    api.post("/api/v1/counters/" + counter + "/start", officer, (String) null);
    api.post("/api/v1/counters/" + counter + "/finish", officer, new JsonObject().put("outcome", "selesai"));
    Api.Response r = api.post("/api/v1/counters/" + counter + "/call-next", officer, (String) null);
    assertThat(r.status()).as("call-next at %s: %s", counter, r.body()).isEqualTo(200);
    return r.json().getString("number");
  }

  void openDisplay(String query) {
    browser.go(displayUrl(query));
    browser.until(d -> "true".equals(browser.body("connected")));
  }

  /** Waits until the big number is this one and returns its seq. */
  long heroShows(String number) {
    browser.until(d -> number.equals(browser.text("#hero-number")));
    return Long.parseLong(browser.find("#hero").getDomAttribute("data-seq"));
  }

  /** number -> seq of every call on screen (the big one and the list). */
  @SuppressWarnings("unchecked")
  Map<String, Long> callsOnScreen() {
    List<List<Object>> rows = (List<List<Object>>) browser.js(
        "const out = [[document.getElementById('hero-number').textContent, document.getElementById('hero').dataset.seq]];"
            + "document.querySelectorAll('#recent-list li').forEach(li =>"
            + "  out.push([li.querySelector('.r-number').textContent, li.dataset.seq]));"
            + "return out;");
    Map<String, Long> m = new LinkedHashMap<>();
    for (List<Object> r : rows) {
      m.put((String) r.get(0), Long.parseLong((String) r.get(1)));
    }
    return m;
  }

  List<Long> announced() {
    String v = browser.body("announced");
    return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(Long::parseLong).toList();
  }

  void announcedBecomes(List<Long> expected) {
    browser.until(d -> announced().size() >= expected.size() && browser.body("queued").isEmpty());
    assertThat(announced()).containsExactlyElementsOf(expected);
  }

  @Test
  void everyCallIsShownAtOnceAndAnnouncedInCallOrderEvenAtOneCallASecond() throws Exception {
    browser = Browser.open(1920, 1080);
    openDisplay("zone=lantai-1&audio=off");
    assertThat(browser.text("#hero-counter")).isEqualTo("Belum ada panggilan");
    assertThat(browser.text("#zone")).isEqualTo("Lantai 1");
    assertThat(browser.text("#clock-date")).matches("(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \\d{1,2} \\S+ \\d{4}");

    List<Long> order = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (String counter : List.of("1", "2", "1")) {
      String number = call(counter);
      numbers.add(number);
      order.add(heroShows(number));
      assertThat(browser.text("#hero-counter")).isEqualTo("Loket " + counter);
      assertThat(browser.text("#hero-agency")).isEqualTo("Disdukcapil");
    }
    assertThat(browser.text("#recent-list")).contains(numbers.get(0), numbers.get(1));
    announcedBecomes(order);

    // a busy minute: one call a second, the screen keeps up and the voice follows in order
    List<String> burst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      burst.add(call(i % 2 == 0 ? "2" : "1"));
      Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - t0) / 1_000_000));
    }
    heroShows(burst.get(4));
    Map<String, Long> onScreen = callsOnScreen();
    assertThat(onScreen.keySet()).containsAll(burst);
    burst.forEach(n -> order.add(onScreen.get(n)));
    assertThat(order).isSorted();
    announcedBecomes(order);
    assertThat(browser.text("li[data-counter='1'] .c-value")).isEqualTo(burst.get(3));
    assertThat(browser.text("li[data-counter='4'] .c-value")).isEqualTo("Istirahat");
    assertThat(browser.text("li[data-counter='5'] .c-value")).isEqualTo("Tutup");

    // another floor's call raises the hall's seq: the page checks with the server, shows and says nothing
    int resyncs = ((Number) browser.js("return window.antreFeed.resyncs;")).intValue();
    String kpp = api.login("petugas-kpp", TestServer.PASSWORD);
    api.post("/api/v1/counters/11/open", kpp, (String) null);
    api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "NPWP"));
    assertThat(api.post("/api/v1/counters/11/call-next", kpp, (String) null).status()).isEqualTo(200);
    browser.until(d -> ((Number) browser.js("return window.antreFeed.resyncs;")).intValue() > resyncs);
    assertThat(browser.text("#hero-number")).isEqualTo(burst.get(4));
    assertThat(announced()).containsExactlyElementsOf(order);

    // a recall says so; visitors waiting are counted per agency
    for (int i = 0; i < 4; i++) {
      api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", i % 2 == 0 ? "KK" : "SKCK"));
    }
    assertThat(api.post("/api/v1/counters/2/recall", officer, (String) null).status()).isEqualTo(200);
    long previous = order.get(order.size() - 1);
    browser.until(d -> Long.parseLong(browser.find("#hero").getDomAttribute("data-seq")) > previous);
    long recall = heroShows(burst.get(4));
    assertThat(browser.find("#hero-recall").isDisplayed()).isTrue();
    assertThat(browser.text("#hero-recall")).isEqualTo("Panggilan ulang");
    order.add(recall);
    announcedBecomes(order);
    browser.until(d -> browser.text("li[data-agency='POLRES'] .w-count").equals("2"));

    browser.until(Duration.ofSeconds(10), d -> !browser.find("#hero").getDomAttribute("class").contains("flash"));
    browser.screenshot(SHOTS.resolve("display-landscape.png"));
    browser.size(1080, 1920);
    browser.until(d -> (Boolean) browser.js("return window.innerHeight > window.innerWidth;"));
    browser.screenshot(SHOTS.resolve("display-portrait.png"));
    assertThat(browser.find("#hero-number").isDisplayed()).isTrue();
  }

  /** The running text's marquee animation as {@code a} (not the fade's opacity transition), or undefined. */
  static final String MARQUEE = "const a = document.getElementById('ticker-text').getAnimations()"
      + ".find(x => x.animationName === 'ticker');";

  /** How far the running text's marquee is into its current pass, in ms; -1 while it is not running. */
  double tickerMs() {
    return ((Number) browser.js(MARQUEE + "return a ? a.currentTime : -1;")).doubleValue();
  }

  @Test
  void aManagersNewRunningTextRunsInFromTheRightEdgeWithoutAReloadAndStaysAfterOne() throws Exception {
    browser = Browser.open(1920, 1080);
    openDisplay("zone=lantai-1&audio=off");
    String configured = api.get("/api/v1/hall", null).json().getString("runningText");
    assertThat(configured).isNotBlank();
    browser.until(d -> configured.equals(browser.body("runningText")));
    assertThat(browser.js("return document.getElementById('ticker-text').textContent;")).isEqualTo(configured);
    browser.until(d -> tickerMs() > 0); // under way
    browser.js(MARQUEE + "window.firstPass = a;");

    String manager = api.login("manager", TestServer.PASSWORD);
    String text = "Hari ini layanan SKCK hanya sampai pukul 12.00";
    Api.Response set = api.send("PUT", "/api/v1/hall/running-text", manager, new JsonObject().put("text", text).encode());
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    browser.until(d -> text.equals(browser.body("runningText")) && tickerMs() >= 0);
    assertThat(browser.js(MARQUEE + "return a !== window.firstPass && a.playState === 'running';"))
        .as("the marquee starts over with the new text").isEqualTo(true);
    assertThat(browser.js("return document.getElementById('ticker-text').textContent;")).isEqualTo(text);
    assertThat(browser.body("connected")).isEqualTo("true");
    // screenshot once the new text has run in from the right edge far enough to be read
    browser.until(Duration.ofSeconds(30), d -> (Boolean) browser.js(
        "const el = document.getElementById('ticker-text');" // its text starts one padding (100%) in
            + "return el.getBoundingClientRect().left + el.parentElement.clientWidth < window.innerWidth * 0.6;"));
    browser.screenshot(SHOTS.resolve("display-running-text.png"));

    // a reload reads it from /hall: it is the hall's text now, not this page's
    browser.driver.navigate().refresh();
    browser.until(d -> "true".equals(browser.body("connected")) && text.equals(browser.body("runningText")));

    api.send("PUT", "/api/v1/hall/running-text", manager, new JsonObject().put("text", "").encode());
    browser.until(d -> configured.equals(browser.body("runningText")));
  }

  @Test
  void aReloadNeverAnnouncesAnOldCallAgainButANewOneIs() {
    browser = Browser.open(1920, 1080);
    // with its device token, given once: kept on the PC, out of the address bar
    openDisplay("zone=lantai-1&audio=off&device=" + fixture.hall.server.demoSecrets().get("display-1"));
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("device=");
    List<Long> before = new ArrayList<>();
    before.add(heroShows(call("1")));
    before.add(heroShows(call("2")));
    announcedBecomes(before);

    browser.driver.navigate().refresh();
    browser.until(d -> "true".equals(browser.body("connected")));
    String number = call("1");
    long fresh = heroShows(number);
    announcedBecomes(List.of(fresh));
    assertThat(callsOnScreen()).containsValues(before.toArray(Long[]::new));

    // a reload while nothing new happened announces nothing at all
    browser.driver.navigate().refresh();
    browser.until(d -> "true".equals(browser.body("connected")));
    heroShows(number);
    assertThat(announced()).isEmpty();
    // the display told the device list what it runs, and still does after the reloads
    JsonObject display = new JsonArray(api.get("/api/v1/devices", fixture.login("admin")).body()).stream()
        .map(JsonObject.class::cast).filter(d -> "display-1".equals(d.getString("id"))).findFirst().orElseThrow();
    assertThat(display.getString("clientVersion")).startsWith("display/").doesNotContain("${");
    assertThat(display.getString("lastSeenAt")).isNotNull();
  }

  @Test
  void theDisplayShowsItIsOfflineWhileTheServerRestartsAndCatchesUpAfter() throws Exception {
    browser = Browser.open(1920, 1080);
    openDisplay("zone=lantai-1&audio=off");
    long first = heroShows(call("1"));
    announcedBecomes(List.of(first));
    assertThat(browser.find("#offline").isDisplayed()).isFalse();

    fixture.stopNode();
    browser.until(d -> "false".equals(browser.body("connected")));
    assertThat(browser.find("#offline").isDisplayed()).isTrue();
    assertThat(browser.text("#offline")).isEqualTo("Terputus");
    browser.screenshot(SHOTS.resolve("display-offline.png"));

    fixture.restart(); // the same port: the TV keeps its address
    officer = api.login("petugas-dukcapil", TestServer.PASSWORD);
    browser.until(Duration.ofSeconds(30), d -> "true".equals(browser.body("connected")));
    assertThat(browser.find("#offline").isDisplayed()).isFalse();
    String number = call("2");
    long next = heroShows(number);
    assertThat(next).isGreaterThan(first);
    announcedBecomes(List.of(first, next));
  }

  @Test
  void aBrowserThatBlocksSoundAsksForOneClickThenCatchesUpInEnglish() {
    browser = Browser.open(1920, 1080);
    openDisplay("zone=lantai-1&audio=blocked&lang=en");
    assertThat(browser.text("#recent-title")).isEqualToIgnoringCase("Recent calls");
    long a = heroShows(call("1"));
    browser.until(d -> "blocked".equals(browser.body("sound")));
    assertThat(browser.text("#sound-text")).isEqualTo("Click to enable sound");
    long b = heroShows(call("2"));
    browser.until(d -> browser.body("queued").equals(Long.toString(b)));

    browser.find("#sound-button").click();
    announcedBecomes(List.of(a, b));
    assertThat(browser.find("#sound-overlay").isDisplayed()).isFalse();
  }

  @Test
  void withSoundOnTheCallIsSaidWithTheBundledClipsOneAfterAnother() {
    browser = Browser.open(1920, 1080); // started with --autoplay-policy=no-user-gesture-required
    openDisplay("zone=lantai-1");
    long seq = heroShows(call("1"));
    browser.until(d -> browser.body("announced").equals(Long.toString(seq)));
    browser.until(Duration.ofSeconds(40), d -> browser.body("playing").isEmpty());
    assertThat(browser.body("voice")).isEqualTo("clips");
    assertThat(browser.body("sound")).isEqualTo("on");
  }
}
