package id.antre.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketNumberTest {

  @ParameterizedTest(name = "{0} and {1} give {2}")
  @CsvSource(delimiter = '|', textBlock = """
      A  | 1     | A001
      A  | 7     | A007
      A  | 10    | A010
      A  | 12    | A012
      A  | 99    | A099
      A  | 100   | A100
      A  | 999   | A999
      A  | 1000  | A1000
      A  | 12345 | A12345
      AB | 1     | AB001
      KT | 42    | KT042
      ZZ | 1000  | ZZ1000
      """)
  void numbersArePaddedToThreeDigitsAndKeepAllDigitsPastNineHundredNinetyNine(String prefix, int number,
      String expected) {
    assertThat(TicketNumber.format(prefix, number)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void numbersBelowOneAreRefused(int number) {
    assertThatThrownBy(() -> TicketNumber.format("A", number))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(number));
  }

  @Test
  void theServiceDayInJakartaTurnsAtLocalMidnightNotAtUtcMidnight() {
    ZoneId wib = ZoneId.of("Asia/Jakarta");

    assertThat(TicketNumber.serviceDay(Instant.parse("2026-11-29T16:59:59Z"), wib))
        .isEqualTo(LocalDate.of(2026, 11, 29));
    assertThat(TicketNumber.serviceDay(Instant.parse("2026-11-29T17:00:00Z"), wib))
        .isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void anEarlyMorningTicketInJakartaBelongsToTheLocalDayAlthoughUtcIsStillYesterday() {
    // 07:45 WIB on the 30th is 00:45 UTC on the 30th; 06:30 WIB is 23:30 UTC on the 29th
    assertThat(TicketNumber.serviceDay(Instant.parse("2026-11-29T23:30:00Z"), ZoneId.of("Asia/Jakarta")))
        .isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @ParameterizedTest(name = "{0} at {1} is {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Asia/Makassar | 2026-11-29T15:59:59Z | 2026-11-29
      Asia/Makassar | 2026-11-29T16:00:00Z | 2026-11-30
      Asia/Jayapura | 2026-11-29T14:59:59Z | 2026-11-29
      Asia/Jayapura | 2026-11-29T15:00:00Z | 2026-11-30
      Asia/Jakarta  | 2026-12-31T17:00:00Z | 2027-01-01
      """)
  void theServiceDayFollowsTheHallsOwnTimeZone(String zone, String instant, String day) {
    assertThat(TicketNumber.serviceDay(Instant.parse(instant), ZoneId.of(zone))).isEqualTo(LocalDate.parse(day));
  }
}
