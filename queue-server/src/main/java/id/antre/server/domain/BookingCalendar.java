package id.antre.server.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a service can be booked: its slots on a day (from the service's hours, without the Friday
 * break; none on a holiday or a closed day), when a day opens for booking ({@code daysAhead} days
 * before it at {@code opensAt}), the check-in window around a slot, and the time a checked-in
 * booking queues at. In demo mode ({@code alwaysOpen}) today is bookable, a closed day has the
 * service's first hours, past slots may be booked and every check-in window is open.
 */
public final class BookingCalendar {
  private BookingCalendar() {
  }

  /** A slot of a day, local times, [start, end). */
  public record Slot(LocalTime start, LocalTime end) {
  }

  /** Whether a day can be booked now, and if not why (Indonesian, English). */
  public record Decision(boolean open, String reasonId, String reasonEn) {
    static final Decision OPEN = new Decision(true, null, null);

    static Decision closed(String id, String en) {
      return new Decision(false, id, en);
    }
  }

  /** A check-in window, [from, to]. */
  public record Window(Instant from, Instant to) {
    public boolean contains(Instant t) {
      return !t.isBefore(from) && !t.isAfter(to);
    }
  }

  public static List<Slot> slots(Hall hall, Hall.Service service, Hall.Booking booking, LocalDate day,
      boolean alwaysOpen) {
    Hall.TimeRange hours = service.hours().get(day.getDayOfWeek());
    if (alwaysOpen && hours == null) {
      hours = service.hours().values().stream().findFirst().orElse(null);
    }
    if (hours == null || (!alwaysOpen && hall.holidays().containsKey(day))) {
      return List.of();
    }
    Optional<Hall.TimeRange> pause = day.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? hall.fridayBreak()
        : Optional.empty();
    List<Slot> out = new ArrayList<>();
    LocalTime start = hours.from();
    while (true) {
      LocalTime end = start.plusMinutes(booking.slotMinutes());
      // a slot ends within the hours (and a slot running past midnight would wrap)
      if (end.isAfter(hours.to()) || !end.isAfter(start)) {
        break;
      }
      LocalTime s = start;
      boolean inBreak = pause.map(p -> s.isBefore(p.to()) && end.isAfter(p.from())).orElse(false);
      if (!inBreak) {
        out.add(new Slot(start, end));
      }
      start = end;
    }
    return out;
  }

  /** When {@code day} opens for booking: {@code daysAhead} days before it at {@code opensAt}. */
  public static LocalDateTime opensAt(Hall.Booking booking, LocalDate day) {
    return day.minusDays(booking.daysAhead()).atTime(booking.opensAt());
  }

  /** Whether {@code day} can be booked at {@code now} (its slots apart). */
  public static Decision bookable(Hall hall, Hall.Booking booking, LocalDate day, Instant now, boolean alwaysOpen) {
    ZonedDateTime local = now.atZone(hall.timeZone());
    LocalDate today = local.toLocalDate();
    if (day.isBefore(today)) {
      return Decision.closed("tanggal sudah lewat", "the day has passed");
    }
    if (alwaysOpen) {
      return day.isAfter(today.plusDays(Math.max(1, booking.daysAhead())))
          ? Decision.closed("belum dibuka untuk tanggal ini", "not open for this day yet") : Decision.OPEN;
    }
    if (hall.holidays().containsKey(day)) {
      return Decision.closed("hari libur: " + hall.holidays().get(day), "a holiday");
    }
    if (local.toLocalDateTime().isBefore(opensAt(booking, day))) {
      LocalDateTime opens = opensAt(booking, day);
      return Decision.closed("dibuka " + opens.toLocalDate() + " pukul " + Availability.time(opens.toLocalTime()),
          "opens " + opens.toLocalDate() + " at " + opens.toLocalTime());
    }
    return Decision.OPEN;
  }

  /** Whether a slot has begun already (then it is not booked any more, except in demo mode). */
  public static boolean past(Hall hall, LocalDate day, LocalTime slot, Instant now, boolean alwaysOpen) {
    return !alwaysOpen && !slotStart(hall, day, slot).isAfter(now);
  }

  public static Instant slotStart(Hall hall, LocalDate day, LocalTime slot) {
    return day.atTime(slot).atZone(hall.timeZone()).toInstant();
  }

  public static Window checkInWindow(Hall.Booking booking, Instant slotStart) {
    return new Window(slotStart.minus(Duration.ofMinutes(booking.checkInBeforeMinutes())),
        slotStart.plus(Duration.ofMinutes(booking.checkInAfterMinutes())));
  }

  /** The time a booking checked in at {@code now} queues at: its slot's start, or now. */
  public static Instant queueTime(Hall.Booking booking, Instant slotStart, Instant now) {
    return booking.order() == Hall.BookingOrder.SLOT ? slotStart : now;
  }
}
