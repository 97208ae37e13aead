package id.antre.server.api;

import io.vertx.ext.web.Router;

/**
 * One family of HTTP routes, mounted on the {@code /api/v1} router. A new family is one class
 * and one line in {@link ApiVerticle#ROUTES}; its routes need their rows in AccessMatrixIT.
 */
public interface RouteGroup {
  void mount(Router api);
}
