package id.antre.server.domain;

/**
 * Stable error codes of the HTTP API (the {@code code} of a problem+json body) and of WebSocket
 * error frames. Clients rely on the names.
 */
public enum ErrorCode {
  INVALID_REQUEST,
  INVALID_NIK,
  INVALID_PHONE,
  INVALID_DAY,
  INVALID_SLOT,
  PAYLOAD_TOO_LARGE,
  UNAUTHENTICATED,
  TOKEN_EXPIRED,
  FORBIDDEN,
  UNKNOWN_SERVICE,
  UNKNOWN_COUNTER,
  UNKNOWN_TICKET,
  NOT_FOUND,
  UNKNOWN_BOOKING,
  QUOTA_EXHAUSTED,
  SERVICE_CLOSED,
  INVALID_TRANSITION,
  COUNTER_NOT_OPEN,
  COUNTER_BUSY,
  NO_CURRENT_TICKET,
  CONFLICT,
  REQUEST_ID_REUSED,
  SURVEY_EXISTS,
  /** A password too short, equal to the user name, or a common one. */
  WEAK_PASSWORD,
  /** The current password given to change one's own was wrong. */
  WRONG_PASSWORD,
  UNKNOWN_AGENCY,
  UNKNOWN_ZONE,
  UNKNOWN_KIOSK,
  /** The change would leave the hall without an active administrator. */
  LAST_ADMIN,
  USER_EXISTS,
  DEVICE_EXISTS,
  /** A hall configuration the hall file's parser refuses; the detail and {@code field} say where and why. */
  INVALID_CONFIG,
  /** The configuration changed since the caller read it (its version is not the one in force). */
  CONFIG_CONFLICT,
  /** A configuration change that would orphan what is going on: a queue still waiting, a counter open. */
  CONFIG_IN_USE,
  SLOT_FULL,
  ALREADY_BOOKED,
  BOOKING_CLOSED,
  CHECK_IN_WINDOW,
  BOOKING_NOT_ACTIVE,
  RATE_LIMITED,
  UNAVAILABLE,
  INTERNAL
}
