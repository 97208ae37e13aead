package id.antre.server.wiring;

import id.antre.server.api.ApiVerticle;
import id.antre.server.api.BookingRoutes;
import id.antre.server.booking.BookingService;
import id.antre.server.domain.HallRef;
import id.antre.server.persistence.BookingStore;
import java.time.Clock;

/** Booking from a phone: its service, which issues through the queue core, and its routes. */
public record BookingWiring(BookingService service) {

  /** {@code nikKey} is the hall's secret, which keys the NIK's hash. */
  public static BookingWiring create(HallRef hall, Storage storage, QueueWiring queue, Clock clock, byte[] nikKey,
      int retentionDays) {
    return new BookingWiring(new BookingService(hall, new BookingStore(storage.client()), queue.events(),
        queue.estimates(), queue.printing().service(), clock, queue.alwaysOpen(), nikKey, retentionDays));
  }

  public ApiVerticle.Extension routes() {
    return new BookingRoutes(service);
  }
}
