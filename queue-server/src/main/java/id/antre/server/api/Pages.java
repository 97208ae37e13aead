package id.antre.server.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** The static pages of the client modules, served from the classpath. */
final class Pages {
  private Pages() {
  }

  static void mount(Router router) {
    router.get("/").handler(ctx -> ctx.reroute("/web/home/index.html"));
    router.get("/kiosk").handler(ctx -> ctx.reroute("/web/visitor/kiosk.html"));
    router.get("/t/:token").handler(ctx -> ctx.reroute("/web/visitor/track.html"));
    router.get("/display").handler(ctx -> ctx.reroute("/web/display/index.html"));
    router.get("/counter").handler(ctx -> ctx.reroute("/web/counter/index.html"));
    router.get("/manager").handler(ctx -> ctx.reroute("/web/manager/index.html"));
    router.route("/web/*").handler(StaticHandler.create("web").setDefaultContentEncoding("UTF-8")
        .setCachingEnabled(false));
  }
}
