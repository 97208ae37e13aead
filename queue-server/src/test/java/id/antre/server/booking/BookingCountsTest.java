package id.antre.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BookingCountsTest {
  @Test
  void theNoShowRateCountsOnlyBookingsWhoseOutcomeIsKnown() {
    // 10 booked: 2 cancelled, 5 checked in, 1 no-show, 2 still open
    BookingRepository.Counts c = new BookingRepository.Counts("KTP", 10, 2, 5, 1);
    assertThat(c.open()).isEqualTo(2);
    assertThat(c.noShowPct()).isEqualTo(16.7);
  }

  @Test
  void thereIsNoNoShowRateBeforeAnyBookingIsCheckedInOrMissed() {
    assertThat(new BookingRepository.Counts("KTP", 3, 1, 0, 0).noShowPct()).isNull();
    assertThat(new BookingRepository.Counts("KTP", 2, 0, 0, 2).noShowPct()).isEqualTo(100.0);
  }
}
