package id.antre.server.api;

import id.antre.server.booking.BookingCodes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The QR code of a booking code as SVG, for the booking page: the visitor holds it to the kiosk's
 * barcode scanner, which types the code and Enter. It carries the bare code (8 symbols, the
 * smallest QR version, modules large enough for a scanner to read off a dim phone screen), not an
 * address, so what the scanner types is what the kiosk checks in. Drawn from the code alone, with
 * no lookup: it tells nothing about whether such a booking exists, and costs no database read.
 */
public final class BookingQr implements ApiVerticle.Extension {

  @Override
  public void mount(Router root, Router api, ApiContext http) {
    api.get("/bookings/:code/qr.svg").handler(this::qr);
  }

  private void qr(RoutingContext ctx) {
    String code = BookingCodes.read(ctx.pathParam("code"))
        .orElseThrow(() -> Requests.invalid("not a booking code"));
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, TicketQr.CONTENT_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
        .end(TicketQr.svg(code));
  }
}
