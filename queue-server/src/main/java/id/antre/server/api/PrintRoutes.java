package id.antre.server.api;

import id.antre.printer.escpos.PrinterProfile;
import id.antre.server.queue.Printing;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The kiosks' printers as managers see them: states, cancelling a job, a job's preview. */
final class PrintRoutes implements RouteGroup {
  private final ApiContext http;
  private final Printing printing;

  PrintRoutes(ApiContext http) {
    this.http = http;
    this.printing = http.app().printing();
  }

  @Override
  public void mount(Router api) {
    api.get("/printers").handler(http::authenticated).handler(this::printers);
    api.post("/print-jobs/:job/cancel").handler(http::authenticated).handler(this::cancel);
    api.get("/print-jobs/:job/preview.png").handler(http::authenticated).handler(this::preview);
  }

  private void printers(RoutingContext ctx) {
    http.answer(ctx, () -> printing.printers(http.actor(ctx)).map(list -> new JsonObject().put("printers", list)));
  }

  private void cancel(RoutingContext ctx) {
    long job = jobId(ctx);
    http.answer(ctx, () -> printing.cancel(http.actor(ctx), job));
  }

  /** The ticket of a print job as the printer would print it, rendered by the ESC/POS decoder. */
  private void preview(RoutingContext ctx) {
    String profile = ctx.queryParam("paper").isEmpty() ? "80" : ctx.queryParam("paper").get(0);
    try {
      PrinterProfile.named(profile);
    } catch (IllegalArgumentException e) {
      throw Requests.invalid("paper must be 58mm or 80mm");
    }
    long job = jobId(ctx);
    http.deadline(ctx).run(() -> printing.jobContent(http.actor(ctx), job))
        .compose(content -> http.vertx().executeBlocking(() -> TicketPreview.png(content, profile)))
        .onSuccess(png -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/png").end(Buffer.buffer(png)))
        .onFailure(ctx::fail);
  }

  private static long jobId(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("job"));
    } catch (NumberFormatException e) {
      throw Requests.invalid("print job id must be a number");
    }
  }
}
