package id.antre.server.domain;

/**
 * Stable error codes of the HTTP API (the {@code code} of a problem+json body) and of WebSocket
 * error frames. Clients rely on the names. The numbers were the event bus's failure codes when
 * commands travelled on it; they stay explicit and are never reordered.
 */
public enum ErrorCode {
  INVALID_REQUEST(400_01),
  INVALID_NIK(400_02),
  INVALID_PHONE(400_03),
  INVALID_DAY(400_04),
  INVALID_SLOT(400_05),
  PAYLOAD_TOO_LARGE(413_01),
  UNAUTHENTICATED(401_01),
  TOKEN_EXPIRED(401_02),
  FORBIDDEN(403_01),
  UNKNOWN_SERVICE(404_01),
  UNKNOWN_COUNTER(404_02),
  UNKNOWN_TICKET(404_03),
  NOT_FOUND(404_04),
  UNKNOWN_BOOKING(404_05),
  QUOTA_EXHAUSTED(409_01),
  SERVICE_CLOSED(409_02),
  INVALID_TRANSITION(409_03),
  COUNTER_NOT_OPEN(409_04),
  COUNTER_BUSY(409_05),
  NO_CURRENT_TICKET(409_06),
  CONFLICT(409_07),
  REQUEST_ID_REUSED(409_08),
  SURVEY_EXISTS(409_09),
  /** A password too short, equal to the user name, or a common one. */
  WEAK_PASSWORD(400_21),
  /** The current password given to change one's own was wrong. */
  WRONG_PASSWORD(403_21),
  UNKNOWN_AGENCY(404_21),
  UNKNOWN_ZONE(404_22),
  UNKNOWN_KIOSK(404_23),
  /** The change would leave the hall without an active administrator. */
  LAST_ADMIN(409_21),
  USER_EXISTS(409_22),
  DEVICE_EXISTS(409_23),
  /** A hall configuration the hall file's parser refuses; the detail and {@code field} say where and why. */
  INVALID_CONFIG(400_30),
  /** The configuration changed since the caller read it (its version is not the one in force). */
  CONFIG_CONFLICT(409_30),
  /** A configuration change that would orphan what is going on: a queue still waiting, a counter open. */
  CONFIG_IN_USE(409_31),
  SLOT_FULL(409_10),
  ALREADY_BOOKED(409_11),
  BOOKING_CLOSED(409_12),
  CHECK_IN_WINDOW(409_13),
  BOOKING_NOT_ACTIVE(409_14),
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
