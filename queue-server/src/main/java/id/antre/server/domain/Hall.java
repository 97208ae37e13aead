package id.antre.server.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hall's configuration, parsed once and immutable. Defaults live in the parser, so every
 * field here is filled in.
 */
public record Hall(
    String name,
    String subtitle,
    ZoneId timeZone,
    RoutingRules routing,
    Optional<TimeRange> fridayBreak,
    Map<LocalDate, String> holidays,
    List<String> outcomes,
    List<Agency> agencies,
    List<Service> services,
    List<Counter> counters,
    String runningText,
    String ticketFooter,
    Voice voice) {

  public Hall {
    holidays = Map.copyOf(holidays);
    outcomes = List.copyOf(outcomes);
    agencies = Keyed.of(agencies, Agency::code);
    services = Keyed.of(services, Service::code);
    counters = Keyed.of(counters, Counter::id);
  }

  public Optional<Service> service(String code) {
    return ((Keyed<Service>) services).find(code);
  }

  public Optional<Counter> counter(String id) {
    return ((Keyed<Counter>) counters).find(id);
  }

  public Optional<Agency> agency(String code) {
    return ((Keyed<Agency>) agencies).find(code);
  }

  /**
   * Where a visitor goes for a service: the zones of the counters that call it, in configuration
   * order and as a visitor reads them ("Lantai 1"), joined with " & " when they are several.
   */
  public String whereServed(String serviceCode) {
    return String.join(" & ", counters.stream().filter(c -> c.services().contains(serviceCode))
        .map(c -> zoneName(c.zone())).distinct().toList());
  }

  /** A zone as visitors read it: "lantai-1" becomes "Lantai 1". */
  public static String zoneName(String zone) {
    if (zone == null || zone.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String word : zone.split("[-_ ]+")) {
      if (!word.isEmpty()) {
        out.append(out.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.toString();
  }

  /** Where a counter stands in the configuration: pages list counters in this order. */
  public int counterOrder(String id) {
    for (int i = 0; i < counters.size(); i++) {
      if (counters.get(i).id().equals(id)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** How calls are spoken: numbers as cardinals ("dua belas") or digit by digit, with the agency or not. */
  public record Voice(boolean digitByDigit, boolean sayAgency) {
    public static final Voice DEFAULT = new Voice(false, false);
  }

  /** Hall-wide calling rules. */
  public record RoutingRules(int priorityCap, boolean transfersFirst, int recallLimit) {
  }

  public record Agency(String code, String name, String fullName) {
  }

  /** A service ("layanan") of one agency. */
  public record Service(
      String code,
      String agency,
      String prefix,
      String name,
      int dailyQuota,
      Map<DayOfWeek, TimeRange> hours,
      int issuingOpensMinutesBefore,
      Optional<LocalTime> issuingCutoff,
      int cutoffMinutesBeforeClose,
      List<String> documents,
      int targetWaitMinutes,
      double averageServiceMinutes,
      Optional<Booking> booking) {

    public Service {
      hours = Map.copyOf(hours);
      documents = List.copyOf(documents);
    }

    /** A service without online booking. */
    public Service(String code, String agency, String prefix, String name, int dailyQuota,
        Map<DayOfWeek, TimeRange> hours, int issuingOpensMinutesBefore, Optional<LocalTime> issuingCutoff,
        int cutoffMinutesBeforeClose, List<String> documents, int targetWaitMinutes, double averageServiceMinutes) {
      this(code, agency, prefix, name, dailyQuota, hours, issuingOpensMinutesBefore, issuingCutoff,
          cutoffMinutesBeforeClose, documents, targetWaitMinutes, averageServiceMinutes, Optional.empty());
    }

    /** The service's online booking, if it offers it. */
    public Optional<Booking> bookable() {
      return booking.filter(Booking::enabled);
    }
  }

  /**
   * Online booking of a service (the mobile channel): slots of {@code slotMinutes} within the
   * service's hours, {@code perSlot} bookings each, at most {@code quotaPerDay} a day (apart from the
   * walk-in quota); a day opens for booking {@code daysAhead} days before it at {@code opensAt}.
   * A booking checks in from {@code checkInBeforeMinutes} before its slot to
   * {@code checkInAfterMinutes} after the slot's start, and queues at its slot's start
   * ({@link BookingOrder#SLOT}) or at its check-in ({@link BookingOrder#CHECK_IN}).
   */
  public record Booking(boolean enabled, int slotMinutes, int perSlot, int quotaPerDay, int daysAhead,
      LocalTime opensAt, boolean needsNik, boolean needsPhone, int checkInBeforeMinutes, int checkInAfterMinutes,
      BookingOrder order) {
  }

  /** Where a checked-in booking queues. */
  public enum BookingOrder {
    SLOT, CHECK_IN
  }

  /** A counter ("loket") and the services it calls, in order or by weight. */
  public record Counter(String id, String name, String agency, String zone, List<String> services,
      Map<String, Integer> weights) {

    public Counter {
      services = List.copyOf(services);
      weights = Map.copyOf(weights);
    }

    public boolean weighted() {
      return !weights.isEmpty();
    }
  }

  /** A half-open local time range [from, to). */
  public record TimeRange(LocalTime from, LocalTime to) {
    public boolean contains(LocalTime t) {
      return !t.isBefore(from) && t.isBefore(to);
    }
  }
}
