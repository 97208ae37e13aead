package id.antre.server.api;

import id.antre.server.api.Requests.Type;
import id.antre.server.booking.Booking;
import id.antre.server.booking.BookingService;
import id.antre.server.domain.Availability;
import id.antre.server.domain.Hall;
import id.antre.server.stats.StatsRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Booking from a phone, without signing in: the slots of a day, booking, following, cancelling
 * and moving by code; checking in at a kiosk (device token), which answers like an issue. NIK and
 * phone number are answered masked only.
 */
public final class BookingRoutes implements ApiVerticle.Extension {
  private static final Map<String, Type> BOOK_FIELDS = Map.of("service", Type.STRING, "day", Type.STRING,
      "slot", Type.STRING, "nik", Type.STRING, "phone", Type.STRING, "requestId", Type.STRING);
  private static final Map<String, Type> MOVE_FIELDS = Map.of("day", Type.STRING, "slot", Type.STRING,
      "requestId", Type.STRING);
  private static final Map<String, Type> CHECK_IN_FIELDS = Map.of("requestId", Type.STRING, "print", Type.BOOLEAN);

  private final BookingService bookings;
  private ApiContext http;

  public BookingRoutes(BookingService bookings) {
    this.bookings = bookings;
  }

  @Override
  public void mount(Router root, Router api, ApiContext http) {
    this.http = http;
    api.get("/booking/slots").handler(this::slots);
    api.post("/bookings").handler(this::throttleBooking).handler(this::book);
    api.get("/bookings/:code").handler(this::throttleRead).handler(this::get);
    api.get("/bookings/:code/qr.svg").handler(this::throttleRead).handler(this::qr);
    api.post("/bookings/:code/cancel").handler(this::throttleBooking).handler(this::cancel);
    api.post("/bookings/:code/reschedule").handler(this::throttleBooking).handler(this::reschedule);
    api.post("/bookings/:code/check-in").handler(http::authenticated).handler(this::throttleCheckIn)
        .handler(this::checkIn);
    // staff, scoped like the other statistics; signed in by the statistics' guard on /stats/*, or here
    api.get("/stats/bookings").handler(this::signedIn).handler(this::stats);
  }

  /** The statistics' routes sign their caller in once for /stats/*; this one does so itself when it is not. */
  private void signedIn(RoutingContext ctx) {
    if (http.actor(ctx) != null) {
      ctx.next();
    } else {
      http.authenticated(ctx);
    }
  }

  /**
   * Bookings per service for booking days in [from, to]: made, cancelled, checked in, no-shows and
   * still open; scoped as the statistics are (a supervisor or officer sees their agency).
   */
  private void stats(RoutingContext ctx) {
    java.util.function.Function<String, String> param = name -> {
      List<String> values = ctx.queryParam(name);
      if (values.size() > 1) {
        throw Requests.invalid(name + " is given more than once");
      }
      return values.isEmpty() ? null : values.get(0);
    };
    Hall hall = bookings.hall();
    StatsRequest r = StatsRequest.of(param, http.actor(ctx), hall, bookings.today());
    http.answer(ctx, () -> bookings.counts(r.from(), r.to()).map(counts -> {
      JsonArray rows = new JsonArray();
      for (var c : counts) {
        Hall.Service sv = hall.service(c.service()).orElse(null);
        if (sv == null || (r.agency() != null && !sv.agency().equals(r.agency()))
            || (r.service() != null && !sv.code().equals(r.service()))) {
          continue;
        }
        rows.add(new JsonObject().put("service", sv.code()).put("name", sv.name()).put("agency", sv.agency())
            .put("booked", c.booked()).put("cancelled", c.cancelled()).put("checkedIn", c.checkedIn())
            .put("noShow", c.noShow()).put("open", c.open()).put("noShowPct", c.noShowPct()));
      }
      return new JsonObject().put("from", r.from().toString()).put("to", r.to().toString())
          .put("agency", r.agency()).put("service", r.service()).put("rows", rows);
    }));
  }

  // ---- pacing: per client address for every write, per NIK for booking, per kiosk for check-in

