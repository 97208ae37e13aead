package id.antre.server.bench;

import java.util.concurrent.TimeUnit;

/**
 * The open loop's schedule and the proof that the load client kept it.
 *
 * <p>Request {@code i} is due at {@code start + i / rate} (computed from {@code i}, not by adding up
 * a rounded interval, so the schedule does not drift over a long window). Every due request is
 * stamped with that intended start: its latency is measured from there, so a client (or a server)
 * that falls behind shows up in the latency instead of silently lowering the rate (no coordinated
 * omission). The lag between the intended start and the moment the request really went out (a
 * connection was free and the event loop got to it) is the proof that the client kept its
 * schedule; {@link #verdict} says when a figure must not be trusted.
 */
final class Schedule {
  final long start;
  final double rate;
  final long end;

  /** Requests at {@code rate} per second from {@code start} (inclusive) to {@code end} (exclusive), nanoTime. */
  Schedule(long start, double rate, long end) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be > 0: " + rate);
    }
    this.start = start;
    this.rate = rate;
    this.end = end;
  }

  /** The intended start of request {@code i} (0-based). */
  long intended(long i) {
    return start + (long) Math.floor(i * 1e9 / rate);
  }

  /** How many requests the schedule holds in all (those with an intended start before the end). */
  long total() {
    long n = (long) Math.ceil((end - start) * rate / 1e9);
    // floor and ceil on doubles: settle the edge exactly against intended()
    while (n > 0 && intended(n - 1) >= end) {
      n--;
    }
    while (intended(n) < end) {
      n++;
    }
    return n;
  }

  /**
   * How many requests are due by {@code now} (intended start at or before it), never more than
   * {@link #total()}: the pacing timer sends requests {@code sent .. dueBy(now) - 1}.
   */
  long dueBy(long now) {
    if (now < start) {
      return 0;
    }
    long n = (long) Math.floor((now - start) * rate / 1e9) + 1;
    while (n > 0 && intended(n - 1) > now) {
      n--;
    }
    while (intended(n) <= now) {
      n++;
    }
    return Math.min(n, total());
  }

  /**
   * The first intended start of loop {@code k} of {@code loops} that each run at {@code rate / loops}
   * (the counters of call-next): spread evenly over one period so that they do not fire together.
   */
  static long firstOfLoop(long start, double rate, int k) {
    return start + (long) Math.floor(k * 1e9 / rate);
  }

  /** The period of each of {@code loops} loops that add up to {@code rate} per second. */
  static long loopPeriod(double rate, int loops) {
    return (long) Math.floor(loops * 1e9 / rate);
  }

  /** Limits beyond which a figure measures the client rather than the server. */
  record Limits(double lagP99Ms, double lagMaxMs, double cpuPct, double sentFraction) {
    static final Limits DEFAULT = new Limits(5, 100, 80, 0.99);
  }

  /**
   * Valid when the client sent (nearly) every request the schedule held, at most {@code lagP99Ms}
   * late at the 99th percentile and {@code lagMaxMs} at worst, and its event loop was not saturated
   * ({@code loopCpuPct}: CPU time of the event-loop thread over the window's wall time, % of one
   * core). Returns "ok" or the reasons, comma separated (no spaces: it goes into a RESULT line).
   */
  static String verdict(Limits limits, long intendedCount, long sentCount, double lagP99Ms, double lagMaxMs,
      double loopCpuPct) {
    StringBuilder why = new StringBuilder();
    if (intendedCount > 0 && sentCount < limits.sentFraction() * intendedCount) {
      why.append(",sent_").append(sentCount).append("_of_").append(intendedCount);
    }
    if (lagP99Ms > limits.lagP99Ms()) {
      why.append(",lag_p99");
    }
    if (lagMaxMs > limits.lagMaxMs()) {
      why.append(",lag_max");
    }
    if (loopCpuPct > limits.cpuPct()) {
      why.append(",client_cpu");
    }
    return why.length() == 0 ? "ok" : why.substring(1);
  }

  static double ms(long nanos) {
    return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }
}
