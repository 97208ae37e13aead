package id.antre.server.api;

import id.antre.server.api.Requests.Type;
import id.antre.server.audit.AuditLog;
import id.antre.server.auth.Accounts;
import id.antre.server.auth.Devices;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Administration: users, devices, one's own password, the audit trail (admins change, managers
 * read), and the three admin pages ({@code /admin/users}, {@code /admin/devices}, {@code /admin/audit}).
 */
public final class AdminRoutes implements ApiVerticle.Extension {
  /** Entries one audit read returns when the caller does not say. */
  static final int DEFAULT_AUDIT_LIMIT = 500;
  static final int MAX_AUDIT_DAYS = 366;

  private final Accounts accounts;
  private final Devices devices;
  private final AuditLog log;
  private final Supplier<ZoneId> zone;
  private final Clock clock;

  /** @param zone the hall's time zone, in which the audit read's dates are days */
  public AdminRoutes(Accounts accounts, Devices devices, AuditLog log, Supplier<ZoneId> zone, Clock clock) {
    this.accounts = accounts;
    this.devices = devices;
    this.log = log;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public void mount(Router root, Router api, ApiContext http) {
    root.get("/admin/users").handler(ctx -> ctx.reroute("/web/manager/admin-users.html"));
    root.get("/admin/devices").handler(ctx -> ctx.reroute("/web/manager/admin-devices.html"));
    root.get("/admin/audit").handler(ctx -> ctx.reroute("/web/manager/admin-audit.html"));

    api.post("/auth/password").handler(http::authenticated).handler(ctx -> {
      JsonObject b = Requests.parse(ctx.body().buffer(), Map.of("current", Type.STRING, "new", Type.STRING),
          "current", "new");
      http.respond(ctx, 204, accounts.changeOwnPassword(http.actor(ctx),
          ctx.request().getHeader(HttpHeaders.AUTHORIZATION), http.address(ctx), b.getString("current"),
          b.getString("new")).map(v -> (JsonObject) null));
    });

    api.get("/users").handler(http::authenticated).handler(ctx ->
        accounts.list(http.actor(ctx)).onSuccess(a -> array(ctx, a)).onFailure(ctx::fail));
    api.post("/users").handler(http::authenticated).handler(ctx -> {
      JsonObject b = Requests.parse(ctx.body().buffer(), Map.of("username", Type.STRING, "password", Type.STRING,
          "role", Type.STRING, "agency", Type.STRING, "displayName", Type.STRING), "username", "password", "role");
      http.respond(ctx, 201, accounts.create(http.actor(ctx), http.address(ctx), new Accounts.NewUser(
          b.getString("username"), b.getString("password"), b.getString("role"), b.getString("agency"),
          b.getString("displayName"))));
    });
    api.patch("/users/:username").handler(http::authenticated).handler(ctx -> {
      JsonObject b = Requests.parse(ctx.body().buffer(), Map.of("role", Type.STRING, "agency", Type.STRING,
          "active", Type.BOOLEAN, "password", Type.STRING, "displayName", Type.STRING));
      if (b.isEmpty()) {
        throw Requests.invalid("nothing to change: give role, agency, active, password or displayName");
      }
      http.respond(ctx, 200, accounts.update(http.actor(ctx), http.address(ctx), ApiContext.name(ctx, "username"),
          new Accounts.Change(b.getString("role"), b.getString("agency"), b.containsKey("agency"),
              b.getBoolean("active"), b.getString("password"), b.getString("displayName"))));
    });

    api.get("/devices").handler(http::authenticated).handler(ctx ->
        devices.list(http.actor(ctx)).onSuccess(a -> array(ctx, a)).onFailure(ctx::fail));
    api.post("/devices").handler(http::authenticated).handler(ctx -> {
      JsonObject b = Requests.parse(ctx.body().buffer(), Map.of("id", Type.STRING, "kind", Type.STRING,
          "name", Type.STRING, "zone", Type.STRING, "kiosk", Type.STRING, "counter", Type.STRING), "kind", "name");
      http.respond(ctx, 201, devices.register(http.actor(ctx), http.address(ctx), new Devices.NewDevice(
          b.getString("id"), b.getString("kind"), b.getString("name"), b.getString("zone"), b.getString("kiosk"),
          b.getString("counter"))));
    });
    api.post("/devices/:device/rotate").handler(http::authenticated).handler(ctx -> {
      Requests.parse(ctx.body().buffer(), Map.of());
      http.respond(ctx, 200, devices.rotate(http.actor(ctx), http.address(ctx), ApiContext.name(ctx, "device")));
    });
    api.delete("/devices/:device").handler(http::authenticated).handler(ctx ->
        devices.revoke(http.actor(ctx), http.address(ctx), ApiContext.name(ctx, "device"))
            .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));

    api.get("/audit").handler(http::authenticated).handler(ctx -> audit(ctx, http));
  }

