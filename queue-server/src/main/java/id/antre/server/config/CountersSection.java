package id.antre.server.config;

import id.antre.server.domain.CounterAssignment;
import id.antre.server.domain.Hall.Agency;
import id.antre.server.domain.Hall.Counter;
import id.antre.server.domain.Hall.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hall file's {@code counters}: {@code [{id, name, agency, zone, services, weights: {SERVICE: n}}]}, read
 * after the agencies and their services, which a counter names. Which services a counter may serve is
 * {@link CounterAssignment}'s rule, the same the live reassignment follows; this only words its refusal.
 */
final class CountersSection {
  private static final Pattern COUNTER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
  private static final Pattern ZONE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private CountersSection() {
  }

  static List<Counter> parse(ConfigNode top, List<Agency> agencies, List<Service> services) {
    List<Counter> counters = new ArrayList<>();
    for (ConfigNode c : top.reqList("counters")) {
      c.allow("id", "name", "agency", "zone", "services", "weights");
      String id = c.reqMatching("id", COUNTER_ID, "letters, digits, '-' or '_'");
      if (counters.stream().anyMatch(x -> x.id().equals(id))) {
        throw c.error("id", "duplicate counter id " + id);
      }
      String agency = c.reqString("agency");
      if (agencies.stream().noneMatch(a -> a.code().equals(agency))) {
        throw c.error("agency", "unknown agency " + agency);
      }
      String counterZone = c.reqMatching("zone", ZONE, "a lower-case zone name such as lantai-1");
      List<String> served = c.req("services").asStrings();
      if (served.isEmpty()) {
        throw c.error("services", "a counter serves at least one service");
      }
      Map<String, Integer> weights = new LinkedHashMap<>();
      ConfigNode w = c.has("weights") ? c.req("weights") : null;
      if (w != null) {
        for (String sc : w.keys()) {
          weights.put(sc, w.reqInt(sc, CounterAssignment.MIN_WEIGHT, CounterAssignment.MAX_WEIGHT));
        }
      }
      Optional<CounterAssignment.Violation> wrong = CounterAssignment.check(
          code -> services.stream().filter(x -> x.code().equals(code)).findFirst(), agency, served, weights);
      if (wrong.isPresent()) {
        String sc = wrong.get().service();
        throw switch (wrong.get().fault()) {
          case UNKNOWN_SERVICE -> c.error("services", "unknown service " + sc);
          case OTHER_AGENCY -> c.error("services", "service " + sc + " belongs to agency " + wrong.get().serviceAgency()
              + ", not " + agency);
          case LISTED_TWICE -> c.error("services", "a service is listed twice");
          case WEIGHT_UNLISTED, WEIGHT_OUT_OF_RANGE -> w.error(sc, "weight for a service the counter does not serve");
        };
      }
      if (w != null) {
        for (String sc : served) {
          weights.putIfAbsent(sc, 1);
        }
      }
      counters.add(new Counter(id, c.optString("name").orElse("Loket " + id), agency, counterZone, served, weights));
    }
    if (counters.isEmpty()) {
      throw top.error("counters", "a hall needs at least one counter");
    }
    return counters;
  }
}
