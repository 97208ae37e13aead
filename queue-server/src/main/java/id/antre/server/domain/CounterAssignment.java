package id.antre.server.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for which services a counter may call, whether written in the hall's
 * configuration or set live by a supervisor: services that exist, of the counter's own agency,
 * each once, and weights (1..100) only for services it calls. Callers word the refusal.
 */
public final class CounterAssignment {
  public static final int MIN_WEIGHT = 1;
  public static final int MAX_WEIGHT = 100;

  /** What is wrong with an assignment. */
  public enum Fault { UNKNOWN_SERVICE, OTHER_AGENCY, LISTED_TWICE, WEIGHT_UNLISTED, WEIGHT_OUT_OF_RANGE }

  /** The first fault found, with the service it concerns (and that service's agency, if known). */
  public record Violation(Fault fault, String service, String serviceAgency) {
  }

  private CounterAssignment() {
  }

  public static Optional<Violation> check(Function<String, Optional<Hall.Service>> services, String agency,
      List<String> served, Map<String, Integer> weights) {
    for (String code : served) {
      Optional<Hall.Service> svc = services.apply(code);
      if (svc.isEmpty()) {
        return Optional.of(new Violation(Fault.UNKNOWN_SERVICE, code, null));
      }
      if (!svc.get().agency().equals(agency)) {
        return Optional.of(new Violation(Fault.OTHER_AGENCY, code, svc.get().agency()));
      }
    }
    if (new HashSet<>(served).size() != served.size()) {
      return Optional.of(new Violation(Fault.LISTED_TWICE, null, null));
    }
    for (Map.Entry<String, Integer> w : weights.entrySet()) {
      if (!served.contains(w.getKey())) {
        return Optional.of(new Violation(Fault.WEIGHT_UNLISTED, w.getKey(), null));
      }
      if (w.getValue() == null || w.getValue() < MIN_WEIGHT || w.getValue() > MAX_WEIGHT) {
        return Optional.of(new Violation(Fault.WEIGHT_OUT_OF_RANGE, w.getKey(), null));
      }
    }
    return Optional.empty();
  }
}
