package id.antre.server.api;

import id.antre.server.api.Requests.Type;
import id.antre.server.auth.Actor;
import id.antre.server.survey.Ikm;
import id.antre.server.survey.Skm;
import id.antre.server.survey.SurveyService;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The SKM survey's HTTP routes: answering (a phone by its tracking token, a tablet with its
 * device token), where a visit stands, what a tablet should ask now, and the index.
 */
public final class SurveyRoutes implements ApiVerticle.Extension {
  private static final String ACTOR = "actor";
  private static final Map<String, Type> ANSWER = Map.of("ticket", Type.STRING, "answers", Type.INTEGERS,
      "profile", Type.OBJECT, "comment", Type.STRING_OR_EMPTY);

  private final SurveyService surveys;
  private ApiContext http;

  public SurveyRoutes(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Override
  public void mount(Router root, Router api, ApiContext http) {
    this.http = http;
    api.post("/surveys").handler(http::anonymousWrite).handler(this::optionallyAuthenticated).handler(this::answer);
    api.get("/surveys/pending").handler(http::authenticated).handler(this::pending);
    api.get("/surveys/:token").handler(this::status);
    api.get("/stats/ikm").handler(http::authenticated).handler(this::ikm);
  }

  /** A phone has no token; a tablet sends its device token, and a token that is sent must be valid. */
  private void optionallyAuthenticated(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      ctx.next();
      return;
    }
    http.auth().authenticate(header).onSuccess(actor -> {
      ctx.put(ACTOR, actor);
      ctx.next();
    }).onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx) {
    JsonObject body = Requests.parse(ctx.body().buffer(), ANSWER, "ticket", "answers");
    String token = token(body.getString("ticket"));
    JsonObject profile = body.getJsonObject("profile");
    SurveyService.Answer answer = new SurveyService.Answer(token, body.getJsonArray("answers").getList(),
        profile == null ? null : profile.getMap(), body.getString("comment"));
    surveys.answer(ctx.get(ACTOR), answer)
        .onSuccess(id -> ctx.response().setStatusCode(201).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(new JsonObject().put("id", id).put("answered", true).encode()))
        .onFailure(ctx::fail);
  }

  private void status(RoutingContext ctx) {
    surveys.status(token(ctx.pathParam("token")))
        .onSuccess(s -> ctx.json(new JsonObject().put("open", s.open()).put("answered", s.answered())))
        .onFailure(ctx::fail);
  }

  private void pending(RoutingContext ctx) {
    surveys.pending(ctx.get(ACTOR)).onSuccess(p -> {
      if (p.isEmpty()) {
        ctx.response().setStatusCode(204).end();
        return;
      }
      SurveyService.Pending v = p.get();
      ctx.json(new JsonObject().put("ticket", v.token()).put("number", id.antre.server.domain.TicketNumber.format(v.prefix(), v.number()))
          .put("service", v.service()).put("finishedAt", v.finishedAt().toString()));
    }).onFailure(ctx::fail);
  }

  private void ikm(RoutingContext ctx) {
    LocalDate from = day(ctx, "from");
    LocalDate to = day(ctx, "to");
    Actor actor = ctx.get(ACTOR);
    surveys.ikm(actor, from, to, code(ctx, "agency"), code(ctx, "service")).onSuccess(r -> {
      Ikm.Result ikm = r.result();
      JsonArray nrr = new JsonArray();
      JsonArray elements = new JsonArray();
      for (int i = 0; i < Skm.ELEMENT_COUNT; i++) {
        BigDecimal v = ikm.nrr() == null ? null : ikm.nrr().get(i);
        nrr.add(v == null ? null : v.doubleValue());
        elements.add(new JsonObject().put("code", "U" + (i + 1)).put("name", Skm.ELEMENTS.get(i))
            .put("nrr", v == null ? null : v.doubleValue()));
      }
      JsonArray comments = new JsonArray();
      r.comments().forEach(c -> comments.add(new JsonObject().put("service", c.service()).put("day", c.day().toString())
          .put("text", c.text())));
      ctx.json(new JsonObject().put("from", r.from().toString()).put("to", r.to().toString())
          .put("agency", r.agency()).put("service", r.service())
          .put("respondents", ikm.respondents()).put("population", r.population()).put("minSample", r.minSample())
          .put("enough", r.enough()).put("nrr", nrr).put("elements", elements)
          .put("weightedNrr", ikm.weighted() == null ? null : ikm.weighted().doubleValue())
          .put("ikm", ikm.ikm() == null ? null : ikm.ikm().doubleValue())
          .put("grade", ikm.grade() == null ? null : ikm.grade().name())
          .put("label", ikm.grade() == null ? null : ikm.grade().label)
          .put("labelEn", ikm.grade() == null ? null : ikm.grade().labelEn)
          .put("comments", comments));
    }).onFailure(ctx::fail);
  }

  private static String token(String token) {
    if (!TicketQr.wellFormedToken(token)) {
      throw Requests.invalid("not a tracking token");
    }
    return token;
  }

  private static LocalDate day(RoutingContext ctx, String name) {
    List<String> v = ctx.queryParam(name);
    if (v.size() != 1) {
      throw Requests.invalid("query parameter '" + name + "' (YYYY-MM-DD) is required once");
    }
    try {
      return LocalDate.parse(v.get(0));
    } catch (DateTimeParseException e) {
      throw Requests.invalid("'" + name + "' must be a date written YYYY-MM-DD");
    }
  }

  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private static String code(RoutingContext ctx, String name) {
    List<String> v = ctx.queryParam(name);
    if (v.isEmpty() || v.get(0).isEmpty()) {
      return null;
    }
    if (v.size() > 1 || !CODE.matcher(v.get(0)).matches()) {
      throw Requests.invalid("'" + name + "' must be one code");
    }
    return v.get(0);
  }
}