  private void throttleBooking(RoutingContext ctx) {
    pace(ctx, "booking-address:" + http.address(ctx), http.limits().bookingPerMinute(), http.limits().bookingBurst());
  }

  /** Following a booking by code: generous for a phone that polls, a wall for a code guesser. */
  private void throttleRead(RoutingContext ctx) {
    pace(ctx, "booking-read:" + http.address(ctx), http.limits().anonymousPerMinute(), http.limits().anonymousBurst());
  }

  private void throttleCheckIn(RoutingContext ctx) {
    var actor = http.actor(ctx);
    pace(ctx, "check-in:" + actor.role() + ":" + actor.name(), http.limits().checkInPerMinute(),
        http.limits().checkInBurst());
  }

  private void pace(RoutingContext ctx, String key, int perMinute, int burst) {
    long wait = http.limiter().take(key, perMinute, burst);
    if (wait > 0) {
      ctx.fail(new Throttled(wait));
    } else {
      ctx.next();
    }
  }

  // ---- handlers

  private void slots(RoutingContext ctx) {
    String service = single(ctx, "service");
    String day = single(ctx, "day");
    http.answer(ctx, () -> bookings.slots(service, day).map(this::slotsJson));
  }

  private void book(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(), BOOK_FIELDS, "service", "day", "slot", "requestId");
    String nik = b.getString("nik");
    if (nik != null) {
      long wait = http.limiter().take("booking-nik:" + bookings.nikKey(nik), http.limits().bookingPerNikPerMinute(),
          http.limits().bookingPerNikBurst());
      if (wait > 0) {
        throw new Throttled(wait);
      }
    }
    BookingService.BookInput in = new BookingService.BookInput(b.getString("service"), b.getString("day"),
        b.getString("slot"), nik, b.getString("phone"), b.getString("requestId"));
    http.answer(ctx, 201, () -> bookings.book(in).map(this::bookingJson));
  }

  private void get(RoutingContext ctx) {
    http.answer(ctx, () -> bookings.get(ctx.pathParam("code")).map(this::bookingJson));
  }

  /**
   * The booking's QR code for the phone to show at the kiosk: the code itself, which the kiosk's
   * barcode scanner types like a keyboard. Known codes only (404 otherwise), like the booking.
   */
  private void qr(RoutingContext ctx) {
    http.deadline(ctx).run(() -> bookings.get(ctx.pathParam("code")))
        .map(a -> TicketQr.svg(a.booking().code()))
        .onSuccess(svg -> ctx.response()
            .putHeader(io.vertx.core.http.HttpHeaders.CONTENT_TYPE, TicketQr.CONTENT_TYPE)
            .putHeader(io.vertx.core.http.HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
            .end(svg))
        .onFailure(ctx::fail);
  }

  private void cancel(RoutingContext ctx) {
    Requests.parse(ctx.body().buffer(), Map.of("requestId", Type.STRING));
    http.answer(ctx, () -> bookings.cancel(ctx.pathParam("code")).map(this::bookingJson));
  }

  private void reschedule(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(), MOVE_FIELDS, "day", "slot");
    http.answer(ctx, () -> bookings.reschedule(ctx.pathParam("code"), b.getString("day"), b.getString("slot"))
        .map(this::bookingJson));
  }

  private void checkIn(RoutingContext ctx) {
    JsonObject b = Requests.parse(ctx.body().buffer(), CHECK_IN_FIELDS);
    http.answer(ctx, 201, () -> bookings.checkIn(http.actor(ctx), ctx.pathParam("code"), b.getBoolean("print", true))
        .map(issued -> http.views().issued(issued)));
  }

  private static String single(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() != 1) {
      throw Requests.invalid(name + " is needed once");
    }
    return values.get(0);
  }

  // ---- answers

  private JsonObject slotsJson(BookingService.Slots s) {
    Hall.Booking b = s.booking();
    JsonArray slots = new JsonArray();
    s.slots().forEach(v -> slots.add(new JsonObject().put("start", Availability.time(v.start()).replace('.', ':'))
        .put("end", Availability.time(v.end()).replace('.', ':')).put("capacity", v.capacity()).put("left", v.left())
        .put("past", v.past())));
    return new JsonObject().put("service", s.service().code()).put("serviceName", s.service().name())
        .put("agency", s.service().agency()).put("day", s.day().toString())
        .put("opensAt", s.opensAt().atZone(bookings.hall().timeZone()).toOffsetDateTime().toString())
        .put("open", s.open().open()).put("closedReason", s.open().reasonId()).put("closedReasonEn", s.open().reasonEn())
        .put("quotaPerDay", b.quotaPerDay()).put("quotaLeft", s.quotaLeft())
        .put("daysAhead", b.daysAhead()).put("needsNik", b.needsNik()).put("needsPhone", b.needsPhone())
        .put("checkIn", new JsonObject().put("beforeMinutes", b.checkInBeforeMinutes())
            .put("afterMinutes", b.checkInAfterMinutes()))
        .put("documents", new JsonArray(s.service().documents()))
        .put("where", bookings.hall().whereServed(s.service().code()))
        .put("consent", consent(b, s.retentionDays()))
        .put("slots", slots);
  }

  /** What is collected, why, and for how long (UU 27/2022), for the page to show before booking. */
  static JsonObject consent(Hall.Booking b, int retentionDays) {
    String whatId = b.needsNik() && b.needsPhone() ? "NIK dan nomor HP" : b.needsNik() ? "NIK" : b.needsPhone()
        ? "nomor HP" : null;
    String whatEn = b.needsNik() && b.needsPhone() ? "your NIK and phone number" : b.needsNik() ? "your NIK"
        : b.needsPhone() ? "your phone number" : null;
    if (whatId == null) {
      return new JsonObject().put("collects", new JsonArray()).put("id", "Tidak ada data pribadi yang dicatat.")
          .put("en", "No personal data is recorded.");
    }
    JsonArray collects = new JsonArray();
    if (b.needsNik()) {
      collects.add("nik");
    }
    if (b.needsPhone()) {
      collects.add("phone");
    }
    return new JsonObject().put("collects", collects).put("retentionDays", retentionDays)
        .put("id", "Kami mencatat " + whatId + " Anda hanya untuk memastikan satu pendaftaran per orang per layanan"
            + " per hari dan untuk menghubungi Anda tentang kunjungan ini. NIK tidak disimpan utuh dan tidak pernah"
            + " ditampilkan utuh. Data ini dihapus " + retentionDays + " hari setelah pendaftaran (UU 27/2022"
            + " tentang Pelindungan Data Pribadi).")
        .put("en", "We record " + whatEn + " only to allow one booking per person, service and day and to contact you"
            + " about this visit. The NIK is never stored or shown in full. This data is deleted " + retentionDays
            + " days after booking (Law 27/2022 on personal data protection).");
  }

  private JsonObject bookingJson(BookingService.Answer a) {
    Booking b = a.booking();
    Hall hall = bookings.hall();
    Hall.Service service = hall.service(b.service()).orElseThrow();
    Hall.Booking cfg = service.booking().orElseThrow();
    JsonObject j = new JsonObject().put("code", b.code()).put("service", b.service())
        .put("serviceName", service.name()).put("agency", service.agency())
        .put("day", b.day().toString()).put("slot", Availability.time(b.slot()).replace('.', ':'))
        .put("slotEnd", Availability.time(b.slot().plusMinutes(cfg.slotMinutes())).replace('.', ':'))
        .put("slotStart", b.slotStart().toString())
        .put("status", b.status().name())
        .put("nik", b.nikMasked()).put("phone", b.phoneMasked())
        .put("checkIn", new JsonObject().put("from", a.window().from().toString()).put("to", a.window().to().toString())
            .put("fromLocal", Availability.time(a.window().from().atZone(hall.timeZone()).toLocalTime()))
            .put("toLocal", Availability.time(a.window().to().atZone(hall.timeZone()).toLocalTime())))
        .put("documents", new JsonArray(service.documents()))
        .put("where", hall.whereServed(b.service()));
    if (b.ticketToken() != null) {
      j.put("ticket", new JsonObject().put("trackingToken", b.ticketToken()).put("number", b.ticketNumber()));
    }
    return j;
  }
}
