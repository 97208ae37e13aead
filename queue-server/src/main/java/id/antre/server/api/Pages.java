package id.antre.server.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** The static pages of the client modules, served from the classpath. */
final class Pages {
  private Pages() {
  }

  /**
   * @param audioDir a hall's own recordings; a clip found there wins over the bundled one
   */
  static void mount(Router router, java.util.Optional<String> audioDir) {
    router.get("/").handler(ctx -> ctx.reroute("/web/home/index.html"));
    router.get("/kiosk").handler(ctx -> ctx.reroute("/web/visitor/kiosk.html"));
    router.get("/t/:token").handler(ctx -> ctx.reroute("/web/visitor/track.html"));
    router.get("/survey").handler(ctx -> ctx.reroute("/web/visitor/survey.html"));
    router.get("/booking").handler(ctx -> ctx.reroute("/web/visitor/booking.html"));
    router.get("/display").handler(ctx -> ctx.reroute("/web/display/index.html"));
    router.get("/counter").handler(ctx -> ctx.reroute("/web/counter/index.html"));
    router.get("/manager").handler(ctx -> ctx.reroute("/web/manager/index.html"));
    // browsers ask every page's host for it; one icon for all pages, without a link in each head
    router.get("/favicon.ico").handler(ctx -> ctx.reroute("/web/common/favicon.ico"));
    // voice clips: a hall's own recordings in ANTRE_AUDIO_DIR win over the bundled ones
    router.get("/audio/:clip").handler(ctx -> {
      String clip = ctx.pathParam("clip");
      if (!clip.matches("[a-z0-9-]{1,64}\\.wav")) {
        ctx.fail(404);
        return;
      }
      if (audioDir.isEmpty()) {
        ctx.reroute("/web/display/audio/" + clip);
        return;
      }
      String own = java.nio.file.Path.of(audioDir.get(), clip).toString();
      ctx.vertx().fileSystem().exists(own).onComplete(found -> {
        if (found.succeeded() && found.result()) {
          ctx.response().putHeader("Content-Type", "audio/wav").sendFile(own);
        } else {
          ctx.reroute("/web/display/audio/" + clip);
        }
      });
    });
    router.route("/web/*").handler(StaticHandler.create("web").setDefaultContentEncoding("UTF-8")
        .setCachingEnabled(false));
  }
}
