package id.antre.server.domain;

import id.antre.server.domain.Hall.Service;
import id.antre.server.domain.Hall.TimeRange;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Whether a service issues tickets at a given moment: opening hours per weekday, the issuing
 * cut-off before closing, holidays and the Friday prayer break.
 */
public final class Availability {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH.mm");

  private Availability() {
  }

  /** The answer: open, or closed with a reason a visitor can read and maybe when it opens. */
  public record Decision(boolean open, String reasonId, String reasonEn, Optional<ZonedDateTime> opensAt) {
    static Decision yes() {
      return new Decision(true, "Buka", "Open", Optional.empty());
    }
  }

  /**
   * @param alwaysOpen demo mode: every service issues whenever the demo runs
   */
  public static Decision issuing(Hall hall, Service service, ZonedDateTime now, boolean alwaysOpen) {
    if (alwaysOpen) {
      return Decision.yes();
    }
    ZonedDateTime local = now.withZoneSameInstant(hall.timeZone());
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    String holiday = hall.holidays().get(day);
    if (holiday != null) {
      return new Decision(false, "Libur: " + holiday, "Holiday: " + holiday, nextOpening(hall, service, local));
    }
    TimeRange hours = service.hours().get(day.getDayOfWeek());
    if (hours == null) {
      return new Decision(false, "Layanan tidak buka hari ini", "Not open today", nextOpening(hall, service, local));
    }
    LocalTime issueFrom = hours.from().minusMinutes(service.issuingOpensMinutesBefore());
    LocalTime cutoff = cutoff(service, hours);
    if (time.isBefore(issueFrom)) {
      return new Decision(false, "Belum buka, pengambilan nomor mulai pukul " + HH_MM.format(issueFrom),
          "Not open yet; tickets from " + HH_MM.format(issueFrom),
          Optional.of(local.with(issueFrom)));
    }
    if (!time.isBefore(cutoff)) {
      return new Decision(false, "Pengambilan nomor sudah ditutup pukul " + HH_MM.format(cutoff),
          "Ticket issuing closed at " + HH_MM.format(cutoff), nextOpening(hall, service, local));
    }
    Optional<TimeRange> prayer = hall.fridayBreak();
    if (day.getDayOfWeek() == java.time.DayOfWeek.FRIDAY && prayer.isPresent() && prayer.get().contains(time)) {
      return new Decision(false,
          "Istirahat sholat Jumat, buka kembali pukul " + HH_MM.format(prayer.get().to()),
          "Friday prayer break until " + HH_MM.format(prayer.get().to()),
          Optional.of(local.with(prayer.get().to())));
    }
    return Decision.yes();
  }

  /**
   * When service starts later today, if it does: a ticket taken before the counters open waits
   * for that, not for the people ahead.
   */
  public static Optional<LocalTime> servingFromLaterToday(Hall hall, Service service, ZonedDateTime now) {
    ZonedDateTime local = now.withZoneSameInstant(hall.timeZone());
    TimeRange hours = service.hours().get(local.getDayOfWeek());
    if (hours == null || hall.holidays().containsKey(local.toLocalDate()) || !local.toLocalTime().isBefore(hours.from())) {
      return Optional.empty();
    }
    return Optional.of(hours.from());
  }

  /** Today's opening time of a service, if it opens today at all. */
  public static Optional<LocalTime> opensToday(Hall hall, Service service, ZonedDateTime now) {
    ZonedDateTime local = now.withZoneSameInstant(hall.timeZone());
    TimeRange hours = service.hours().get(local.getDayOfWeek());
    return hours == null || hall.holidays().containsKey(local.toLocalDate()) ? Optional.empty()
        : Optional.of(hours.from());
  }

  /**
   * Whether a service still serves today (a transfer's target): closed on a holiday, on a day
   * without hours, and after its closing time. Before opening it counts as serving: the visitor
   * waits for the counters to open, as a ticket taken then does.
   */
  public static Decision servingToday(Hall hall, Service service, ZonedDateTime now, boolean alwaysOpen) {
    if (alwaysOpen) {
      return Decision.yes();
    }
    ZonedDateTime local = now.withZoneSameInstant(hall.timeZone());
    String holiday = hall.holidays().get(local.toLocalDate());
    if (holiday != null) {
      return new Decision(false, "Libur: " + holiday, "Holiday: " + holiday, nextOpening(hall, service, local));
    }
    TimeRange hours = service.hours().get(local.getDayOfWeek());
    if (hours == null) {
      return new Decision(false, "Layanan tidak buka hari ini", "Not open today", nextOpening(hall, service, local));
    }
    if (!local.toLocalTime().isBefore(hours.to())) {
      return new Decision(false, "Layanan sudah tutup pukul " + HH_MM.format(hours.to()),
          "Closed at " + HH_MM.format(hours.to()), nextOpening(hall, service, local));
    }
    return Decision.yes();
  }

  /** A time as Indonesian texts write it: "08.00". */
  public static String time(LocalTime t) {
    return HH_MM.format(t);
  }

  static LocalTime cutoff(Service service, TimeRange hours) {
    return service.issuingCutoff().orElse(hours.to().minusMinutes(service.cutoffMinutesBeforeClose()));
  }

  /** The next moment, within two weeks, at which issuing opens. */
  static Optional<ZonedDateTime> nextOpening(Hall hall, Service service, ZonedDateTime local) {
    LocalDate day = local.toLocalDate();
    for (int i = 1; i <= 14; i++) {
      LocalDate d = day.plusDays(i);
      TimeRange hours = service.hours().get(d.getDayOfWeek());
      if (hours != null && !hall.holidays().containsKey(d)) {
        return Optional.of(d.atTime(hours.from().minusMinutes(service.issuingOpensMinutesBefore()))
            .atZone(hall.timeZone()));
      }
    }
    return Optional.empty();
  }
}
