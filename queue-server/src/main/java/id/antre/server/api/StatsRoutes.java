package id.antre.server.api;

import id.antre.server.stats.Exports;
import id.antre.server.stats.StatsRequest;
import id.antre.server.stats.StatsService;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.function.Function;

/**
 * The statistics routes: {@code /api/v1/stats/summary|heatmap|histogram|officers} for staff
 * (scoped by {@link StatsRequest}), the statistics page and the printable monthly report
 * ({@code /manager/stats}, {@code /manager/report}), and the chart library from its WebJar.
 */
public final class StatsRoutes implements ApiVerticle.Extension {
  /** The chart library's files inside its WebJar (org.webjars.npm:echarts). */
  static final String ECHARTS_WEBJAR = "META-INF/resources/webjars/echarts";

  private final StatsService stats;
  private ApiContext http;

  public StatsRoutes(StatsService stats) {
    this.stats = stats;
  }

  @Override
  public void mount(Router root, Router api, ApiContext http) {
    this.http = http;
    root.get("/manager/stats").handler(ctx -> ctx.reroute("/web/manager/stats.html"));
    root.get("/manager/report").handler(ctx -> ctx.reroute("/web/manager/report.html"));
    // versioned files: a browser may keep them a day
    root.route("/webjars/echarts/*").handler(StaticHandler.create(ECHARTS_WEBJAR).setCachingEnabled(true)
        .setMaxAgeSeconds(86_400).setDirectoryListing(false).setDefaultContentEncoding("UTF-8"));
    api.route("/stats/*").handler(http::authenticated);
    api.get("/stats/summary").handler(this::summary);
    api.get("/stats/heatmap").handler(ctx -> json(ctx, stats.heatmap(request(ctx))));
    api.get("/stats/histogram").handler(ctx -> json(ctx, stats.histogram(request(ctx))));
    api.get("/stats/officers").handler(ctx -> json(ctx, stats.officers(request(ctx))));
  }

  private StatsRequest request(RoutingContext ctx) {
    Function<String, String> param = name -> {
      List<String> values = ctx.queryParam(name);
      if (values.size() > 1) {
        throw new QueueException(ErrorCode.INVALID_REQUEST, name + " is given more than once");
      }
      return values.isEmpty() ? null : values.get(0);
    };
    return StatsRequest.of(param, http.actor(ctx), stats.hall(), stats.today());
  }

  private void summary(RoutingContext ctx) {
    StatsRequest r = request(ctx);
    String format = ctx.queryParam("format").isEmpty() ? "json" : ctx.queryParam("format").get(0);
    String compare = ctx.queryParam("compare").isEmpty() ? "" : ctx.queryParam("compare").get(0);
    if (!compare.isEmpty() && !compare.equals("previous")) {
      throw new QueueException(ErrorCode.INVALID_REQUEST, "compare must be 'previous'");
    }
    String file = "statistik-" + r.from() + "-" + r.to() + "-" + r.groupBy();
    switch (format) {
      case "json" -> json(ctx, stats.summary(r, !compare.isEmpty()));
      case "csv" -> download(ctx, stats.summary(r, false).map(Exports::csv), Exports.CSV_TYPE, file + ".csv");
      case "xlsx" -> download(ctx, stats.summary(r, false).map(s -> Exports.xlsx(s, "Statistik")), Exports.XLSX_TYPE,
          file + ".xlsx");
      default -> throw new QueueException(ErrorCode.INVALID_REQUEST, "format must be json, csv or xlsx");
    }
  }

  private static void json(RoutingContext ctx, Future<JsonObject> answer) {
    answer.onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private static void download(RoutingContext ctx, Future<byte[]> bytes, String type, String file) {
    bytes.onSuccess(b -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type)
            .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
            .end(Buffer.buffer(b)))
        .onFailure(ctx::fail);
  }
}