  /** {@code ?from&to} (days in the hall's zone, inclusive; today by default) {@code &actor&action&limit&format=csv}. */
  private void audit(RoutingContext ctx, ApiContext http) {
    if (!http.actor(ctx).managesHall()) {
      throw new QueueException(ErrorCode.FORBIDDEN,
          "Hanya admin dan manajer (administrators and managers only)");
    }
    ZoneId z = zone.get();
    LocalDate today = LocalDate.now(clock.withZone(z));
    LocalDate from = day(ctx, "from", today);
    LocalDate to = day(ctx, "to", from.isAfter(today) ? from : today);
    if (to.isBefore(from)) {
      throw Requests.invalid("to must not be before from");
    }
    if (from.plusDays(MAX_AUDIT_DAYS).isBefore(to)) {
      throw Requests.invalid("at most " + MAX_AUDIT_DAYS + " days at once");
    }
    int limit = DEFAULT_AUDIT_LIMIT;
    String l = ctx.queryParams().get("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 1000) {
        throw Requests.invalid("limit must be a whole number from 1 to 1000");
      }
    }
    String format = ctx.queryParams().get("format");
    if (format != null && !format.equals("csv") && !format.equals("json")) {
      throw Requests.invalid("format must be csv or json");
    }
    String actor = text(ctx, "actor");
    String action = text(ctx, "action");
    log.entries(from.atStartOfDay(z).toInstant(), to.plusDays(1).atStartOfDay(z).toInstant(), actor, action, limit)
        .onSuccess(entries -> {
          if ("csv".equals(format)) {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"audit-" + from + "-" + to + ".csv\"")
                .end(io.vertx.core.buffer.Buffer.buffer(csv(entries)));
          } else {
            array(ctx, entries);
          }
        }).onFailure(ctx::fail);
  }

  static byte[] csv(JsonArray entries) {
    StringBuilder b = new StringBuilder("\uFEFF");
    List<String> columns = List.of("at", "actor", "role", "address", "action", "target", "before", "after");
    b.append(String.join(",", columns)).append("\r\n");
    for (Object o : entries) {
      JsonObject e = (JsonObject) o;
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        Object v = e.getValue(columns.get(i));
        if (v == null) {
          continue;
        }
        String s = v instanceof JsonObject j ? j.encode() : v.toString();
        // a cell a spreadsheet would take for a formula is written as text
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
          s = "'" + s;
        }
        b.append('"').append(s.replace("\"", "\"\"")).append('"');
      }
      b.append("\r\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static LocalDate day(RoutingContext ctx, String name, LocalDate otherwise) {
    String v = ctx.queryParams().get(name);
    if (v == null || v.isEmpty()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw Requests.invalid(name + " must be a day, YYYY-MM-DD");
    }
  }

  private static String text(RoutingContext ctx, String name) {
    String v = ctx.queryParams().get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.length() > 64) {
      throw Requests.invalid(name + " must be at most 64 characters");
    }
    return v;
  }

  private static void array(RoutingContext ctx, JsonArray a) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(a.encode());
  }
}
