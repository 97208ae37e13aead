package id.antre.server.domain;

/**
 * Stable error codes shared by the event bus (as {@code ReplyException} failure codes) and the
 * HTTP API (as the {@code code} of a problem+json body). The numbers are explicit and never
 * reordered; clients rely on the names.
 */
public enum ErrorCode {
  INVALID_REQUEST(400_01),
  PAYLOAD_TOO_LARGE(413_01),
  UNAUTHENTICATED(401_01),
  TOKEN_EXPIRED(401_02),
  FORBIDDEN(403_01),
  UNKNOWN_SERVICE(404_01),
  UNKNOWN_COUNTER(404_02),
  UNKNOWN_TICKET(404_03),
  NOT_FOUND(404_04),
  QUOTA_EXHAUSTED(409_01),
  SERVICE_CLOSED(409_02),
  INVALID_TRANSITION(409_03),
  COUNTER_NOT_OPEN(409_04),
  COUNTER_BUSY(409_05),
  NO_CURRENT_TICKET(409_06),
  CONFLICT(409_07),
  REQUEST_ID_REUSED(409_08),
  SURVEY_EXISTS(409_09),
  RATE_LIMITED(429_01),
  UNAVAILABLE(503_01),
  INTERNAL(500_01);

  private final int busCode;

  ErrorCode(int busCode) {
    this.busCode = busCode;
  }

  /** The failure code used on the event bus. */
  public int busCode() {
    return busCode;
  }

  public static ErrorCode ofBusCode(int code) {
    for (ErrorCode c : values()) {
      if (c.busCode == code) {
        return c;
      }
    }
    return INTERNAL;
  }
}
