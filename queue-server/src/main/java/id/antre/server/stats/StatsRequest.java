package id.antre.server.stats;

import id.antre.server.auth.Actor;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.QueueException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * A statistics request, checked and scoped: the range of service days, the grouping, and the
 * agency, service and officer the caller may see. Managers and admins see the hall; a supervisor
 * only their agency (asking for another is refused, "all" quietly means theirs); an officer only
 * their own figures.
 */
public record StatsRequest(LocalDate from, LocalDate to, String groupBy, String agency, String service,
    String officer) {
  /** The longest range a view answers: two years, so a year can be compared with the one before. */
  static final long MAX_DAYS = 732;

  /** The period of equal length just before this one. */
  public StatsRequest previous() {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    return new StatsRequest(from.minusDays(days), from.minusDays(1), groupBy, agency, service, officer);
  }

  public StatsRequest groupedBy(String grouping) {
    return new StatsRequest(from, to, grouping, agency, service, officer);
  }

  /**
   * @param param a query parameter's single value, null when absent
   * @param today the hall's service day now, the default range
   */
  public static StatsRequest of(Function<String, String> param, Actor actor, Hall hall, LocalDate today) {
    if (actor == null || !actor.isStaff()) {
      throw new QueueException(ErrorCode.FORBIDDEN, "statistics are for staff");
    }
    LocalDate from = date(param.apply("from"), "from", today);
    LocalDate to = date(param.apply("to"), "to", from.isAfter(today) ? from : today);
    if (to.isBefore(from)) {
      throw invalid("to must not be before from");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw invalid("a range covers at most " + MAX_DAYS + " days");
    }
    String groupBy = blank(param.apply("groupBy")) ? "hall" : param.apply("groupBy");
    if (!id.antre.server.persistence.StatsStore.groupings().contains(groupBy)) {
      throw invalid("groupBy must be one of hall, agency, service, counter, officer, channel, priority, day, hour");
    }
    String agency = param.apply("agency");
    agency = blank(agency) || "all".equals(agency) ? null : agency;
    if (agency != null && hall.agency(agency).isEmpty()) {
      throw invalid("unknown agency: " + agency);
    }
    String service = param.apply("service");
    service = blank(service) || "all".equals(service) ? null : service;
    if (service != null && hall.service(service).isEmpty()) {
      throw invalid("unknown service: " + service);
    }
    String officer = null;
    switch (actor.role()) {
      case MANAGER, ADMIN -> {
      }
      case SUPERVISOR, OFFICER -> {
        if (agency != null && !agency.equals(actor.agency())) {
          throw new QueueException(ErrorCode.FORBIDDEN, "Statistik instansi lain tidak dapat dilihat "
              + "(another agency's figures are not yours to see)");
        }
        if (service != null && !hall.service(service).orElseThrow().agency().equals(actor.agency())) {
          throw new QueueException(ErrorCode.FORBIDDEN, "Statistik layanan instansi lain tidak dapat dilihat "
              + "(another agency's service)");
        }
        agency = actor.agency();
        if (actor.role() == Actor.Role.OFFICER) {
          officer = actor.name();
        }
      }
      default -> throw new QueueException(ErrorCode.FORBIDDEN, "statistics are for staff");
    }
    return new StatsRequest(from, to, groupBy, agency, service, officer);
  }

  private static LocalDate date(String text, String name, LocalDate otherwise) {
    if (blank(text)) {
      return otherwise;
    }
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw invalid(name + " must be a date written YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(name + " is not a date: " + text);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static QueueException invalid(String detail) {
    return new QueueException(ErrorCode.INVALID_REQUEST, detail);
  }
}
