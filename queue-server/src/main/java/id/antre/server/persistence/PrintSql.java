package id.antre.server.persistence;

/**
 * The statements of printing: the print jobs of the kiosks' agents and the printers' states as
 * they report them ({@link PrintStore}), beside {@link Sql} as the statements of booking,
 * configuration and statistics are.
 */
final class PrintSql {
  private PrintSql() {
  }

  static final String PRINT_JOBS_OPEN = Sql.withBookingSlot("""
      SELECT j.id AS job_id, j.status AS job_status, j.attempts, t.*, {BOOKING_SLOT:t}
      FROM print_job j JOIN ticket t ON t.id = j.ticket_id
      WHERE j.kiosk = #{kiosk} AND j.status IN ('QUEUED', 'SENT') ORDER BY j.id""");
  /**
   * Open jobs a reconnecting agent must not print: their ticket is no longer waiting, or was issued
   * before {@code issuedBefore} (the visitor has long since taken the kiosk screen's number instead).
   */
  static final String PRINT_JOBS_CANCEL_STALE = Sql.withBookingSlot(LifecycleSql.fill("""
      UPDATE print_job j SET status = 'CANCELLED', last_error = #{reason}, updated_at = #{now}
      FROM ticket t
      WHERE t.id = j.ticket_id AND j.kiosk = #{kiosk} AND j.status IN ('QUEUED', 'SENT')
        AND (t.status <> {QUEUED} OR t.issued_at < #{issuedBefore})
      RETURNING j.id AS job_id, j.attempts, t.*, {BOOKING_SLOT:t}"""));
  static final String PRINT_JOB_GET = Sql.withBookingSlot("""
      SELECT j.id AS job_id, j.kiosk, j.status AS job_status, j.attempts, j.last_error, t.*, {BOOKING_SLOT:t}
      FROM print_job j JOIN ticket t ON t.id = j.ticket_id WHERE j.id = #{id}""");
  static final String PRINT_JOB_SENT = """
      UPDATE print_job SET status = 'SENT', updated_at = #{now} WHERE id = #{id} AND status IN ('QUEUED', 'SENT')""";
  /**
   * The agent's answer. A failure goes back to QUEUED while attempts remain ({@code maxAttempts}),
   * else FAILED.
   */
  static final String PRINT_JOB_RESULT = """
      UPDATE print_job SET attempts = attempts + 1, updated_at = #{now}, last_error = #{error},
        status = CASE WHEN #{printed} THEN 'PRINTED' WHEN attempts + 1 >= #{maxAttempts} THEN 'FAILED' ELSE 'QUEUED' END
      WHERE id = #{id} AND kiosk = #{kiosk} AND status IN ('QUEUED', 'SENT')
      RETURNING status, attempts""";
  static final String PRINT_JOB_CANCEL = """
      UPDATE print_job SET status = 'CANCELLED', updated_at = #{now} WHERE id = #{id} AND status IN ('QUEUED', 'SENT', 'FAILED')
      RETURNING status""";
  /**
   * A printer's state as its agent reports it. Connection keys sort by when the connection became the
   * kiosk's agent: a report of a replaced connection that arrives late never overwrites the newer one's.
   */
  static final String PRINTER_STATE_UPSERT = """
      INSERT INTO printer_state (kiosk, status, detail, agent, updated_at, connection, alive_at)
      VALUES (#{kiosk}, #{status}, #{detail}, #{agent}, #{now}, #{connection}, now())
      ON CONFLICT (kiosk) DO UPDATE SET status = EXCLUDED.status, detail = EXCLUDED.detail, agent = EXCLUDED.agent,
        updated_at = EXCLUDED.updated_at, connection = EXCLUDED.connection, alive_at = now()
      WHERE printer_state.connection IS NULL OR printer_state.connection <= EXCLUDED.connection""";
  /** The agent's connection closed: AGENT_OFFLINE, unless a newer connection has reported since. */
  static final String PRINTER_STATE_AGENT_GONE = """
      UPDATE printer_state SET status = 'AGENT_OFFLINE', detail = #{detail}, updated_at = #{now}
      WHERE kiosk = #{kiosk} AND connection = #{connection} RETURNING kiosk""";
  /**
   * The node holding an agent's socket says it is still there (database time: every node judges
   * staleness against the same clock). No row when a newer connection took over.
   */
  static final String PRINTER_STATE_ALIVE = """
      UPDATE printer_state SET alive_at = now() WHERE kiosk = #{kiosk} AND connection = #{connection} RETURNING kiosk""";
  /** A state not refreshed for {@code staleAfterSeconds} belongs to an agent whose node is gone. */
  static final String PRINTER_STATES = """
      SELECT p.kiosk, p.status, p.detail, p.agent, p.updated_at,
             (p.status <> 'AGENT_OFFLINE' AND p.alive_at IS NOT NULL AND p.alive_at < now() - make_interval(secs => #{staleAfterSeconds}))
               AS stale,
             (SELECT count(*) FROM print_job j WHERE j.kiosk = p.kiosk AND j.status IN ('QUEUED', 'SENT')) AS pending,
             (SELECT count(*) FROM print_job j WHERE j.kiosk = p.kiosk AND j.status = 'FAILED') AS failed
      FROM printer_state p ORDER BY p.kiosk""";
}
