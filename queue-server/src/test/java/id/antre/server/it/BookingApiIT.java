package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.antre.server.api.QrSvgReader;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Booking over HTTP against a real database, on the small hall with its real hours (Monday 30
 * November 2026, 09:00 in Jakarta): KTP books 15-minute slots of 2, 20 a day, with NIK and phone;
 * SKCK 30-minute slots of 1, 3 a day, NIK only, queued at check-in. Every refusal has its code and
 * stores nothing; NIK and phone appear only masked, in the answers and in the server's log. Each
 * test books days or slots of its own.
 */
@CoreLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingApiIT {
  static final String TODAY = "2026-11-30";
  static final String TUESDAY = "2026-12-01";
  static final String WEDNESDAY = "2026-12-02";
  static final String THURSDAY = "2026-12-03";
  static final String PHONE = "0812-3456-7890";

  HallFixture fixture;
  Api api;
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final List<String> niks = new ArrayList<>();
  int serial = 1;

  @BeforeAll
  void start() {
    log.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, true);
    api = fixture.api();
  }

  @AfterAll
  void stop() {
    fixture.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
  }

  /** A valid NIK of West Java (32), Kabupaten Cirebon (09), born 15 August 1990, a new serial each time. */
  String nik() {
    String n = "320901150890" + String.format("%04d", serial++);
    niks.add(n);
    return n;
  }

  Api.Response book(String service, String day, String slot, String nik, String phone) {
    JsonObject body = new JsonObject().put("service", service).put("day", day).put("slot", slot)
        .put("requestId", UUID.randomUUID().toString());
    if (nik != null) {
      body.put("nik", nik);
    }
    if (phone != null) {
      body.put("phone", phone);
    }
    return api.post("/api/v1/bookings", null, body);
  }

  JsonObject booked(String service, String day, String slot) {
    Api.Response r = book(service, day, slot, nik(), service.equals("KTP") ? PHONE : null);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  long count(String sql, Object... args) {
    return fixture.pool.preparedQuery(sql).execute(Tuple.from(args)).await().iterator().next().getLong(0);
  }

  long bookings() {
    return count("SELECT count(*) FROM booking");
  }

  long placesTaken() {
    return count("SELECT COALESCE(sum(taken), 0) FROM booking_slot") * 1000 + count("SELECT COALESCE(sum(taken), 0) FROM booking_day");
  }

  @Test
  void theSlotsOfADayComeWithTheirPlacesAndTheConsentText() {
    Api.Response r = api.get("/api/v1/booking/slots?service=KTP&day=" + TUESDAY, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject j = r.json();
    assertThat(j.getString("service")).isEqualTo("KTP");
    assertThat(j.getString("day")).isEqualTo(TUESDAY);
    assertThat(j.getString("opensAt")).startsWith("2026-11-24T07:00");
    assertThat(j.getBoolean("open")).isTrue();
    assertThat(j.getJsonArray("slots").getJsonObject(0).getMap()).containsEntry("start", "08:00")
        .containsEntry("end", "08:15").containsEntry("capacity", 2);
    // 08:00-15:00 in quarters
    assertThat(j.getJsonArray("slots")).hasSize(28);
    assertThat(j.getJsonObject("consent").getString("id")).contains("NIK").contains("hari");
    assertThat(j.getJsonObject("consent").getString("en")).contains("deleted");

    // today's slots that have begun are shown but not offered
    JsonObject today = api.get("/api/v1/booking/slots?service=KTP&day=" + TODAY, null).json();
    assertThat(today.getJsonArray("slots").getJsonObject(0).getBoolean("past")).isTrue();
    assertThat(today.getJsonArray("slots").getJsonObject(0).getInteger("left")).isZero();

    // Friday: no slot within the Friday break
    JsonObject friday = api.get("/api/v1/booking/slots?service=KTP&day=2026-12-04", null).json();
    assertThat(friday.getJsonArray("slots").stream().map(o -> ((JsonObject) o).getString("start")))
        .doesNotContain("11:30", "12:00", "12:45").contains("11:15", "13:00");

    assertThat(api.get("/api/v1/booking/slots?service=KK&day=" + TUESDAY, null).code()).isEqualTo("BOOKING_CLOSED");
    assertThat(api.get("/api/v1/booking/slots?service=XX&day=" + TUESDAY, null).code()).isEqualTo("UNKNOWN_SERVICE");
    assertThat(api.get("/api/v1/booking/slots?service=KTP&day=besok", null).code()).isEqualTo("INVALID_DAY");
  }

  @Test
  void aBookingIsAnsweredWithItsCodeAndOnlyTheMaskedNikAndPhone() {
    String nik = "3209015508900123"; // a woman: 15 + 40
    Api.Response r = book("KTP", TUESDAY, "08:00", nik, "+62 812 3456 7890");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonObject j = r.json();
    assertThat(j.getString("code")).matches("[2-9A-HJ-NP-Z]{8}");
    assertThat(j.getString("status")).isEqualTo("BOOKED");
    assertThat(j.getString("slot")).isEqualTo("08:00");
    assertThat(j.getString("nik")).isEqualTo("3209********0123");
    assertThat(j.getString("phone")).isEqualTo("+62812****7890");
    assertThat(r.body()).doesNotContain(nik).doesNotContain("81234567890");
    assertThat(j.getJsonObject("checkIn").getString("fromLocal")).isEqualTo("07.30");

    Api.Response again = api.get("/api/v1/bookings/" + j.getString("code").toLowerCase(), null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).doesNotContain(nik).doesNotContain("81234567890");
    assertThat(again.json().getString("nik")).isEqualTo("3209********0123");
    Api.Response qr = api.get("/api/v1/bookings/" + j.getString("code") + "/qr.svg", null);
    assertThat(qr.status()).isEqualTo(200);
    assertThat(qr.contentType()).startsWith("image/svg+xml");
    assertThat(QrSvgReader.decode(qr.body())).isEqualTo(j.getString("code"));

    // the full NIK is nowhere in the row; the phone is kept (normalised) for contact until retention
    Row row = fixture.pool.preparedQuery("SELECT * FROM booking WHERE code = $1").execute(Tuple.of(j.getString("code")))
        .await().iterator().next();
    assertThat(row.toJson().encode()).doesNotContain(nik);
    assertThat(row.getString("phone")).isEqualTo("+6281234567890");
  }

  @Test
  void everyRefusalHasItsOwnCodeAndStoresNothing() {
    booked("KTP", WEDNESDAY, "09:00");
    String taken = nik();
    assertThat(book("KTP", WEDNESDAY, "09:00", taken, PHONE).status()).isEqualTo(201);
    long before = bookings();
    long places = placesTaken();
    record Case(String code, String service, String day, String slot, String nik, String phone) {
    }
    List<Case> cases = List.of(
        new Case("INVALID_NIK", "KTP", WEDNESDAY, "10:00", "12345", PHONE),
        new Case("INVALID_NIK", "KTP", WEDNESDAY, "10:00", "1009011508900001", PHONE),   // province 10
        new Case("INVALID_NIK", "KTP", WEDNESDAY, "10:00", "3209013208900001", PHONE),   // day 32
        new Case("INVALID_NIK", "KTP", WEDNESDAY, "10:00", "3209017208900001", PHONE),   // day 72 - 40 = 32
        new Case("INVALID_NIK", "KTP", WEDNESDAY, "10:00", "3209011513900001", PHONE),   // month 13
        new Case("INVALID_NIK", "KTP", WEDNESDAY, "10:00", "3209011508900000", PHONE),   // serial 0000
        new Case("INVALID_NIK", "KTP", WEDNESDAY, "10:00", null, PHONE),
        new Case("INVALID_PHONE", "KTP", WEDNESDAY, "10:00", nik(), "12345"),
        new Case("INVALID_PHONE", "KTP", WEDNESDAY, "10:00", nik(), "+1 202 555 0100"),
        new Case("INVALID_PHONE", "KTP", WEDNESDAY, "10:00", nik(), null),
        new Case("INVALID_DAY", "KTP", "2026-13-01", "10:00", nik(), PHONE),
        new Case("INVALID_SLOT", "KTP", WEDNESDAY, "10:07", nik(), PHONE),
        new Case("INVALID_SLOT", "KTP", WEDNESDAY, "16:00", nik(), PHONE),
        new Case("INVALID_SLOT", "KTP", WEDNESDAY, "jam sepuluh", nik(), PHONE),
        new Case("BOOKING_CLOSED", "KTP", "2026-11-27", "10:00", nik(), PHONE),          // past day
        new Case("BOOKING_CLOSED", "KTP", "2026-12-08", "10:00", nik(), PHONE),          // opens 1 Dec 07:00
        new Case("BOOKING_CLOSED", "KTP", TODAY, "08:30", nik(), PHONE),                 // the slot has begun
        new Case("BOOKING_CLOSED", "KTP", "2026-12-25", "10:00", nik(), PHONE),          // a holiday
        new Case("BOOKING_CLOSED", "KK", WEDNESDAY, "10:00", nik(), PHONE),              // no online booking
        new Case("UNKNOWN_SERVICE", "XX", WEDNESDAY, "10:00", nik(), PHONE),
        new Case("SLOT_FULL", "KTP", WEDNESDAY, "09:00", nik(), PHONE),
        new Case("ALREADY_BOOKED", "KTP", WEDNESDAY, "11:00", taken, PHONE));
    for (Case c : cases) {
      Api.Response r = book(c.service(), c.day(), c.slot(), c.nik(), c.phone());
      assertThat(r.code()).as(c + " -> " + r.body()).isEqualTo(c.code());
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(bookings()).isEqualTo(before);
    assertThat(placesTaken()).isEqualTo(places);
    // a malformed body
    assertThat(api.post("/api/v1/bookings", null, "{\"service\":\"KTP\",\"day\":\"" + WEDNESDAY
        + "\",\"slot\":\"10:00\",\"requestId\":\"x\",\"extra\":1}").code()).isEqualTo("INVALID_REQUEST");
    assertThat(bookings()).isEqualTo(before);
  }

  @Test
  void theDaysOnlineQuotaIsApartFromTheSlotsAndRefusedWhenUsedUp() {
    // SKCK: 3 a day, one per slot, NIK only
    for (String slot : List.of("08:00", "08:30", "09:30")) {
      assertThat(book("SKCK", THURSDAY, slot, nik(), null).status()).isEqualTo(201);
    }
    long before = bookings();
    assertThat(book("SKCK", THURSDAY, "10:00", nik(), null).code()).isEqualTo("QUOTA_EXHAUSTED");
    assertThat(bookings()).isEqualTo(before);
    assertThat(count("SELECT taken FROM booking_slot WHERE service = 'SKCK' AND day = '2026-12-03' AND slot = '10:00'"
        + " UNION ALL SELECT 0 LIMIT 1")).isZero();
    JsonObject slots = api.get("/api/v1/booking/slots?service=SKCK&day=" + THURSDAY, null).json();
    assertThat(slots.getInteger("quotaLeft")).isZero();
    assertThat(slots.getJsonArray("slots").stream().mapToInt(o -> ((JsonObject) o).getInteger("left")).sum()).isZero();
  }

  @Test
  void aRepeatedRequestIdAnswersTheFirstBooking() {
    JsonObject body = new JsonObject().put("service", "KTP").put("day", TUESDAY).put("slot", "13:00")
        .put("nik", nik()).put("phone", PHONE).put("requestId", "ulang-1");
    Api.Response first = api.post("/api/v1/bookings", null, body);
    Api.Response second = api.post("/api/v1/bookings", null, body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().getString("code")).isEqualTo(first.json().getString("code"));
    assertThat(count("SELECT count(*) FROM booking WHERE request_id = 'ulang-1'")).isEqualTo(1);
    assertThat(count("SELECT taken FROM booking_slot WHERE service = 'KTP' AND day = '2026-12-01' AND slot = '13:00'"))
        .isEqualTo(1);
  }

  @Test
  void cancellingGivesThePlaceBackAndMovingNeverLosesTheOldSlot() {
    String code = booked("KTP", TUESDAY, "14:00").getString("code");
    booked("KTP", TUESDAY, "14:15");
    booked("KTP", TUESDAY, "14:15"); // 14:15 is full now

    Api.Response full = api.post("/api/v1/bookings/" + code + "/reschedule", null,
        new JsonObject().put("day", TUESDAY).put("slot", "14:15"));
    assertThat(full.code()).isEqualTo("SLOT_FULL");
    assertThat(api.get("/api/v1/bookings/" + code, null).json().getString("slot")).isEqualTo("14:00");
    assertThat(count("SELECT taken FROM booking_slot WHERE service = 'KTP' AND day = '2026-12-01' AND slot = '14:00'"))
        .isEqualTo(1);

    Api.Response moved = api.post("/api/v1/bookings/" + code + "/reschedule", null,
        new JsonObject().put("day", WEDNESDAY).put("slot", "14:30"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().getString("day")).isEqualTo(WEDNESDAY);
    assertThat(moved.json().getString("slot")).isEqualTo("14:30");
    assertThat(moved.json().getString("code")).isEqualTo(code);
    assertThat(count("SELECT taken FROM booking_slot WHERE service = 'KTP' AND day = '2026-12-01' AND slot = '14:00'"))
        .isZero();
    assertThat(count("SELECT taken FROM booking_slot WHERE service = 'KTP' AND day = '2026-12-02' AND slot = '14:30'"))
        .isEqualTo(1);

    Api.Response cancelled = api.post("/api/v1/bookings/" + code + "/cancel", null, (String) null);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
    assertThat(api.post("/api/v1/bookings/" + code + "/cancel", null, (String) null).status()).isEqualTo(200);
    assertThat(count("SELECT taken FROM booking_slot WHERE service = 'KTP' AND day = '2026-12-02' AND slot = '14:30'"))
        .isZero();
    assertThat(api.post("/api/v1/bookings/" + code + "/reschedule", null,
        new JsonObject().put("day", WEDNESDAY).put("slot", "14:45")).code()).isEqualTo("BOOKING_NOT_ACTIVE");
    assertThat(api.get("/api/v1/bookings/ZZZZZZZZ", null).code()).isEqualTo("UNKNOWN_BOOKING");
    assertThat(api.get("/api/v1/bookings/0OIL", null).code()).isEqualTo("UNKNOWN_BOOKING");
  }

  @Test
  void manyConcurrentRequestsForTheLastPlacesNeverOversell() throws Exception {
    // the slot has 2 places, the SKCK day 3: 40 phones at once for one slot, 40 for any SKCK slot
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Api.Response>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String n = nik();
        calls.add(() -> book("KTP", THURSDAY, "12:00", n, PHONE));
      }
      String[] skckSlots = {"08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"};
      for (int i = 0; i < 40; i++) {
        String n = nik();
        String slot = skckSlots[i % skckSlots.length];
        calls.add(() -> book("SKCK", WEDNESDAY, slot, n, null));
      }
      List<Api.Response> answers = new ArrayList<>();
      for (Future<Api.Response> f : pool.invokeAll(calls)) {
        answers.add(f.get());
      }
      assertThat(answers.subList(0, 40).stream().filter(r -> r.status() == 201)).hasSize(2);
      assertThat(answers.subList(0, 40).stream().filter(r -> r.status() != 201).map(Api.Response::code))
          .containsOnly("SLOT_FULL");
      assertThat(answers.subList(40, 80).stream().filter(r -> r.status() == 201)).hasSize(3);
      assertThat(answers.subList(40, 80).stream().filter(r -> r.status() != 201).map(Api.Response::code))
          .isSubsetOf("SLOT_FULL", "QUOTA_EXHAUSTED");
    } finally {
      pool.shutdownNow();
    }
    // in SQL: no slot or day over its capacity, and the counts are the rows
    assertThat(count("SELECT count(*) FROM booking_slot WHERE taken > capacity")).isZero();
    assertThat(count("SELECT count(*) FROM booking WHERE service = 'KTP' AND day = '2026-12-03' AND slot = '12:00'"))
        .isEqualTo(2);
    assertThat(count("SELECT count(*) FROM booking WHERE service = 'SKCK' AND day = '2026-12-02'")).isEqualTo(3);
    assertThat(count("""
        SELECT count(*) FROM booking_slot s WHERE s.taken <> (SELECT count(*) FROM booking b
          WHERE b.service = s.service AND b.day = s.day AND b.slot = s.slot AND b.status IN ('BOOKED', 'CHECKED_IN', 'NO_SHOW'))""")).isZero();
    assertThat(count("""
        SELECT count(*) FROM booking_day d WHERE d.taken <> (SELECT count(*) FROM booking b
          WHERE b.service = d.service AND b.day = d.day AND b.status IN ('BOOKED', 'CHECKED_IN', 'NO_SHOW'))""")).isZero();
  }

  @Test
  void noNikOrPhoneNumberOrBookingCodeIsEverWrittenToTheLog() {
    String code = booked("KTP", TUESDAY, "11:00").getString("code");
    book("KTP", TUESDAY, "11:00", "3209011508909999", PHONE);
    book("KTP", TUESDAY, "11:00", "9909011508909999", "0899 1111 2222");
    List<ILoggingEvent> events = Logged.events(log);
    assertThat(events).isNotEmpty();
    for (ILoggingEvent e : events) {
      String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
      for (String n : List.copyOf(niks)) {
        assertThat(line).doesNotContain(n);
      }
      assertThat(line).doesNotContain("3456-7890").doesNotContain("81234567890").doesNotContain("89911112222")
          .doesNotContain("9909011508909999")
          .as("the code lets whoever has it cancel or move the booking").doesNotContain(code);
    }
  }
}
