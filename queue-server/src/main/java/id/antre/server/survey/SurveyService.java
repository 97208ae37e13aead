package id.antre.server.survey;

import id.antre.server.auth.Actor;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.QueueException;
import id.antre.server.persistence.SurveyStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SKM survey, application side: a visitor answers once their visit is DONE (on their phone,
 * with the tracking token as the key, or on the tablet at the counter that served them), and
 * managers and supervisors read the index of a period. Who may read what is decided here.
 */
public class SurveyService {
  private static final Logger LOG = LoggerFactory.getLogger(SurveyService.class);
  /** How long after a visit is finished the counter's tablet still offers its survey. */
  public static final Duration TABLET_WINDOW = Duration.ofMinutes(10);
  /** The longest period the index is computed over in one request. */
  static final long MAX_DAYS = 400;
  /** Comments sent with the index, newest first. */
  static final int COMMENTS = 50;

  private final HallRef halls;
  private final SurveyStore store;
  private final Clock clock;

  public SurveyService(HallRef halls, SurveyStore store, Clock clock) {
    this.halls = halls;
    this.store = store;
    this.clock = clock;
  }

  /** A response as the visitor gave it: {@code profile} maps field names to choices, all optional. */
  public record Answer(String token, List<?> answers, Map<String, Object> profile, String comment) {
  }

  /**
   * Stores a response. {@code actor} is null from a phone, a survey tablet from the counter;
   * any other signed-in caller answers as a phone would (the token is the key either way).
   */
  public Future<Long> answer(Actor actor, Answer a) {
    String problem = Skm.answersProblem(a.answers());
    if (problem == null && a.profile() != null) {
      problem = a.profile().entrySet().stream().map(e -> Skm.profileProblem(e.getKey(), e.getValue()))
          .filter(p -> p != null).findFirst().orElse(null);
    }
    String comment = a.comment() == null || a.comment().isBlank() ? null : a.comment().strip();
    if (problem == null && comment != null && comment.codePointCount(0, comment.length()) > Skm.MAX_COMMENT) {
      problem = "comment must be at most " + Skm.MAX_COMMENT + " characters";
    }
    if (problem != null) {
      return Future.failedFuture(new QueueException(ErrorCode.INVALID_REQUEST, problem));
    }
    boolean tablet = actor != null && actor.role() == Actor.Role.SURVEY;
    Map<String, Object> profile = a.profile() == null ? Map.of() : a.profile();
    List<Integer> answers = a.answers().stream().map(x -> ((Number) x).intValue()).toList();
    SurveyStore.NewResponse row = new SurveyStore.NewResponse(a.token(), clock.instant(), tablet ? "tablet" : "phone",
        answers, (String) profile.get("ageBand"), (String) profile.get("sex"), (String) profile.get("education"),
        (String) profile.get("occupation"), comment, tablet ? actor.name() : null);
    return store.insert(row).compose(id -> {
      if (id.isPresent()) {
        LOG.info("survey response {} stored ({})", id.get(), row.channel());
        return Future.succeededFuture(id.get());
      }
      return store.visit(a.token()).compose(v -> Future.failedFuture(whyNot(v)));
    });
  }

  /** Why nothing was stored, read after the guarded insert found nothing to insert. */
  private static QueueException whyNot(Optional<SurveyStore.Visit> visit) {
    if (visit.isEmpty()) {
      return new QueueException(ErrorCode.UNKNOWN_TICKET, "Tiket tidak ditemukan (no such ticket)");
    }
    if (visit.get().answered()) {
      return new QueueException(ErrorCode.SURVEY_EXISTS,
          "Survei untuk kunjungan ini sudah diisi (this visit's survey has already been answered)");
    }
    if (!"DONE".equals(visit.get().status())) {
      return new QueueException(ErrorCode.INVALID_TRANSITION,
          "Survei dapat diisi setelah layanan selesai (the survey opens once the visit is done)");
    }
    return new QueueException(ErrorCode.FORBIDDEN,
        "Kunjungan ini tidak dilayani di loket tablet ini (this visit was not served at this tablet's counter)");
  }

  /** Where a visit stands for the survey, for the phone page. */
  public record Status(boolean open, boolean answered) {
  }

