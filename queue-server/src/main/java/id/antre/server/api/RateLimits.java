package id.antre.server.api;

import java.util.List;

/**
 * How much one client may do, per node (each node counts on its own; see docs/configuration.md).
 * A limit of 0 turns that limit off.
 *
 * @param loginFailuresPerUser    wrong passwords a minute for one user name, from anywhere
 * @param loginFailuresPerAddress wrong passwords a minute from one client address, for any names
 * @param issuePerMinute          tickets a minute one kiosk (by its device token) or one signed-in user issues
 * @param issueBurst              tickets one issuer may issue at once before the per-minute pace applies
 * @param anonymousPerMinute      tokenless writes (cancel by tracking token, later phones and booking) a minute
 *                                from one client address
 * @param anonymousBurst          tokenless writes at once from one client address
 * @param trustedProxies          addresses (or IPv4/IPv6 CIDR blocks) of reverse proxies whose
 *                                {@code X-Forwarded-For} is believed; from anyone else it is ignored
 * @param bookingPerMinute        booking writes (book, cancel, reschedule) a minute from one client address
 * @param bookingBurst            booking writes at once from one client address
 * @param bookingPerNikPerMinute  bookings a minute for one NIK, from anywhere
 * @param bookingPerNikBurst      bookings at once for one NIK
 * @param checkInPerMinute        check-ins a minute at one kiosk (by its device token) or by one user
 * @param checkInBurst            check-ins at once at one kiosk
 */
public record RateLimits(int loginFailuresPerUser, int loginFailuresPerAddress, int issuePerMinute, int issueBurst,
    int anonymousPerMinute, int anonymousBurst, List<String> trustedProxies, int bookingPerMinute, int bookingBurst,
    int bookingPerNikPerMinute, int bookingPerNikBurst, int checkInPerMinute, int checkInBurst) {

  public RateLimits {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** The limits before booking existed, with booking's at their defaults. */
  public RateLimits(int loginFailuresPerUser, int loginFailuresPerAddress, int issuePerMinute, int issueBurst,
      int anonymousPerMinute, int anonymousBurst, List<String> trustedProxies) {
    this(loginFailuresPerUser, loginFailuresPerAddress, issuePerMinute, issueBurst, anonymousPerMinute,
        anonymousBurst, trustedProxies, DEFAULT_BOOKING_PER_MINUTE, DEFAULT_BOOKING_BURST, DEFAULT_NIK_PER_MINUTE,
        DEFAULT_NIK_BURST, DEFAULT_CHECK_IN_PER_MINUTE, DEFAULT_CHECK_IN_BURST);
  }

  static final int DEFAULT_BOOKING_PER_MINUTE = 10;
  static final int DEFAULT_BOOKING_BURST = 5;
  static final int DEFAULT_NIK_PER_MINUTE = 5;
  static final int DEFAULT_NIK_BURST = 3;
  /** A kiosk checking in one visitor a second all day is never held up. */
  static final int DEFAULT_CHECK_IN_PER_MINUTE = 120;
  static final int DEFAULT_CHECK_IN_BURST = 30;

  /** The defaults of docs/configuration.md. */
  public static RateLimits defaults() {
    return new RateLimits(5, 30, 30, 10, 60, 20, List.of());
  }

  /** No limit at all: for tests and embedding that drive one kiosk hard; a server from the environment never uses it. */
  public static RateLimits off() {
    return new RateLimits(0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, 0, 0, 0);
  }

  /** These limits with booking's changed. */
  public RateLimits withBooking(int perMinute, int burst, int perNikPerMinute, int perNikBurst, int checkInPerMinute,
      int checkInBurst) {
    return new RateLimits(loginFailuresPerUser, loginFailuresPerAddress, issuePerMinute, issueBurst,
        anonymousPerMinute, anonymousBurst, trustedProxies, perMinute, burst, perNikPerMinute, perNikBurst,
        checkInPerMinute, checkInBurst);
  }
}
