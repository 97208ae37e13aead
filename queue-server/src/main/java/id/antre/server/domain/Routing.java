package id.antre.server.domain;

import id.antre.server.domain.Hall.Counter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which waiting ticket a counter gets next. The decision is split in two so that the database
 * can make the claim in one statement: {@link #plan} turns the counter's configuration and its
 * progress today into a {@link CallPlan}; the claim orders waiting tickets by that plan (the SQL
 * in the persistence layer and {@link #choose} here implement the same order):
 * <ol>
 *   <li>transferred tickets first, when the hall says so;</li>
 *   <li>priority groups first; once the counter has called {@code priorityCap} of them in a row, a
 *       regular visitor first (if any waits), so that nobody is starved;</li>
 *   <li>the counter's services in plan order (configured order, or most under-served by weight first);</li>
 *   <li>longest wait by queue time: the issue time (kept across a transfer), or for a checked-in
 *       booking its slot's start (or its check-in, as the service says).</li>
 * </ol>
 */
public final class Routing {
  private Routing() {
  }

  /** The ordered services, and whether priority and transfers go first, for one call. */
  public record CallPlan(List<String> services, boolean priorityFirst, boolean transfersFirst) {
    public CallPlan {
      services = List.copyOf(services);
    }
  }

  /** A waiting ticket as routing sees it; {@code queuedAt} is {@link Ticket#queuedAt()}. */
  public record Candidate(long id, String service, boolean priority, boolean transferred, Instant queuedAt) {
  }

  /**
   * @param priorityStreak priority tickets this counter called in a row just before
   * @param servedToday    tickets this counter called today, per service (for weights)
   */
  public static CallPlan plan(Counter counter, Hall.RoutingRules rules, int priorityStreak,
      Map<String, Integer> servedToday) {
    List<String> order = new ArrayList<>(counter.services());
    if (counter.weighted()) {
      // deficit order: the service whose share of calls lags its weight the most comes first;
      // ties keep the configured order (the sort is stable)
      order.sort(Comparator.comparingDouble(
          s -> servedToday.getOrDefault(s, 0) / (double) Math.max(1, counter.weights().getOrDefault(s, 1))));
    }
    boolean priorityFirst = rules.priorityCap() <= 0 || priorityStreak < rules.priorityCap();
    return new CallPlan(order, priorityFirst, rules.transfersFirst());
  }

  /** The in-memory twin of the claim query's ORDER BY. */
  public static Comparator<Candidate> order(CallPlan plan) {
    Comparator<Candidate> c = Comparator.comparing(t -> !(plan.transfersFirst() && t.transferred()));
    // within the cap priority goes first; once the cap is reached a regular visitor does
    c = c.thenComparing(t -> plan.priorityFirst() != t.priority());
    c = c.thenComparingInt(t -> plan.services().indexOf(t.service()));
    return c.thenComparing(Candidate::queuedAt).thenComparingLong(Candidate::id);
  }

  public static Optional<Candidate> choose(List<Candidate> waiting, CallPlan plan) {
    return waiting.stream().filter(t -> plan.services().contains(t.service())).min(order(plan));
  }

  /**
   * The priority streak after a call: the only definition of it. Call-next passes both outcomes
   * to its statement, which stores the one that fits the ticket it claimed.
   */
  public static int nextStreak(int streak, boolean calledPriority) {
    return calledPriority ? streak + 1 : 0;
  }
}
