package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.printer.decode.DecodedTicket;
import id.antre.server.lanes.BrowserLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Actions;

/**
 * The mobile channel's pages in a real headless Chromium against a real server and PostgreSQL:
 * a visitor books a slot on a phone (390x844), sees the code and its QR, cancels, books again;
 * checks in at the kiosk with the kiosk's barcode scanner (which types the code and Enter); the
 * ticket prints and is called at a counter that marks it as a booking, and the phone, which
 * followed the booking, now follows the ticket. The NIK never appears whole on any of the pages
 * nor on the decoded paper.
 */
@BrowserLane
class BookingBrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(20);
  /** A well-formed NIK: Jawa Barat (32), a woman born 15 August 1990 (55 = 15 + 40), serial 0001. */
  static final String NIK = "3209145508900001";
  static final String PHONE = "0812 3456 7890";
  static final String PHONE_DIGITS = "81234567890";

  HallFixture fixture;
  TestServer hall;
  final List<Browser> browsers = new ArrayList<>();
  WsClient agent;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    hall = fixture.hall;
  }

  @AfterEach
  void stop() {
    browsers.forEach(Browser::close);
    if (agent != null) {
      agent.close();
    }
    fixture.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + hall.server.port() + path;
  }

  Browser open(int width, int height, String path) {
    Browser b = Browser.open(width, height);
    browsers.add(b);
    b.go(url(path));
    return b;
  }

  static void screen(Browser b, String name) {
    b.until(d -> name.equals(b.body("screen")));
  }

  static void shot(Browser b, String name) {
    b.screenshot(SHOTS.resolve(name));
  }

  /** Waits for the page's refusal with this code; a timeout says what the page showed instead. */
  static void refused(Browser b, String code) {
    try {
      b.until(d -> code.equals(b.find(".refusal").getAttribute("data-code")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("no " + code + " on screen " + b.body("screen") + ": " + b.text("main"), e);
    }
  }

  /** Nothing the page shows or holds in its markup has the whole NIK or phone number. */
  static void masked(Browser b, String where) {
    String html = b.driver.getPageSource().replaceAll("\\s", "");
    assertThat(html).as(where).doesNotContain(NIK).doesNotContain(PHONE_DIGITS);
  }

  /**
   * From the start screen to a booked slot of KTP today at 10.00, with the visitor's details;
   * answers the code. The clock says 09:00: a slot whose check-in window has ended by then could
   * become a no-show whenever the job runner looks, so the tests book later slots.
   */
  String book(Browser phone, boolean screenshots) {
    phone.click("[data-action=new]");
    screen(phone, "agencies");
    if (screenshots) {
      shot(phone, "booking-agencies.png");
    }
    phone.click("[data-agency=DUKCAPIL]");
    screen(phone, "services");
    phone.click("[data-service=KTP]");
    screen(phone, "days");
    if (screenshots) {
      shot(phone, "booking-days.png");
    }
    phone.click("[data-day='2026-11-30']");
    screen(phone, "slots");
    phone.until(d -> !phone.driver.findElements(By.cssSelector(".slot")).isEmpty());
    if (screenshots) {
      shot(phone, "booking-slots.png");
    }
    phone.click(".slot[data-slot='10.00']");
    screen(phone, "details");
    assertThat(phone.text(".consent")).contains("NIK").contains("UU 27/2022").contains("dihapus");
    if (screenshots) {
      // a NIK whose birth date is no date is refused with its own code, and nothing is booked
      phone.find("#nik").sendKeys("3209143208900001");
      phone.find("#phone").sendKeys(PHONE);
      phone.click("#consent");
      phone.click("[data-action=book]");
      refused(phone, "INVALID_NIK");
      assertThat(phone.text(".refusal")).contains("NIK tidak valid");
      shot(phone, "booking-invalid-nik.png");
      phone.find("#nik").clear();
    } else {
      phone.find("#phone").sendKeys(PHONE);
      phone.click("#consent");
    }
    phone.find("#nik").sendKeys(NIK);
    if (screenshots) {
      shot(phone, "booking-details.png");
    }
    phone.click("[data-action=book]");
    screen(phone, "booking");
    return phone.text(".code");
  }

  @Test
  void aVisitorBooksCancelsBooksAgainChecksInWithTheScannerAndThePhoneFollowsTheCalledTicket() {
    Browser phone = open(390, 844, "/booking");
    screen(phone, "start");
    assertThat(phone.text("h1")).isEqualTo("Pesan waktu kedatangan Anda");
    shot(phone, "booking-start.png");

    // book, see the code and the QR that carries it
    String first = book(phone, true);
    assertThat(first).matches("[2-9A-HJ-NP-Z]{8}");
    phone.until(d -> (Boolean) phone.js("const i = document.querySelector('#qr img'); return !!i && i.complete && i.naturalWidth > 0;"));
    String qr = phone.until(d -> QrScan.read(phone.find("#qr img").getScreenshotAs(OutputType.BYTES)));
    assertThat(qr).contains(first);
    assertThat(phone.text("[data-nik=masked]")).isEqualTo("3209********0001");
    assertThat(phone.text(".arrival")).contains("Saya sudah booking");
    masked(phone, "the booking on the phone");
    shot(phone, "booking-booked.png");

    // cancel after confirming, then book again with the same NIK
    phone.click("[data-action=cancel]");
    phone.until(d -> phone.find("#confirm").isDisplayed());
    assertThat(phone.text("#confirm")).contains("Batalkan booking " + first);
    shot(phone, "booking-cancel-confirm.png");
    phone.click("[data-action=cancel-yes]");
    phone.until(d -> "CANCELLED".equals(phone.find(".code-card").getAttribute("data-status")));
    assertThat(hall.api.get("/api/v1/bookings/" + first, null).json().getString("status")).isEqualTo("CANCELLED");
    shot(phone, "booking-cancelled.png");

    String second = book(phone, false);
    assertThat(second).isNotEqualTo(first);
    assertThat(phone.body("screen")).isEqualTo("booking");

    // move it to another time by its code: the same code, the new slot
    String before = phone.find(".summary [data-slot]").getAttribute("data-slot");
    phone.click("[data-action=move]");
    screen(phone, "days");
    phone.click("[data-day='2026-11-30']");
    screen(phone, "slots");
    phone.until(d -> phone.driver.findElements(By.cssSelector(".slot:not([disabled])")).size() > 1);
    shot(phone, "booking-move-slots.png");
    assertThat(before).isEqualTo("10.00");
    phone.click(".slot[data-slot='11.00']");
    screen(phone, "booking");
    phone.until(d -> !before.equals(phone.find(".summary [data-slot]").getAttribute("data-slot")));
    assertThat(phone.text(".code")).isEqualTo(second);
    String moved = hall.api.get("/api/v1/bookings/" + second, null).json().getString("slot");
    assertThat(moved.replace(':', '.')).isEqualTo(phone.find(".summary [data-slot]").getAttribute("data-slot"));

    // the kiosk's scanner types the code and Enter on the start screen: nobody touches the screen
    agent = connectAgent();
    Browser kiosk = open(1080, 1920, "/kiosk?device=" + hall.kioskToken());
    screen(kiosk, "start");
    assertThat(kiosk.text("[data-action=check-in]")).contains("Saya sudah booking");
    new Actions(kiosk.driver).sendKeys(second.toLowerCase(), Keys.ENTER).perform();
    screen(kiosk, "issued");
    JsonObject job = agent.next("print");
    agent.send(new JsonObject().put("type", "print-result").put("job", job.getLong("job")).put("status", "printed"));
    kiosk.until(d -> "printed".equals(kiosk.body("printStatus")));
    String number = kiosk.text(".number");
    assertThat(number).startsWith("A");
    assertThat(kiosk.text(".screen-issued")).contains("Booking pukul 11.00");
    masked(kiosk, "the kiosk's issued ticket");
    shot(kiosk, "kiosk-checked-in.png");
    DecodedTicket paper = PrintedTicket.decode(job.getJsonObject("content"), SHOTS.resolve("ticket-from-booking.png"));
    assertThat(paper.text()).contains(number).contains("Booking 11.00").doesNotContain(NIK)
        .doesNotContain(PHONE_DIGITS);
    assertThat(job.getJsonObject("content").getString("bookingSlot")).isEqualTo("11.00");
    assertThat(String.join("", paper.qrPayloads())).doesNotContain(NIK);

    // the phone, which followed the booking, now follows the ticket
    phone.until(d -> phone.driver.getCurrentUrl().contains("/t/"));
    phone.until(d -> "WAITING".equals(phone.body("status")));
    assertThat(phone.text(".number")).isEqualTo(number);

    // an officer calls it: the terminal marks it as a booking, the phone and the wall show the call
    Browser display = open(1280, 720, "/display");
    Browser counter = open(1366, 768, "/counter");
    counter.until(d -> "login".equals(counter.body("view")));
    counter.find("#username").sendKeys("petugas-dukcapil");
    counter.find("#password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
    counter.until(d -> "picker".equals(counter.body("view"))
        && !counter.driver.findElements(By.cssSelector("[data-counter]")).isEmpty());
    counter.find("[data-counter='1']").click();
    counter.until(d -> "terminal".equals(counter.body("view")) && !counter.body("counterState").isEmpty());
    if (!"OPEN".equals(counter.body("counterState"))) {
      counter.find("#act-open").click();
      counter.until(d -> "OPEN".equals(counter.body("counterState")));
    }
    // the waiting list an officer picks from marks it too
    counter.until(d -> counter.find("#act-call-specific").isEnabled());
    counter.click("#act-call-specific");
    counter.until(d -> counter.driver.findElements(By.cssSelector("#specific-list label")).size() == 1);
    assertThat(counter.text("#specific-list label")).startsWith(number).contains("Booking 11.00");
    shot(counter, "counter-booking-waiting-list.png");
    counter.find("#specific-reason").sendKeys("datang sesuai jadwal booking", Keys.ENTER);
    counter.until(d -> number.equals(counter.body("currentNumber")));
    counter.until(d -> counter.find("#ticket-booking").isDisplayed());
    assertThat(counter.text("#ticket-booking")).isEqualTo("Booking 11.00");
    masked(counter, "the counter terminal");
    shot(counter, "counter-booking-badge.png");

    phone.until(d -> "CALLED".equals(phone.body("status")));
    assertThat(phone.text(".status-card")).contains("Loket 1");
    shot(phone, "booking-ticket-called.png");
    display.until(d -> display.driver.getPageSource().contains(number));
    masked(display, "the wall display");
  }

  @Test
  void aFullSlotIsShownFullAndTheKioskKeyboardSaysWhenACodeIsUnknown() {
    // SKCK takes one booking a slot and needs no phone: another phone takes the 14:30 slot (late
    // enough that its check-in window outlasts the test: a no-show would free the NIK)
    Api.Response taken = hall.api.post("/api/v1/bookings", null, new JsonObject().put("service", "SKCK")
        .put("day", "2026-11-30").put("slot", "14:30").put("nik", "3209140101900002")
        .put("requestId", java.util.UUID.randomUUID().toString()));
    assertThat(taken.status()).as(taken.body()).isEqualTo(201);

    Browser phone = open(390, 844, "/booking");
    screen(phone, "start");
    // "find my booking": a mistyped code is answered plainly, the right one (typed loosely) opens it
    phone.find("#find-code").sendKeys("ZZZZ-ZZZZ", Keys.ENTER);
    refused(phone, "UNKNOWN_BOOKING");
    phone.find("#find-code").sendKeys(taken.json().getString("code").toLowerCase(), Keys.ENTER);
    screen(phone, "booking");
    assertThat(phone.text(".code")).isEqualTo(taken.json().getString("code"));
    assertThat(phone.text("[data-nik=masked]")).isEqualTo("3209********0002");
    assertThat(phone.driver.findElements(By.cssSelector("[data-phone]"))).isEmpty();
    phone.click("#lang");
    phone.until(d -> phone.text(".code-card").contains("Your booking code"));
    shot(phone, "booking-found-english.png");
    phone.click("#lang");
    phone.click("[data-action=start]");
    screen(phone, "start");
    phone.click("[data-action=new]");
    phone.click("[data-agency=POLRES]");
    phone.click("[data-service=SKCK]");
    phone.click("[data-day='2026-11-30']");
    screen(phone, "slots");
    phone.until(d -> !phone.driver.findElements(By.cssSelector(".slot")).isEmpty());
    String full = ".slot[data-slot='14.30']";
    assertThat(phone.find(full).getAttribute("class")).contains("full");
    assertThat(phone.find(full).isEnabled()).isFalse();
    assertThat(phone.text(full)).contains("Penuh");
    assertThat(phone.find(".slot[data-slot='10.00']").isEnabled()).isTrue();
    shot(phone, "booking-slot-full.png");
    phone.click(".slot[data-slot='10.00']");
    screen(phone, "details");
    assertThat(phone.driver.findElements(By.id("phone"))).as("SKCK asks for no phone number").isEmpty();
    // the same NIK once more for the same service and day: refused with its own sentence
    phone.find("#nik").sendKeys("3209140101900002");
    phone.click("#consent");
    phone.click("[data-action=book]");
    refused(phone, "ALREADY_BOOKED");
    assertThat(phone.text(".refusal")).contains("sudah memiliki booking");
    shot(phone, "booking-already-booked.png");

    // on the kiosk, by touch: a mistyped code is answered plainly
    Browser kiosk = open(1080, 1920, "/kiosk?device=" + hall.kioskToken());
    screen(kiosk, "start");
    kiosk.click("[data-action=check-in]");
    screen(kiosk, "checkin");
    for (char c : "ABCD2345".toCharArray()) {
      kiosk.click("[data-key='" + c + "']");
    }
    assertThat(kiosk.find("#checkin-code").getAttribute("data-code")).isEqualTo("ABCD2345");
    shot(kiosk, "kiosk-checkin-keyboard.png");
    kiosk.size(1920, 1080);
    assertThat(kiosk.find("[data-action=check-in-go]").isDisplayed()).isTrue();
    shot(kiosk, "kiosk-checkin-keyboard-landscape.png");
    kiosk.click("[data-action=check-in-go]");
    screen(kiosk, "checkin-error");
    assertThat(kiosk.find(".error-detail").getAttribute("data-code")).isEqualTo("UNKNOWN_BOOKING");
    assertThat(kiosk.text(".error-detail")).contains("tidak ditemukan");
    shot(kiosk, "kiosk-checkin-unknown.png");
  }

  @Test
  void aBookingScannedOutsideItsCheckInWindowIsToldWhenToComeBackOrToTakeAWalkInNumber() {
    // real opening hours: Monday 07:50, a booking for 10:00 opens for check-in at 09:30
    fixture.close();
    fixture = HallFixture.builder().at(java.time.Instant.parse("2026-11-30T00:50:00Z")).realHours(true).start();
    hall = fixture.hall;
    Api.Response booked = hall.api.post("/api/v1/bookings", null, new JsonObject().put("service", "KTP")
        .put("day", "2026-11-30").put("slot", "10:00").put("nik", NIK).put("phone", PHONE)
        .put("requestId", java.util.UUID.randomUUID().toString()));
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);

    Browser kiosk = open(1080, 1920, "/kiosk?device=" + hall.kioskToken());
    screen(kiosk, "start");
    new Actions(kiosk.driver).sendKeys(booked.json().getString("code"), Keys.ENTER).perform();
    screen(kiosk, "checkin-error");
    assertThat(kiosk.find(".error-detail").getAttribute("data-code")).isEqualTo("CHECK_IN_WINDOW");
    assertThat(kiosk.text(".error-detail")).startsWith("Terlalu awal untuk booking ini. Silakan kembali pukul 09.30 untuk check-in");
    assertThat(kiosk.text("[data-action=walk-in]")).isEqualTo("Ambil nomor biasa");
    masked(kiosk, "the kiosk's refusal");
    shot(kiosk, "kiosk-checkin-too-early.png");

    // 10:20, past the window's end at 10:15: an ordinary number is the way on (the no-show job may
    // have turned the booking into a no-show first, which the kiosk answers the same way)
    fixture.clock.set(java.time.Instant.parse("2026-11-30T03:20:00Z"));
    kiosk.click("[data-action=walk-in]");
    screen(kiosk, "start");
    new Actions(kiosk.driver).sendKeys(booked.json().getString("code"), Keys.ENTER).perform();
    kiosk.until(d -> "checkin-error".equals(kiosk.body("screen"))
        && !kiosk.text(".error-detail").contains("Terlalu awal"));
    String code = kiosk.find(".error-detail").getAttribute("data-code");
    assertThat(code).isIn("CHECK_IN_WINDOW", "BOOKING_NOT_ACTIVE");
    assertThat(kiosk.text(".error-detail")).contains(code.equals("CHECK_IN_WINDOW") ? "sudah lewat" : "tidak dapat dipakai");
    assertThat(kiosk.text("[data-action=walk-in]")).isEqualTo("Ambil nomor biasa");
    shot(kiosk, "kiosk-checkin-too-late.png");
    assertThat(TestDb.count(fixture.pool, "SELECT count(*) FROM ticket").await()).isZero();
  }

  WsClient connectAgent() {
    WsClient ws = new WsClient(hall.server.port());
    ws.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("printer:kiosk-1"))
        .put("token", hall.server.demoSecrets().get("printer-1")));
    ws.next("snapshot");
    ws.next(m -> "ack".equals(m.getString("type")) || "printer".equals(m.getString("type")), WAIT);
    return ws;
  }
}
