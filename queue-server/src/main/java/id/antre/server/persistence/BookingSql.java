package id.antre.server.persistence;

/** The booking statements (migration V017), named and kept together like {@link Sql}'s. */
final class BookingSql {
  private BookingSql() {
  }

  /** The columns of a booking as answered, with its ticket's token and number once checked in. */
  private static final String COLUMNS = """
      b.id, b.code, b.service, b.day, b.slot, b.slot_start, b.nik_masked, b.phone_masked, b.status, b.ticket_id,
      b.created_at, b.window_ends, b.checked_in_at, t.tracking_token AS ticket_token, t.prefix AS ticket_prefix,
      t.number AS ticket_number""";

  /** A booking in one statement: slot, then day quota, then the row (antre_book raises a refusal). */
  static final String BOOK = "SELECT " + COLUMNS + " " + """
       FROM antre_book(#{code}, #{service}, #{day}, #{slot}, #{slotStart}, #{windowEnds}, #{perSlot}, #{quota},
        #{nikHash}, #{nikMasked}, #{phone}, #{phoneMasked}, #{requestId}, #{now}) b
      LEFT JOIN ticket t ON t.id = b.ticket_id""";

  static final String BY_CODE = "SELECT " + COLUMNS + " " + """
       FROM booking b LEFT JOIN ticket t ON t.id = b.ticket_id WHERE b.code = #{code}""";

  static final String BY_REQUEST = "SELECT " + COLUMNS + " " + """
       FROM booking b LEFT JOIN ticket t ON t.id = b.ticket_id WHERE b.request_id = #{requestId}""";

  static final String TAKEN = """
      SELECT slot, taken FROM booking_slot WHERE service = #{service} AND day = #{day}
      UNION ALL
      SELECT NULL, taken FROM booking_day WHERE service = #{service} AND day = #{day}""";

  /** Cancelling gives the place back to its slot and its day, in the same statement. */
  static final String CANCEL = """
      WITH b AS (
        UPDATE booking SET status = 'CANCELLED', updated_at = #{now} WHERE code = #{code} AND status = 'BOOKED'
        RETURNING *
      ), s AS (
        UPDATE booking_slot s SET taken = s.taken - 1 FROM b WHERE s.service = b.service AND s.day = b.day AND s.slot = b.slot
      ), d AS (
        UPDATE booking_day d SET taken = d.taken - 1 FROM b WHERE d.service = b.service AND d.day = b.day
      )
      SELECT b.id, b.code, b.service, b.day, b.slot, b.slot_start, b.nik_masked, b.phone_masked, b.status, b.ticket_id,
             b.created_at, b.window_ends, b.checked_in_at, NULL::text AS ticket_token, NULL::text AS ticket_prefix,
             NULL::int AS ticket_number
      FROM b""";

  static final String RESCHEDULE = "SELECT " + COLUMNS + " " + """
       FROM antre_reschedule(#{code}, #{day}, #{slot}, #{slotStart}, #{windowEnds}, #{perSlot}, #{quota}, #{now}) b
      LEFT JOIN ticket t ON t.id = b.ticket_id""";

  /**
   * Check-in in one statement: the booking becomes CHECKED_IN with the id its ticket will have
   * (taken from the ticket's sequence first, since one statement may not update the booking
   * twice); the ticket takes the day's next number without the walk-in quota (counted in
   * {@code booked}), queues at {@code queuedAt}, and is issued with the waiting tickets queued
   * before it as ahead; the ISSUE event and the print job as in issuing.
   */
  static final String CHECK_IN = LifecycleSql.fill("""
      WITH b AS (
        UPDATE booking SET status = 'CHECKED_IN', checked_in_at = #{now}, updated_at = #{now},
          ticket_id = nextval(pg_get_serial_sequence('ticket', 'id'))
        WHERE code = #{code} AND status = 'BOOKED'
        RETURNING *
      ), seq AS (
        INSERT INTO daily_sequence AS d (service, service_day, last_number, booked)
        SELECT b.service, #{day}, 1, 1 FROM b
        ON CONFLICT (service, service_day) DO UPDATE SET last_number = d.last_number + 1, booked = d.booked + 1
        RETURNING last_number
      ), t AS (
        INSERT INTO ticket (id, service, origin_service, service_day, prefix, number, status, priority, channel,
                            tracking_token, issued_at, queued_at, booking_code, ahead_at_issue, minutes_per_person)
        SELECT b.ticket_id, b.service, b.service, #{day}, #{prefix}, seq.last_number, {QUEUED}, NULL, 'booking',
               #{trackingToken}, #{now}, #{queuedAt}, b.code,
               (SELECT count(*)::int FROM ticket w WHERE w.service = b.service AND w.service_day = #{day}
                  AND w.status = {QUEUED} AND w.queued_at <= #{queuedAt}),
               #{minutesPerPerson}
        FROM b, seq
        RETURNING *
      ), e AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, at, data)
        SELECT id, 'ISSUE', NULL, {QUEUED}, issued_at, jsonb_build_object('booking', booking_code) FROM t
      ), p AS (
        INSERT INTO print_job (ticket_id, kiosk, created_at, updated_at)
        SELECT id, #{printKiosk}, issued_at, issued_at FROM t WHERE #{printKiosk}::text IS NOT NULL
        RETURNING id
      )
      SELECT t.*, (SELECT id FROM p) AS print_job, b.slot_start AS booking_slot FROM t, b""");

  /** The ticket a booking became, with its print job: a repeated check-in answers it. */
  static final String CHECKED_IN_TICKET = """
      SELECT t.*, (SELECT j.id FROM print_job j WHERE j.ticket_id = t.id ORDER BY j.id LIMIT 1) AS print_job,
             b.slot_start AS booking_slot
      FROM booking b JOIN ticket t ON t.id = b.ticket_id WHERE b.code = #{code} AND b.status = 'CHECKED_IN'""";

  /** Exactly once per booking: only a BOOKED row whose window has ended moves. */
  static final String NO_SHOWS = """
      WITH u AS (
        UPDATE booking SET status = 'NO_SHOW', updated_at = #{now} WHERE status = 'BOOKED' AND window_ends < #{now}
        RETURNING service
      )
      SELECT service, count(*)::int AS n FROM u GROUP BY service ORDER BY service""";

  static final String FORGET_PERSONAL_DATA = """
      WITH u AS (
        UPDATE booking SET nik_hash = NULL, nik_masked = NULL, phone = NULL, phone_masked = NULL,
          personal_data_deleted_at = now()
        WHERE created_at < #{before} AND personal_data_deleted_at IS NULL
        RETURNING 1
      )
      SELECT count(*)::int FROM u""";

  static final String COUNTS = """
      SELECT service,
             count(*)::int AS booked,
             count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
             count(*) FILTER (WHERE status = 'CHECKED_IN')::int AS checked_in,
             count(*) FILTER (WHERE status = 'NO_SHOW')::int AS no_show
      FROM booking WHERE day BETWEEN #{from} AND #{to} GROUP BY service ORDER BY service""";
}
