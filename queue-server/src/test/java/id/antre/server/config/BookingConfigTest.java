package id.antre.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.antre.server.domain.Hall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** A service's {@code booking} section of the hall file: its defaults and its refusals, each naming the field. */
class BookingConfigTest {
  private static final String HALL = """
      hall: { name: MPP UJI, timeZone: Asia/Jakarta }
      defaults: { hours: { mon: "08:00-15:00" } }
      agencies:
        - code: DUKCAPIL
          name: Disdukcapil
          services:
            - code: KTP
              prefix: A
              name: KTP-el
              dailyQuota: 200
              booking: BOOKING
      counters:
        - { id: "1", agency: DUKCAPIL, zone: lantai-1, services: [KTP] }
      """;

  private static Hall.Booking parsed(String booking) {
    return HallConfigParser.parse(HALL.replace("BOOKING", booking)).service("KTP").orElseThrow().booking().orElseThrow();
  }

  private static ConfigException refused(String booking) {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> HallConfigParser.parse(HALL.replace("BOOKING", booking)));
    assertThat(e).as("refused").isNotNull();
    return e;
  }

  @Test
  void theDemoHallOffersBookingForKtpAndSkck() throws IOException {
    try (InputStream in = BookingConfigTest.class.getResourceAsStream("/halls/cirebon.yaml")) {
      Hall hall = HallConfigParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(hall.service("KTP").orElseThrow().bookable()).isPresent();
      assertThat(hall.service("SKCK").orElseThrow().bookable()).isPresent();
      assertThat(hall.service("KK").orElseThrow().bookable()).isEmpty();
      Hall.Booking ktp = hall.service("KTP").orElseThrow().bookable().orElseThrow();
      assertThat(ktp.quotaPerDay()).isEqualTo(60);
      assertThat(ktp.opensAt()).isEqualTo(LocalTime.of(7, 0));
      assertThat(ktp.checkInBeforeMinutes()).isEqualTo(30);
      assertThat(ktp.checkInAfterMinutes()).isEqualTo(15);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Test
  void whatTheSectionLeavesOutTakesTheDefaults() {
    Hall.Booking b = parsed("{ quotaPerDay: 40 }");
    assertThat(b).isEqualTo(new Hall.Booking(true, 15, 2, 40, 7, LocalTime.of(7, 0), true, false, 30, 15,
        Hall.BookingOrder.SLOT));
    assertThat(parsed("{ quotaPerDay: 40, order: check-in, checkIn: { beforeMinutes: 10 } }"))
        .extracting(Hall.Booking::order, Hall.Booking::checkInBeforeMinutes, Hall.Booking::checkInAfterMinutes)
        .containsExactly(Hall.BookingOrder.CHECK_IN, 10, 15);
  }

  @Test
  void aDisabledSectionOffersNoBooking() {
    Hall hall = HallConfigParser.parse(HALL.replace("BOOKING", "{ enabled: false, quotaPerDay: 40 }"));
    assertThat(hall.service("KTP").orElseThrow().bookable()).isEmpty();
  }

  @Test
  void mistakesAreRefusedNamingTheField() {
    assertThat(refused("{ }").field()).isEqualTo("agencies[0].services[0].booking.quotaPerDay");
    assertThat(refused("{ quotaPerDay: 40, slotMinute: 15 }").field())
        .isEqualTo("agencies[0].services[0].booking.slotMinute");
    assertThat(refused("{ quotaPerDay: 40, slotMinutes: 1 }").getMessage()).contains("out of range 5..240");
    assertThat(refused("{ quotaPerDay: 40, order: first-come }").getMessage()).contains("not slot or check-in");
    assertThat(refused("{ quotaPerDay: 40, checkIn: { before: 30 } }").field())
        .isEqualTo("agencies[0].services[0].booking.checkIn.before");
    assertThat(refused("{ quotaPerDay: 40, opensAt: 7:30 }").getMessage()).contains("write times in quotes");
    assertThat(refused("{ quotaPerDay: 40, needsNik: ya }").getMessage()).contains("true or false");
  }
}
