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
