package id.antre.server.wiring;

import id.antre.server.api.ApiVerticle;
import id.antre.server.api.SurveyRoutes;
import id.antre.server.domain.HallRef;
import id.antre.server.survey.SurveyService;
import java.time.Clock;

/** The SKM survey: its service over the node's survey store, and its routes. */
public record SurveyWiring(SurveyService service) {

  public static SurveyWiring create(HallRef hall, Storage storage, Clock clock) {
    return new SurveyWiring(new SurveyService(hall, storage.surveys(), clock));
  }

  public ApiVerticle.Extension routes() {
    return new SurveyRoutes(service);
  }
}
