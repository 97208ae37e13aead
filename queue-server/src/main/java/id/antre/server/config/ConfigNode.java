package id.antre.server.config;

import id.antre.server.domain.Hall.TimeRange;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A position in the hall file's tree (YAML, of which JSON is a subset) that knows its path, such as
 * {@code agencies[2].services[0].prefix}. Every reader here refuses with a {@link ConfigException} naming
 * that path and why, so the section parsers ({@link HallConfigParser}, {@link CountersSection},
 * {@link BookingSection}) say only what a field means, not how a mistake in it is worded.
 */
record ConfigNode(String path, Object value) {
  private static final Map<String, DayOfWeek> DAYS = Map.of(
      "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY,
      "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

  static ConfigNode root(Object value) {
    if (!(value instanceof Map)) {
      throw new ConfigException("(root)", "expected a mapping with hall, agencies and counters");
    }
    return new ConfigNode("", value);
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigException error(String key, String why) {
    return new ConfigException(child(key), why);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map() {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new ConfigException(path, "expected a mapping");
    }
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw new ConfigException(child(String.valueOf(k)),
            "a key must be text; quote it (YAML reads " + k + " as a " + k.getClass().getSimpleName().toLowerCase() + ")");
      }
    }
    return (Map<String, Object>) value;
  }

  Set<String> keys() {
    return map().keySet();
  }

  void allow(String... keys) {
    Set<String> allowed = Set.of(keys);
    for (Object k : map().keySet()) {
      if (!allowed.contains(String.valueOf(k))) {
        throw new ConfigException(child(String.valueOf(k)), "unknown field (allowed: " + String.join(", ", keys) + ")");
      }
    }
  }

  boolean has(String key) {
    return map().get(key) != null;
  }

  ConfigNode req(String key) {
    Object v = map().get(key);
    if (v == null) {
      throw error(key, "required");
    }
    return new ConfigNode(child(key), v);
  }

  ConfigNode opt(String key) {
    return new ConfigNode(child(key), map().get(key));
  }

  String reqString(String key) {
    Object v = req(key).value;
    if (!(v instanceof String s) || s.isBlank()) {
      throw error(key, "expected non-empty text");
    }
    return s.strip();
  }

  Optional<String> optString(String key) {
    return has(key) ? Optional.of(reqString(key)) : Optional.empty();
  }

  String reqMatching(String key, Pattern p, String expected) {
    Object v = req(key).value;
    String s = String.valueOf(v);
    if (!(v instanceof String || v instanceof Integer) || !p.matcher(s).matches()) {
      throw error(key, "'" + s + "' is not " + expected);
    }
    return s;
  }

  int reqInt(String key, int min, int max) {
    Object v = req(key).value;
    if (!(v instanceof Integer i)) {
      throw error(key, "expected a whole number, got '" + v + "'");
    }
    if (i < min || i > max) {
      throw error(key, i + " is out of range " + min + ".." + max);
    }
    return i;
  }

  Optional<Integer> optInt(String key, int min, int max) {
    return has(key) ? Optional.of(reqInt(key, min, max)) : Optional.empty();
  }

  Optional<Double> optNumber(String key, double min, double max) {
    if (!has(key)) {
      return Optional.empty();
    }
    Object v = map().get(key);
    if (!(v instanceof Number n)) {
      throw error(key, "expected a number, got '" + v + "'");
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      throw error(key, d + " is out of range " + min + ".." + max);
    }
    return Optional.of(d);
  }

  Optional<Boolean> optBool(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    Object v = map().get(key);
    if (!(v instanceof Boolean b)) {
      throw error(key, "expected true or false, got '" + v + "'");
    }
    return Optional.of(b);
  }

  List<ConfigNode> reqList(String key) {
    List<ConfigNode> l = req(key).asList();
    if (l.isEmpty()) {
      throw error(key, "must not be empty");
    }
    return l;
  }

  List<ConfigNode> optList(String key) {
    return has(key) ? req(key).asList() : List.of();
  }

  List<ConfigNode> asList() {
    if (!(value instanceof List<?> l)) {
      throw new ConfigException(path, "expected a list");
    }
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      out.add(new ConfigNode(path + "[" + i + "]", l.get(i)));
    }
    return out;
  }

  List<String> asStrings() {
    List<String> out = new ArrayList<>();
    for (ConfigNode n : asList()) {
      if (!(n.value instanceof String s) || s.isBlank()) {
        throw new ConfigException(n.path, "expected non-empty text");
      }
      out.add(s.strip());
    }
    return out;
  }

  ZoneId asZone() {
    try {
      return ZoneId.of(String.valueOf(value));
    } catch (DateTimeException e) {
      throw new ConfigException(path, "'" + value + "' is not a time zone such as Asia/Jakarta");
    }
  }

  LocalDate asDate() {
    if (value instanceof java.util.Date d) {
      return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
    try {
      return LocalDate.parse(String.valueOf(value));
    } catch (DateTimeException e) {
      throw new ConfigException(path, "'" + value + "' is not a date such as 2026-12-25");
    }
  }

  LocalTime asTime() {
    if (value instanceof Integer n && n >= 0) {
      // YAML 1.1 reads an unquoted 13:30 as the base-60 number 810: show it as it was written
      String written = (n / 60) + ":" + String.format("%02d", n % 60);
      throw new ConfigException(path, "'" + written + "' is not a time as YAML reads it (the number " + n
          + "): write times in quotes, \"" + written + "\"");
    }
    try {
      return LocalTime.parse(String.valueOf(value));
    } catch (DateTimeException e) {
      throw new ConfigException(path, "'" + value + "' is not a time such as 07:45");
    }
  }

  /** "08:00-15:00" or {from: "08:00", to: "15:00"}. */
  TimeRange asRange() {
    LocalTime from;
    LocalTime to;
    if (value instanceof String s) {
      String[] parts = s.split("-");
      if (parts.length != 2) {
        throw new ConfigException(path, "'" + s + "' is not a range such as 08:00-15:00");
      }
      from = new ConfigNode(path, parts[0].strip()).asTime();
      to = new ConfigNode(path, parts[1].strip()).asTime();
    } else {
      allow("from", "to");
      from = req("from").asTime();
      to = req("to").asTime();
    }
    if (!from.isBefore(to)) {
      throw new ConfigException(path, "the range ends before it starts");
    }
    return new TimeRange(from, to);
  }

  /** {mon: "08:00-15:00", ..., sat: null}; a missing or null day is closed. */
  Map<DayOfWeek, TimeRange> asWeek() {
    Map<DayOfWeek, TimeRange> week = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<String, Object> e : map().entrySet()) {
      DayOfWeek d = DAYS.get(e.getKey());
      if (d == null) {
        throw new ConfigException(child(e.getKey()), "unknown day (use mon, tue, wed, thu, fri, sat, sun)");
      }
      if (e.getValue() != null && !"closed".equals(e.getValue())) {
        week.put(d, new ConfigNode(child(e.getKey()), e.getValue()).asRange());
      }
    }
    return week;
  }
}
