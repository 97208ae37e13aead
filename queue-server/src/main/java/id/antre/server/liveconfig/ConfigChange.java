package id.antre.server.liveconfig;

import id.antre.server.config.HallFile;
import id.antre.server.domain.Hall;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What a new configuration changes against the one in force: what to check, what to reset, what to record. */
record ConfigChange(Hall before, Hall after) {

  boolean none() {
    return before.equals(after);
  }

  /** Service days and ticket numbering follow the time zone: it is not changed under a running hall. */
  boolean timeZoneChanged() {
    return !before.timeZone().equals(after.timeZone());
  }

  Set<String> removedServices() {
    Set<String> out = new LinkedHashSet<>();
    before.services().forEach(s -> {
      if (after.service(s.code()).isEmpty()) {
        out.add(s.code());
      }
    });
    return out;
  }

  Set<String> removedCounters() {
    Set<String> out = new LinkedHashSet<>();
    before.counters().forEach(c -> {
      if (after.counter(c.id()).isEmpty()) {
        out.add(c.id());
      }
    });
    return out;
  }

  /** Counters given to another agency: their officer would be left acting for a counter not theirs. */
  Set<String> movedCounters() {
    Set<String> out = new LinkedHashSet<>();
    before.counters().forEach(c -> after.counter(c.id()).filter(n -> !n.agency().equals(c.agency()))
        .ifPresent(n -> out.add(c.id())));
    return out;
  }

  /**
   * Counters whose supervisor's reassignment the change drops: those the configuration reassigns,
   * and every counter when a service goes (a reassignment may name it).
   */
  Set<String> countersToReset() {
    boolean serviceGone = !removedServices().isEmpty();
    Set<String> out = new LinkedHashSet<>();
    after.counters().forEach(c -> before.counter(c.id()).ifPresent(old -> {
      if (serviceGone || !old.services().equals(c.services()) || !old.weights().equals(c.weights())) {
        out.add(c.id());
      }
    }));
    return out;
  }

  boolean runningTextChanged() {
    return !before.runningText().equals(after.runningText());
  }

  /** The parts of the hall file that differ, before and after, as the audit trail keeps them. */
  Map<String, Map<String, Object>> changedParts() {
    Map<String, Object> a = HallFile.tree(before);
    Map<String, Object> b = HallFile.tree(after);
    Map<String, Object> was = new LinkedHashMap<>();
    Map<String, Object> now = new LinkedHashMap<>();
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      if (!Objects.equals(a.get(k), b.get(k))) {
        was.put(k, a.get(k));
        now.put(k, b.get(k));
      }
    }
    return Map.of("before", was, "after", now);
  }
}
