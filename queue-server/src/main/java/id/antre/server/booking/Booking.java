package id.antre.server.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A booking as stored. Personal data only masked ({@code nikMasked}, {@code phoneMasked}; null
 * once retention deleted it, or when the service does not ask for it): the full NIK is never
 * kept, and the full phone number never leaves the database. Once checked in, the ticket's
 * tracking token and number, so the phone page follows the ticket.
 */
public record Booking(long id, String code, String service, LocalDate day, LocalTime slot, Instant slotStart,
    String nikMasked, String phoneMasked, Status status, Long ticketId, Instant createdAt, Instant windowEnds,
    Instant checkedInAt, String ticketToken, String ticketNumber) {

  public enum Status {
    BOOKED, CANCELLED, CHECKED_IN, NO_SHOW
  }
}
