package id.antre.server.config;

import id.antre.server.domain.Hall;
import id.antre.server.domain.Hall.TimeRange;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A {@link Hall} written back as a hall file, the inverse of {@link HallConfigParser}:
 * {@code HallConfigParser.parse(HallFile.yaml(hall))} equals {@code hall}. What most services
 * share (hours, target wait, ...) is written once under {@code defaults}, so the file reads like
 * one written by hand; every other value is written out, defaults included, so the file does not
 * depend on the parser's defaults staying what they are.
 */
public final class HallFile {
  private static final List<String> DAY_KEYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private HallFile() {
  }

  /** The hall file as YAML, with a first line saying what it is. */
  public static String yaml(Hall hall) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(120);
    options.setAllowUnicode(true);
    options.setSplitLines(false);
    return "# Antre hall file: " + hall.name() + (hall.subtitle().isEmpty() ? "" : " " + hall.subtitle()) + "\n"
        + new Yaml(options).dump(tree(hall));
  }

  /** The hall file as a tree of maps, lists, text, numbers and booleans (the JSON of the configuration API). */
  public static Map<String, Object> tree(Hall hall) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("name", hall.name());
    if (!hall.subtitle().isEmpty()) {
      head.put("subtitle", hall.subtitle());
    }
    head.put("timeZone", hall.timeZone().getId());
    out.put("hall", head);

    Map<String, Object> routing = new LinkedHashMap<>();
    routing.put("priorityCap", hall.routing().priorityCap());
    routing.put("transfersFirst", hall.routing().transfersFirst());
    routing.put("recallLimit", hall.routing().recallLimit());
    out.put("routing", routing);

    List<Hall.Service> services = hall.services();
    Map<DayOfWeek, TimeRange> hours = mostCommon(services, Hall.Service::hours);
    int opensBefore = mostCommon(services, Hall.Service::issuingOpensMinutesBefore);
    int cutoffBefore = mostCommon(services, Hall.Service::cutoffMinutesBeforeClose);
    int targetWait = mostCommon(services, Hall.Service::targetWaitMinutes);
    double serviceMinutes = mostCommon(services, Hall.Service::averageServiceMinutes);
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("hours", week(hours));
    defaults.put("issuingOpensMinutesBefore", opensBefore);
    defaults.put("cutoffMinutesBeforeClose", cutoffBefore);
    defaults.put("targetWaitMinutes", targetWait);
    defaults.put("averageServiceMinutes", number(serviceMinutes));
    out.put("defaults", defaults);

    hall.fridayBreak().ifPresent(b -> out.put("fridayBreak", range(b)));
    List<Object> holidays = new ArrayList<>();
    hall.holidays().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("date", e.getKey().toString());
      h.put("name", e.getValue());
      holidays.add(h);
    });
    out.put("holidays", holidays);
    out.put("outcomes", new ArrayList<>(hall.outcomes()));
    if (!hall.runningText().isEmpty()) {
      out.put("runningText", hall.runningText());
    }
    out.put("ticketFooter", hall.ticketFooter());
    Map<String, Object> voice = new LinkedHashMap<>();
    voice.put("reading", hall.voice().digitByDigit() ? "digits" : "cardinal");
    voice.put("sayAgency", hall.voice().sayAgency());
    out.put("voice", voice);

    List<Object> agencies = new ArrayList<>();
    for (Hall.Agency a : hall.agencies()) {
      Map<String, Object> agency = new LinkedHashMap<>();
      agency.put("code", a.code());
      agency.put("name", a.name());
      agency.put("fullName", a.fullName());
      List<Object> list = new ArrayList<>();
      for (Hall.Service s : services) {
        if (!s.agency().equals(a.code())) {
          continue;
        }
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("code", s.code());
        service.put("prefix", s.prefix());
        service.put("name", s.name());
        service.put("dailyQuota", s.dailyQuota());
        if (!s.hours().equals(hours)) {
          service.put("hours", week(s.hours()));
        }
        if (s.issuingOpensMinutesBefore() != opensBefore) {
          service.put("issuingOpensMinutesBefore", s.issuingOpensMinutesBefore());
        }
        s.issuingCutoff().ifPresent(t -> service.put("issuingCutoff", t.toString()));
        if (s.cutoffMinutesBeforeClose() != cutoffBefore) {
          service.put("cutoffMinutesBeforeClose", s.cutoffMinutesBeforeClose());
        }
        if (!s.documents().isEmpty()) {
          service.put("documents", new ArrayList<>(s.documents()));
        }
        if (s.targetWaitMinutes() != targetWait) {
          service.put("targetWaitMinutes", s.targetWaitMinutes());
        }
        if (s.averageServiceMinutes() != serviceMinutes) {
          service.put("averageServiceMinutes", number(s.averageServiceMinutes()));
        }
        s.booking().ifPresent(b -> service.put("booking", booking(b)));
        list.add(service);
      }
      agency.put("services", list);
      agencies.add(agency);
    }
    out.put("agencies", agencies);

    List<Object> counters = new ArrayList<>();
    for (Hall.Counter c : hall.counters()) {
      Map<String, Object> counter = new LinkedHashMap<>();
      counter.put("id", c.id());
      counter.put("name", c.name());
      counter.put("agency", c.agency());
      counter.put("zone", c.zone());
      counter.put("services", new ArrayList<>(c.services()));
      if (c.weighted()) {
        Map<String, Object> weights = new LinkedHashMap<>();
        c.services().forEach(sc -> weights.put(sc, c.weights().get(sc)));
        counter.put("weights", weights);
      }
      counters.add(counter);
    }
    out.put("counters", counters);
    return out;
  }

  /** The value most services have; on a tie, the one the first of them has. */
  private static <T> T mostCommon(List<Hall.Service> services, Function<Hall.Service, T> value) {
    Map<T, Long> counts = services.stream().collect(Collectors.groupingBy(value, LinkedHashMap::new,
        Collectors.counting()));
    long most = counts.values().stream().max(Comparator.naturalOrder()).orElse(0L);
    return counts.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> week(Map<DayOfWeek, TimeRange> hours) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      TimeRange r = hours.get(d);
      if (r != null) {
        out.put(DAY_KEYS.get(d.ordinal()), range(r));
      }
    }
    return out;
  }

  private static String range(TimeRange r) {
    return r.from() + "-" + r.to();
  }

  /** 8.0 is written 8; the parser reads either as the same number. */
  private static Object number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e9 ? (Object) (int) d : (Object) d;
  }

  /** A service's online booking, every value written out. */
  private static Map<String, Object> booking(Hall.Booking b) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("enabled", b.enabled());
    out.put("slotMinutes", b.slotMinutes());
    out.put("perSlot", b.perSlot());
    out.put("quotaPerDay", b.quotaPerDay());
    out.put("daysAhead", b.daysAhead());
    out.put("opensAt", b.opensAt().toString());
    out.put("needsNik", b.needsNik());
    out.put("needsPhone", b.needsPhone());
    Map<String, Object> checkIn = new LinkedHashMap<>();
    checkIn.put("beforeMinutes", b.checkInBeforeMinutes());
    checkIn.put("afterMinutes", b.checkInAfterMinutes());
    out.put("checkIn", checkIn);
    out.put("order", b.order() == Hall.BookingOrder.SLOT ? "slot" : "check-in");
    return out;
  }
}
