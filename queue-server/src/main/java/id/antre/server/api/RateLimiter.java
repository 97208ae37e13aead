package id.antre.server.api;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key ("issue:kiosk-1", "login-user:budi", ...), shared by the HTTP verticles
 * of one node: a bucket holds up to {@code burst} tokens and refills at {@code perMinute}. Each
 * node counts on its own, so a client spread over n nodes gets up to n times the limit.
 */
public final class RateLimiter {
  private final Clock clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private record Bucket(double tokens, long atMillis, int perMinute, int burst) {
    Bucket refilled(long now) {
      double t = Math.min(burst, tokens + (now - atMillis) * perMinute / 60_000.0);
      return new Bucket(t, now, perMinute, burst);
    }

    long secondsUntilOne() {
      return Math.max(1, (long) Math.ceil((1 - tokens) * 60.0 / perMinute));
    }
  }

  public RateLimiter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Takes one token.
   *
   * @return 0 when taken, else the seconds until one is available (nothing taken)
   */
  public long take(String key, int perMinute, int burst) {
    if (perMinute <= 0) {
      return 0;
    }
    long now = clock.millis();
    long[] wait = {0};
    buckets.compute(key, (k, b) -> {
      Bucket r = b == null ? new Bucket(Math.max(1, burst), now, perMinute, Math.max(1, burst)) : b.refilled(now);
      if (r.tokens >= 1) {
        return new Bucket(r.tokens - 1, now, perMinute, r.burst);
      }
      wait[0] = r.secondsUntilOne();
      return r;
    });
    return wait[0];
  }

  /** Like {@link #take} without taking: 0 when a token is there, else the seconds until one is. */
  public long peek(String key, int perMinute) {
    if (perMinute <= 0) {
      return 0;
    }
    Bucket b = buckets.get(key);
    if (b == null) {
      return 0;
    }
    Bucket r = b.refilled(clock.millis());
    return r.tokens >= 1 ? 0 : r.secondsUntilOne();
  }

  /** Forgets buckets that are full again: they say nothing a new bucket would not. */
  public void sweep() {
    long now = clock.millis();
    buckets.entrySet().removeIf(e -> e.getValue().refilled(now).tokens >= e.getValue().burst);
  }

  int size() {
    return buckets.size();
  }
}
