package id.antre.server.config;

import id.antre.server.domain.Hall;
import id.antre.server.domain.Hall.Agency;
import id.antre.server.domain.Hall.Counter;
import id.antre.server.domain.Hall.RoutingRules;
import id.antre.server.domain.Hall.Service;
import id.antre.server.domain.Hall.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a hall configuration (YAML, of which JSON is a subset) into an immutable {@link Hall}.
 * Every default lives here. Unknown keys are refused, so a typo never silently does nothing;
 * every refusal names the field path (e.g. {@code agencies[2].services[0].prefix}) and why.
 * The counters and a service's booking are read by sections of their own ({@link CountersSection},
 * {@link BookingSection}), every field through a {@link ConfigNode}, which words the refusals.
 */
public final class HallConfigParser {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_-]{0,31}");
  private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,2}");

  // defaults, in one place
  static final int DEFAULT_PRIORITY_CAP = 3;
  static final int DEFAULT_RECALL_LIMIT = 2;
  static final int DEFAULT_OPENS_BEFORE = 15;
  static final int DEFAULT_CUTOFF_BEFORE_CLOSE = 30;
  static final int DEFAULT_TARGET_WAIT = 30;
  static final double DEFAULT_SERVICE_MINUTES = 8;
  static final List<String> DEFAULT_OUTCOMES = List.of("selesai", "berkas-tidak-lengkap", "dirujuk", "ditunda");
  static final String DEFAULT_TICKET_FOOTER = "Layanan ini tidak dipungut biaya";
  // a service's booking section (BookingSection)
  static final int DEFAULT_SLOT_MINUTES = 15;
  static final int DEFAULT_PER_SLOT = 2;
  static final int DEFAULT_DAYS_AHEAD = 7;
  static final LocalTime DEFAULT_BOOKING_OPENS = LocalTime.of(7, 0);
  static final int DEFAULT_CHECK_IN_BEFORE = 30;
  static final int DEFAULT_CHECK_IN_AFTER = 15;

  private HallConfigParser() {
  }

  public static Hall parse(String text) {
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw new ConfigException("(file)", "not valid YAML/JSON: " + e.getMessage().replaceAll("\\s+", " ").strip());
    }
    ConfigNode top = ConfigNode.root(root);
    top.allow("hall", "routing", "defaults", "fridayBreak", "holidays", "outcomes", "agencies", "counters", "runningText",
        "ticketFooter", "voice");

    ConfigNode hallNode = top.req("hall");
    hallNode.allow("name", "subtitle", "timeZone");
    String name = hallNode.reqString("name");
    String subtitle = hallNode.optString("subtitle").orElse("");
    ZoneId zone = hallNode.req("timeZone").asZone();

    ConfigNode routingNode = top.opt("routing");
    routingNode.allow("priorityCap", "transfersFirst", "recallLimit");
    RoutingRules routing = new RoutingRules(
        routingNode.optInt("priorityCap", 0, 100).orElse(DEFAULT_PRIORITY_CAP),
        routingNode.optBool("transfersFirst").orElse(true),
        routingNode.optInt("recallLimit", 0, 10).orElse(DEFAULT_RECALL_LIMIT));

    ConfigNode defaults = top.opt("defaults");
    defaults.allow("hours", "issuingOpensMinutesBefore", "cutoffMinutesBeforeClose", "targetWaitMinutes",
        "averageServiceMinutes");
    Map<DayOfWeek, TimeRange> defaultHours = defaults.has("hours") ? defaults.req("hours").asWeek() : Map.of();
    int opensBefore = defaults.optInt("issuingOpensMinutesBefore", 0, 240).orElse(DEFAULT_OPENS_BEFORE);
    int cutoffBefore = defaults.optInt("cutoffMinutesBeforeClose", 0, 600).orElse(DEFAULT_CUTOFF_BEFORE_CLOSE);
    int targetWait = defaults.optInt("targetWaitMinutes", 1, 1440).orElse(DEFAULT_TARGET_WAIT);
    double serviceMinutes = defaults.optNumber("averageServiceMinutes", 0.5, 240).orElse(DEFAULT_SERVICE_MINUTES);

    Optional<TimeRange> fridayBreak = top.has("fridayBreak") ? Optional.of(top.req("fridayBreak").asRange())
        : Optional.empty();

    Map<LocalDate, String> holidays = new LinkedHashMap<>();
    for (ConfigNode h : top.optList("holidays")) {
      h.allow("date", "name");
      LocalDate date = h.req("date").asDate();
      if (holidays.put(date, h.reqString("name")) != null) {
        throw h.error("date", "duplicate holiday " + date);
      }
    }

    List<String> outcomes = top.has("outcomes") ? top.req("outcomes").asStrings() : DEFAULT_OUTCOMES;
    if (outcomes.isEmpty()) {
      throw top.error("outcomes", "needs at least one outcome");
    }

    List<Agency> agencies = new ArrayList<>();
    List<Service> services = new ArrayList<>();
    Set<String> prefixes = new HashSet<>();
    List<ConfigNode> agencyNodes = top.reqList("agencies");
    for (ConfigNode a : agencyNodes) {
      a.allow("code", "name", "fullName", "services");
      String code = a.reqMatching("code", CODE, "an upper-case code such as DUKCAPIL");
      if (agencies.stream().anyMatch(x -> x.code().equals(code))) {
        throw a.error("code", "duplicate agency code " + code);
      }
      String agencyName = a.reqString("name");
      agencies.add(new Agency(code, agencyName, a.optString("fullName").orElse(agencyName)));
      for (ConfigNode s : a.reqList("services")) {
        s.allow("code", "prefix", "name", "dailyQuota", "hours", "issuingOpensMinutesBefore", "issuingCutoff",
            "cutoffMinutesBeforeClose", "documents", "targetWaitMinutes", "averageServiceMinutes", "booking");
        String scode = s.reqMatching("code", CODE, "an upper-case code such as KTP");
        if (services.stream().anyMatch(x -> x.code().equals(scode))) {
          throw s.error("code", "duplicate service code " + scode);
        }
        String prefix = s.reqMatching("prefix", PREFIX, "one or two upper-case letters");
        if (!prefixes.add(prefix)) {
          throw s.error("prefix", "prefix " + prefix + " is already used by another service");
        }
        Map<DayOfWeek, TimeRange> hours = s.has("hours") ? s.req("hours").asWeek() : defaultHours;
        if (hours.isEmpty()) {
          throw s.error("hours", "no opening hours here and none under defaults.hours");
        }
        services.add(new Service(scode, code, prefix, s.reqString("name"),
            s.reqInt("dailyQuota", 1, 100_000), hours,
            s.optInt("issuingOpensMinutesBefore", 0, 240).orElse(opensBefore),
            s.has("issuingCutoff") ? Optional.of(s.req("issuingCutoff").asTime()) : Optional.empty(),
            s.optInt("cutoffMinutesBeforeClose", 0, 600).orElse(cutoffBefore),
            s.has("documents") ? s.req("documents").asStrings() : List.of(),
            s.optInt("targetWaitMinutes", 1, 1440).orElse(targetWait),
            s.optNumber("averageServiceMinutes", 0.5, 240).orElse(serviceMinutes),
            s.has("booking") ? Optional.of(BookingSection.parse(s.req("booking"))) : Optional.empty()));
      }
    }

    List<Counter> counters = CountersSection.parse(top, agencies, services);
    ConfigNode voiceNode = top.opt("voice");
    voiceNode.allow("reading", "sayAgency");
    String reading = voiceNode.optString("reading").orElse("cardinal");
    if (!reading.equals("cardinal") && !reading.equals("digits")) {
      throw voiceNode.error("reading", "'" + reading + "' is not cardinal or digits");
    }
    Hall.Voice voice = new Hall.Voice(reading.equals("digits"), voiceNode.optBool("sayAgency").orElse(false));
    return new Hall(name, subtitle, zone, routing, fridayBreak, holidays, outcomes, agencies, services, counters,
        top.optString("runningText").orElse(""), top.optString("ticketFooter").orElse(DEFAULT_TICKET_FOOTER), voice);
  }
}
