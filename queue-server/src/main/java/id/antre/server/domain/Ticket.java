package id.antre.server.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket as stored: the row of one step of a visit (a transfer starts a new row, same number).
 * {@code eventId} is the event-log position of the transition that produced this view, or 0.
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
    long eventId) {

  /** The number as shown and spoken, e.g. "A012". */
  public String number() {
    return TicketNumber.format(prefix, numberInDay);
  }

  public int estimatedWaitAtIssue() {
    return WaitEstimator.estimateMinutes(aheadAtIssue, minutesPerPerson);
  }
}
