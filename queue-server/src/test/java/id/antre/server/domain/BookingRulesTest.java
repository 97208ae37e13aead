package id.antre.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The NIK and phone number rules, their masks, and the booking calendar. */
class BookingRulesTest {
  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  static final Hall.Booking BOOKING = new Hall.Booking(true, 30, 2, 20, 2, LocalTime.of(7, 0), true, true, 30, 15,
      Hall.BookingOrder.SLOT);
  static final Hall.Service KTP = new Hall.Service("KTP", "DUKCAPIL", "A", "KTP-el", 100,
      Map.of(DayOfWeek.MONDAY, new Hall.TimeRange(LocalTime.of(8, 0), LocalTime.of(10, 0)),
          DayOfWeek.FRIDAY, new Hall.TimeRange(LocalTime.of(8, 0), LocalTime.of(14, 0))),
      0, Optional.empty(), 0, List.of(), 30, 8, Optional.of(BOOKING));
  static final Hall HALL = new Hall("MPP", "", JAKARTA, new Hall.RoutingRules(3, true, 2),
      Optional.of(new Hall.TimeRange(LocalTime.of(11, 30), LocalTime.of(13, 0))),
      Map.of(LocalDate.of(2026, 12, 7), "Libur"), List.of("selesai"), List.of(), List.of(KTP), List.of(), "", "",
      Hall.Voice.DEFAULT);

  static Instant local(String dateTime) {
    return java.time.LocalDateTime.parse(dateTime).atZone(JAKARTA).toInstant();
  }

  @Test
  void aNikIsSixteenDigitsWithAProvinceABirthDateAndASerial() {
    assertThat(Nik.problem("3209011508900001")).isEmpty();
    assertThat(Nik.problem("3209015508900001")).isEmpty();            // a woman: day + 40
    assertThat(Nik.problem("1101012902000001")).isEmpty();            // 29 February 2000
    assertThat(Nik.problem("9409013112990001")).isEmpty();
    assertThat(Nik.problem("320901150890001")).isPresent();           // 15 digits
    assertThat(Nik.problem("32090115089000011")).isPresent();         // 17
    assertThat(Nik.problem("32090115089O0001")).isPresent();          // a letter O
    assertThat(Nik.problem("1009011508900001")).isPresent();          // province 10
    assertThat(Nik.problem("9509011508900001")).isPresent();          // province 95
    assertThat(Nik.problem("3209010008900001")).isPresent();          // day 0
    assertThat(Nik.problem("3209013108900001")).isEmpty();            // 31 August
    assertThat(Nik.problem("3209013109900001")).isPresent();          // 31 September
    assertThat(Nik.problem("3209014108900001")).isEmpty();            // a woman born on the 1st
    assertThat(Nik.problem("3209017208900001")).isPresent();          // 72 - 40 = 32
    assertThat(Nik.problem("3209011508900000")).isPresent();          // serial 0000
    assertThat(Nik.problem(null)).isPresent();
    assertThat(Nik.masked("3209011508900001")).isEqualTo("3209********0001");
  }

  @Test
  void aPhoneNumberInAnyUsualFormIsNormalisedToPlus62() {
    assertThat(PhoneNumber.normalised("0812-3456-7890")).contains("+6281234567890");
    assertThat(PhoneNumber.normalised("62 812 3456 7890")).contains("+6281234567890");
    assertThat(PhoneNumber.normalised("+62 (812) 3456.7890")).contains("+6281234567890");
    assertThat(PhoneNumber.normalised("0812345678")).contains("+62812345678");        // 9 digits after 62
    assertThat(PhoneNumber.normalised("081234567")).isEmpty();                          // 8
    assertThat(PhoneNumber.normalised("+628123456789012")).isPresent();                // 13
    assertThat(PhoneNumber.normalised("+6281234567890123")).isEmpty();                 // 14
    assertThat(PhoneNumber.normalised("+6208123456789")).isEmpty();                    // a 0 after +62
    assertThat(PhoneNumber.normalised("+1 202 555 0100")).isEmpty();
    assertThat(PhoneNumber.normalised("0812abc34567")).isEmpty();
    assertThat(PhoneNumber.masked("+6281234567890")).isEqualTo("+62812****7890");
  }

  @Test
  void slotsFillTheHoursAndSkipTheFridayBreakAndHolidays() {
    assertThat(BookingCalendar.slots(HALL, KTP, BOOKING, LocalDate.of(2026, 11, 30), false))
        .extracting(BookingCalendar.Slot::start)
        .containsExactly(LocalTime.of(8, 0), LocalTime.of(8, 30), LocalTime.of(9, 0), LocalTime.of(9, 30));
    assertThat(BookingCalendar.slots(HALL, KTP, BOOKING, LocalDate.of(2026, 12, 4), false))
        .extracting(BookingCalendar.Slot::start).doesNotContain(LocalTime.of(11, 30), LocalTime.of(12, 0),
            LocalTime.of(12, 30)).contains(LocalTime.of(11, 0), LocalTime.of(13, 0));
    assertThat(BookingCalendar.slots(HALL, KTP, BOOKING, LocalDate.of(2026, 12, 1), false)).isEmpty(); // Tuesday
    assertThat(BookingCalendar.slots(HALL, KTP, BOOKING, LocalDate.of(2026, 12, 7), false)).isEmpty(); // holiday
    // demo mode: a closed day has the service's first hours
    assertThat(BookingCalendar.slots(HALL, KTP, BOOKING, LocalDate.of(2026, 12, 1), true)).isNotEmpty();
  }

  @Test
  void aDayOpensDaysAheadAtTheConfiguredHourAndNotBeforeAPastDay() {
    LocalDate wednesday = LocalDate.of(2026, 12, 2);
    assertThat(BookingCalendar.bookable(HALL, BOOKING, wednesday, local("2026-11-30T06:59"), false).open()).isFalse();
    assertThat(BookingCalendar.bookable(HALL, BOOKING, wednesday, local("2026-11-30T07:00"), false).open()).isTrue();
    assertThat(BookingCalendar.bookable(HALL, BOOKING, LocalDate.of(2026, 11, 29), local("2026-11-30T09:00"), false)
        .open()).isFalse();
    assertThat(BookingCalendar.bookable(HALL, BOOKING, LocalDate.of(2026, 12, 7), local("2026-12-05T09:00"), false)
        .reasonId()).contains("Libur");
    // demo mode: today, and up to daysAhead, whatever the hour
    assertThat(BookingCalendar.bookable(HALL, BOOKING, LocalDate.of(2026, 11, 30), local("2026-11-30T23:00"), true)
        .open()).isTrue();
  }

  @Test
  void theCheckInWindowAndTheQueueTimeFollowTheService() {
    Instant slot = local("2026-11-30T10:00");
    BookingCalendar.Window w = BookingCalendar.checkInWindow(BOOKING, slot);
    assertThat(w.contains(local("2026-11-30T09:29"))).isFalse();
    assertThat(w.contains(local("2026-11-30T09:30"))).isTrue();
    assertThat(w.contains(local("2026-11-30T10:15"))).isTrue();
    assertThat(w.contains(local("2026-11-30T10:16"))).isFalse();
    Instant now = local("2026-11-30T09:40");
    assertThat(BookingCalendar.queueTime(BOOKING, slot, now)).isEqualTo(slot);
    Hall.Booking byCheckIn = new Hall.Booking(true, 30, 2, 20, 2, LocalTime.of(7, 0), true, true, 30, 15,
        Hall.BookingOrder.CHECK_IN);
    assertThat(BookingCalendar.queueTime(byCheckIn, slot, now)).isEqualTo(now);
  }
}
