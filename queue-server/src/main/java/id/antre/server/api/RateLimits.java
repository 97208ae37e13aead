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
 */
public record RateLimits(int loginFailuresPerUser, int loginFailuresPerAddress, int issuePerMinute, int issueBurst,
    int anonymousPerMinute, int anonymousBurst, List<String> trustedProxies) {

  public RateLimits {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** The defaults of docs/configuration.md. */
  public static RateLimits defaults() {
    return new RateLimits(5, 30, 30, 10, 60, 20, List.of());
  }

  /** No limit at all: for tests and embedding that drive one kiosk hard; a server from the environment never uses it. */
  public static RateLimits off() {
    return new RateLimits(0, 0, 0, 0, 0, 0, List.of());
  }
}
