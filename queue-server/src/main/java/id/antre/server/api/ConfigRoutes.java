package id.antre.server.api;

import id.antre.server.config.HallFile;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.HallRef;
import id.antre.server.liveconfig.ConfigRefusal;
import id.antre.server.liveconfig.ConfigService;
import id.antre.server.view.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The hall's configuration: {@code GET|PUT /api/v1/config} (the hall file as JSON, its version as
 * the ETag, a change only with {@code If-Match} or {@code ?version=}), {@code GET /api/v1/config.yaml}
 * (the hall file to download), and the administrators' page {@code /admin/config}.
 */
public final class ConfigRoutes implements ApiVerticle.Extension {
  /** A hall of a hundred services is some 40 KB of JSON; the rest of the API keeps its smaller limit. */
  static final int BODY_LIMIT = 256 * 1024;

  private final ConfigService config;
  private ApiContext http;

  public ConfigRoutes(ConfigService config) {
    this.config = config;
  }

  @Override
  public void mount(Router root, Router api, ApiContext http) {
    this.http = http;
    root.get("/admin/config").handler(ctx -> ctx.reroute("/web/manager/config.html"));
    api.get("/config").handler(http::authenticated).handler(this::get);
    api.put("/config").handler(http::authenticated).handler(this::put);
    api.get("/config.yaml").handler(http::authenticated).handler(this::yaml);
  }

  private void get(RoutingContext ctx) {
    http.deadline(ctx).run(() -> config.current(http.actor(ctx))).onSuccess(v -> send(ctx, v)).onFailure(ctx::fail);
  }

  private void put(RoutingContext ctx) {
    Long expected = expectedVersion(ctx);
    String text = ctx.body().buffer() == null ? "" : ctx.body().asString();
    http.deadline(ctx).run(() -> config.update(http.actor(ctx), http.address(ctx), expected, text))
        .onSuccess(v -> send(ctx, v))
        .onFailure(e -> {
          if (e instanceof ConfigRefusal r) {
            refuse(ctx, r);
          } else {
            ctx.fail(e);
          }
        });
  }

  private void yaml(RoutingContext ctx) {
    http.deadline(ctx).run(() -> config.current(http.actor(ctx))).onSuccess(v -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"hall.yaml\"")
        .putHeader(HttpHeaders.ETAG, etag(v.version()))
        .end(HallFile.yaml(v.hall()))).onFailure(ctx::fail);
  }

  private static void send(RoutingContext ctx, HallRef.Versioned v) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader(HttpHeaders.ETAG, etag(v.version()))
        .end(new JsonObject(HallFile.tree(v.hall())).encode());
  }

  /** The version a change is made against: {@code If-Match: "7"} or {@code ?version=7}; null when not said. */
  private static Long expectedVersion(RoutingContext ctx) {
    String ifMatch = ctx.request().getHeader(HttpHeaders.IF_MATCH);
    List<String> query = ctx.queryParam("version");
    String given = ifMatch != null ? ifMatch.strip().replace("\"", "") : query.size() == 1 ? query.get(0) : null;
    return given == null || !given.matches("[1-9][0-9]{0,17}") ? null : Long.parseLong(given);
  }

  private static String etag(long version) {
    return "\"" + version + "\"";
  }

  private static void refuse(RoutingContext ctx, ConfigRefusal r) {
    ErrorCode code = r.code();
    ctx.response().setStatusCode(Problems.status(code)).putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
        .end(Problems.body(code, r.getMessage(), ctx.request().path()).put("field", r.field()).encode());
  }
}
