package id.antre.printer.escpos;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.ZonedDateTime;

/**
 * Dates as printed on an Indonesian ticket, such as {@code "Sabtu, 28 November 2026 08.12"}.
 * The names are written out here rather than taken from {@code Locale} data, which differs
 * between JDK builds (CLDR vs COMPAT) and is absent from some minimal runtimes.
 */
public final class IndonesianDates {

    private static final String[] DAYS = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
    private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember"};

    private IndonesianDates() {
    }

    /** {@code "Sabtu"} for Saturday. */
    public static String dayName(DayOfWeek day) {
        return DAYS[day.getValue() - 1];
    }

    /** {@code "November"} for November. */
    public static String monthName(Month month) {
        return MONTHS[month.getValue() - 1];
    }

    /** Day, date and 24-hour time in the time's own zone: {@code "Sabtu, 28 November 2026 08.12"}. */
    public static String dateTime(ZonedDateTime time) {
        return "%s, %d %s %d %02d.%02d".formatted(dayName(time.getDayOfWeek()), time.getDayOfMonth(),
                monthName(time.getMonth()), time.getYear(), time.getHour(), time.getMinute());
    }
}
