package id.antre.server.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Ticket numbering: letter prefix plus a zero-padded number that restarts every service day. */
public final class TicketNumber {
  private TicketNumber() {
  }

  /** "A" and 7 give "A007"; numbers past 999 keep all their digits ("A1000"). */
  public static String format(String prefix, int number) {
    if (number < 1) {
      throw new IllegalArgumentException("ticket numbers start at 1: " + number);
    }
    return prefix + (number < 10 ? "00" : number < 100 ? "0" : "") + number;
  }

  /** The service day is the calendar date in the hall's time zone, so numbering restarts at local midnight. */
  public static LocalDate serviceDay(Instant at, ZoneId zone) {
    return at.atZone(zone).toLocalDate();
  }
}
