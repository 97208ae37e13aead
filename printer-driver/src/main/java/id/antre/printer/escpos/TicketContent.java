package id.antre.printer.escpos;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on a queue ticket. Optional texts ({@code hallSubtitle}, {@code agencyName},
 * {@code trackingUrl}, {@code footer}) may be null or blank and are then left out.
 *
 * @param hallName             e.g. {@code "MAL PELAYANAN PUBLIK"}
 * @param hallSubtitle         e.g. {@code "KABUPATEN CIREBON"}
 * @param agencyName           the agency serving the visitor, e.g. {@code "Dinas Kependudukan dan Pencatatan Sipil"}
 * @param serviceName          e.g. {@code "Perekaman KTP-el"}
 * @param number               the ticket number as called, e.g. {@code "A-001"}
 * @param issuedAt             when the ticket was issued, in the hall's zone
 * @param ahead                people waiting ahead of this ticket
 * @param estimatedWaitMinutes estimated wait in minutes
 * @param trackingUrl          the address encoded in the QR code
 * @param requiredDocuments    documents to have ready, one per item
 * @param footer               closing text, e.g. opening hours or a complaint line
 * @param location             where the service's counters are, e.g. {@code "Lantai 1"}; may be null
 * @param priorityGroup        the visitor's priority group as read, e.g. {@code "Lanjut usia"}; null for none
 * @param countersOpen         whether any counter of the service is open: without one no wait is estimated
 * @param servingFrom          when service starts later today, e.g. {@code "08.00"}; may be null
 * @param bookingSlot          the start of the booked slot a checked-in visitor came for, in the hall's
 *                             time, e.g. {@code "09.30"}; null for a walk-in
 */
public record TicketContent(String hallName, String hallSubtitle, String agencyName, String serviceName,
                            String number, ZonedDateTime issuedAt, int ahead, int estimatedWaitMinutes,
                            String trackingUrl, List<String> requiredDocuments, String footer,
                            String location, String priorityGroup, boolean countersOpen, String servingFrom,
                            String bookingSlot) {

    /** A walk-in's ticket: no booked slot. */
    public TicketContent(String hallName, String hallSubtitle, String agencyName, String serviceName,
                         String number, ZonedDateTime issuedAt, int ahead, int estimatedWaitMinutes,
                         String trackingUrl, List<String> requiredDocuments, String footer,
                         String location, String priorityGroup, boolean countersOpen, String servingFrom) {
        this(hallName, hallSubtitle, agencyName, serviceName, number, issuedAt, ahead, estimatedWaitMinutes,
                trackingUrl, requiredDocuments, footer, location, priorityGroup, countersOpen, servingFrom, null);
    }

    /** A ticket without location or priority group, for a service whose counters are open. */
    public TicketContent(String hallName, String hallSubtitle, String agencyName, String serviceName,
                         String number, ZonedDateTime issuedAt, int ahead, int estimatedWaitMinutes,
                         String trackingUrl, List<String> requiredDocuments, String footer) {
        this(hallName, hallSubtitle, agencyName, serviceName, number, issuedAt, ahead, estimatedWaitMinutes,
                trackingUrl, requiredDocuments, footer, null, null, true, null, null);
    }

    public TicketContent {
        Objects.requireNonNull(hallName, "hallName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (number.isBlank()) {
            throw new IllegalArgumentException("number must not be blank");
        }
        if (ahead < 0 || estimatedWaitMinutes < 0) {
            throw new IllegalArgumentException("ahead and estimated wait must not be negative");
        }
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
    }
}
