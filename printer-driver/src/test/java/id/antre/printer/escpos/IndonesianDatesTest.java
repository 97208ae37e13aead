package id.antre.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class IndonesianDatesTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Test
    void formatsDayDateMonthYearAndTwentyFourHourTime() {
        assertThat(IndonesianDates.dateTime(ZonedDateTime.of(2026, 11, 28, 8, 12, 59, 0, WIB)))
                .isEqualTo("Sabtu, 28 November 2026 08.12");
    }

    @Test
    void singleDigitDaysAreNotPaddedButHoursAndMinutesAre() {
        assertThat(IndonesianDates.dateTime(ZonedDateTime.of(2027, 1, 4, 0, 5, 0, 0, WIB)))
                .isEqualTo("Senin, 4 Januari 2027 00.05");
    }

    @Test
    void afternoonUsesTwentyFourHourClock() {
        assertThat(IndonesianDates.dateTime(ZonedDateTime.of(2026, 8, 17, 15, 30, 0, 0, WIB)))
                .isEqualTo("Senin, 17 Agustus 2026 15.30");
    }

    @Test
    void timeIsPrintedInTheZoneItCarries() {
        ZonedDateTime utc = ZonedDateTime.of(2026, 11, 27, 23, 30, 0, 0, ZoneId.of("UTC"));

        assertThat(IndonesianDates.dateTime(utc.withZoneSameInstant(ZoneId.of("Asia/Makassar"))))
                .isEqualTo("Sabtu, 28 November 2026 07.30");
    }

    @Test
    void everyDayAndMonthHasItsIndonesianName() {
        assertThat(java.util.Arrays.stream(DayOfWeek.values()).map(IndonesianDates::dayName))
                .containsExactly("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu");
        assertThat(java.util.Arrays.stream(Month.values()).map(IndonesianDates::monthName))
                .containsExactly("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                        "September", "Oktober", "November", "Desember");
    }
}