  public Future<Status> status(String token) {
    return store.visit(token).map(v -> {
      SurveyStore.Visit visit = v.orElseThrow(() ->
          new QueueException(ErrorCode.UNKNOWN_TICKET, "Tiket tidak ditemukan (no such ticket)"));
      return new Status("DONE".equals(visit.status()) && !visit.answered(), visit.answered());
    });
  }

  /** A visit a survey tablet should ask about. */
  public record Pending(String token, String prefix, int number, String service, Instant finishedAt) {
  }

  /** A comment sent with a response, for the index's readers. */
  public record Comment(String service, LocalDate day, String text) {
  }

  /** The visit a survey tablet asks about now: its counter's latest finished one, unanswered, if recent. */
  public Future<Optional<Pending>> pending(Actor actor) {
    if (actor.role() != Actor.Role.SURVEY) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, "Hanya tablet survei (survey tablets only)"));
    }
    return store.pending(actor.name(), clock.instant().minus(TABLET_WINDOW)).map(p -> p.orElseThrow(() ->
        new QueueException(ErrorCode.FORBIDDEN, "Tablet survei tidak terdaftar (not an active survey tablet)"))
        .map(v -> new Pending(v.token(), v.prefix(), v.number(), v.service(), v.finishedAt())));
  }

  /** The index of a scope, with what it was computed from. */
  public record Report(LocalDate from, LocalDate to, String agency, String service, long population, long minSample,
      Ikm.Result result, List<Comment> comments) {

    public boolean enough() {
      return result.respondents() >= minSample && result.respondents() > 0;
    }
  }

  /**
   * The IKM of a period. Managers and administrators read any scope; a supervisor reads their own
   * agency (the default) and is refused another; officers and devices are refused: the index is
   * about a service, and a figure per officer from a handful of answers would be read as a verdict
   * on a person.
   */
  public Future<Report> ikm(Actor actor, LocalDate from, LocalDate to, String agency, String service) {
    Hall hall = halls.get();
    if (to.isBefore(from)) {
      return Future.failedFuture(new QueueException(ErrorCode.INVALID_REQUEST, "'to' is before 'from'"));
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      return Future.failedFuture(new QueueException(ErrorCode.INVALID_REQUEST,
          "a period of at most " + MAX_DAYS + " days"));
    }
    String scopeAgency = agency;
    switch (actor.role()) {
      case MANAGER, ADMIN -> { }
      case SUPERVISOR -> {
        if (agency != null && !agency.equals(actor.agency())) {
          return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN,
              "Hanya untuk instansi sendiri (your own agency only)"));
        }
        scopeAgency = actor.agency();
      }
      default -> {
        return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN,
            "Hanya koordinator, manajer dan admin (supervisors, managers and administrators only)"));
      }
    }
    if (scopeAgency != null && hall.agency(scopeAgency).isEmpty()) {
      return Future.failedFuture(new QueueException(ErrorCode.INVALID_REQUEST, "unknown agency " + scopeAgency));
    }
    if (service != null) {
      Optional<Hall.Service> s = hall.service(service);
      if (s.isEmpty()) {
        return Future.failedFuture(new QueueException(ErrorCode.UNKNOWN_SERVICE, "Layanan tidak dikenal (no such service)"));
      }
      if (scopeAgency != null && !s.get().agency().equals(scopeAgency)) {
        return Future.failedFuture(actor.role() == Actor.Role.SUPERVISOR
            ? new QueueException(ErrorCode.FORBIDDEN, "Hanya untuk instansi sendiri (your own agency only)")
            : new QueueException(ErrorCode.INVALID_REQUEST, "service " + service + " is not one of agency " + scopeAgency));
      }
    }
    String a = scopeAgency;
    return store.sums(from, to, a, service).compose(sums -> store.population(from, to, a, service)
        .compose(population -> store.comments(from, to, a, service, COMMENTS).map(comments ->
            new Report(from, to, a, service, population, Ikm.minimumSample(population),
                Ikm.of(sums.sums(), sums.respondents()),
                comments.stream().map(c -> new Comment(c.service(), c.day(), c.text())).toList()))));
  }
}
