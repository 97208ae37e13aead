package id.antre.server.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A counter as it stands: its state, who works it, its current ticket, its priority streak and
 * calls per service today, and a supervisor's live reassignment of its services, if any.
 */
public record CounterSnapshot(String counterId, String state, String pauseReason, String officer, Long currentTicketId,
    int priorityStreak, LocalDate servedDay, Map<String, Integer> served, Ticket current,
    List<String> servicesOverride, Map<String, Integer> weightsOverride) {

  /**
   * What a call plan is made from, besides the configuration and today's calls: the priority
   * streak and a supervisor's reassignment (services in order, and weights). The claim of
   * call-next takes nothing when the stored counter no longer has these, so a plan made from an
   * out-of-date view, on any node, is made again.
   *
   * @param services the reassigned services, or null for the configured ones
   * @param weights  the reassigned weights, empty when none
   */
  public record PlannedFrom(int priorityStreak, List<String> services, Map<String, Integer> weights) {
    public PlannedFrom {
      services = services == null ? null : List.copyOf(services);
      weights = weights == null ? Map.of() : Map.copyOf(weights);
    }
  }

  /** What a plan made from this view of the counter is made from. */
  public PlannedFrom plannedFrom() {
    return new PlannedFrom(priorityStreak, servicesOverride, weightsOverride);
  }

  /** Tickets called per service on {@code day} (empty on another day). */
  public Map<String, Integer> servedOn(LocalDate day) {
    return day.equals(servedDay) ? served : Map.of();
  }

  /** The same counter holding another ticket (or none). */
  public CounterSnapshot withCurrent(Ticket t) {
    return new CounterSnapshot(counterId, state, pauseReason, officer, t == null ? null : t.id(), priorityStreak,
        servedDay, served, t, servicesOverride, weightsOverride);
  }

  /** The counter as configured, with a supervisor's live reassignment applied. */
  public Hall.Counter effective(Hall.Counter configured) {
    if (servicesOverride == null || servicesOverride.isEmpty()) {
      return configured;
    }
    return new Hall.Counter(configured.id(), configured.name(), configured.agency(), configured.zone(),
        servicesOverride, weightsOverride == null ? Map.of() : weightsOverride);
  }
}
