package id.antre.server.booking;

import id.antre.server.domain.Ticket;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bookings as the booking service needs them; every change is one statement that keeps the
 * slot's and the day's counts within their capacity. Implemented by
 * {@code persistence.BookingStore}. Refusals fail the future with a {@code QueueException}
 * (SLOT_FULL, QUOTA_EXHAUSTED, ALREADY_BOOKED) and store nothing.
 */
public interface BookingRepository {

  /** A new booking; {@code nikHash} and the masked forms are null when the service does not ask. */
  record BookRequest(String code, String service, LocalDate day, LocalTime slot, Instant slotStart, Instant windowEnds,
      int perSlot, int quota, String nikHash, String nikMasked, String phone, String phoneMasked, String requestId,
      Instant now) {
  }

  /** The places taken on a day: per slot, and of the day's quota. */
  record Taken(Map<LocalTime, Integer> slots, int day) {
  }

  /** A check-in: the ticket it becomes ({@code queuedAt} its place in the queue). */
  record CheckInRequest(String code, LocalDate day, String prefix, String trackingToken, Instant now, Instant queuedAt,
      double minutesPerPerson, String printKiosk) {
  }

  /** A checked-in booking, its ticket and the ticket's print job (if its kiosk prints). */
  record CheckedIn(Booking booking, Ticket ticket, Long printJob, boolean first) {
  }

  /** The booking, or the one its request id made before. */
  Future<Booking> book(BookRequest r);

  Future<Optional<Booking>> byCode(String code);

  Future<Taken> taken(String service, LocalDate day);

  /** Empty when the booking is not BOOKED (any more). */
  Future<Optional<Booking>> cancel(String code, Instant now);

  /** Empty when the booking is not BOOKED; a full new slot fails and the old one stays. */
  Future<Optional<Booking>> reschedule(String code, LocalDate day, LocalTime slot, Instant slotStart,
      Instant windowEnds, int perSlot, int quota, Instant now);

  /** Empty when the booking is neither BOOKED nor CHECKED_IN; a repeat answers the first check-in's ticket. */
  Future<Optional<CheckedIn>> checkIn(CheckInRequest r);

  /** Bookings still BOOKED whose check-in window ended before {@code now} become NO_SHOW: how many, per service. */
  Future<Map<String, Integer>> markNoShows(Instant now);

  /** Deletes the NIK and phone of bookings made before {@code before}: how many. */
  Future<Integer> forgetPersonalData(Instant before);

  /** Bookings, check-ins and no-shows per service for days in [from, to]. */
  Future<List<Counts>> counts(LocalDate from, LocalDate to);

  record Counts(String service, int booked, int cancelled, int checkedIn, int noShow) {
    /** Neither cancelled, checked in nor a no-show yet: the check-in window is still to end. */
    public int open() {
      return booked - cancelled - checkedIn - noShow;
    }

    /**
     * No-shows among the bookings whose outcome is known (checked in or not by the end of the
     * window), in percent to one decimal; null before any is known. Cancelled bookings freed their
     * place and open ones may still come, so neither counts.
     */
    public Double noShowPct() {
      int decided = checkedIn + noShow;
      return decided == 0 ? null : Math.round(noShow * 1000.0 / decided) / 10.0;
    }
  }
}
