package id.antre.server.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket as stored: the row of one step of a visit (a transfer starts a new row, same number).
 * {@code eventId} is the event-log position of the transition that produced this view, or 0.
 * {@code queuedAt} is its place in time in the queue: the issue time, or for a checked-in booking
 * its slot's start (or its check-in); {@code bookingCode} the booking it came from, if any, and
 * {@code bookingSlot} that booking's slot start (null when not read with the ticket).
 */
public record Ticket(
    long id,
    String service,
    LocalDate serviceDay,
    String prefix,
    int numberInDay,
    TicketStatus status,
    String priority,
    String channel,
    String trackingToken,
    Instant issuedAt,
    int aheadAtIssue,
    double minutesPerPerson,
    String counterId,
    String officer,
    Instant calledAt,
    Instant startedAt,
    Instant finishedAt,
    String outcome,
    int recallCount,
    Long transferredFrom,
    String note,
    long eventId,
    Instant queuedAt,
    String bookingCode,
    Instant bookingSlot) {

  /** A walk-in ticket: it queues at its issue time and comes from no booking. */
  public Ticket(long id, String service, LocalDate serviceDay, String prefix, int numberInDay, TicketStatus status,
      String priority, String channel, String trackingToken, Instant issuedAt, int aheadAtIssue,
      double minutesPerPerson, String counterId, String officer, Instant calledAt, Instant startedAt,
      Instant finishedAt, String outcome, int recallCount, Long transferredFrom, String note, long eventId) {
    this(id, service, serviceDay, prefix, numberInDay, status, priority, channel, trackingToken, issuedAt,
        aheadAtIssue, minutesPerPerson, counterId, officer, calledAt, startedAt, finishedAt, outcome, recallCount,
        transferredFrom, note, eventId, issuedAt, null, null);
  }

  /** The number as shown and spoken, e.g. "A012". */
  public String number() {
    return TicketNumber.format(prefix, numberInDay);
  }

  public int estimatedWaitAtIssue() {
    return WaitEstimator.estimateMinutes(aheadAtIssue, minutesPerPerson);
  }
}
