package id.antre.server.config;

import static id.antre.server.config.HallConfigParser.DEFAULT_BOOKING_OPENS;
import static id.antre.server.config.HallConfigParser.DEFAULT_CHECK_IN_AFTER;
import static id.antre.server.config.HallConfigParser.DEFAULT_CHECK_IN_BEFORE;
import static id.antre.server.config.HallConfigParser.DEFAULT_DAYS_AHEAD;
import static id.antre.server.config.HallConfigParser.DEFAULT_PER_SLOT;
import static id.antre.server.config.HallConfigParser.DEFAULT_SLOT_MINUTES;

import id.antre.server.domain.Hall;

/**
 * A service's online booking (issue 13), {@code agencies[i].services[j].booking}: {@code {enabled,
 * slotMinutes, perSlot, quotaPerDay, daysAhead, opensAt, needsNik, needsPhone, checkIn: {beforeMinutes,
 * afterMinutes}, order: slot|check-in}}. Its defaults sit with the others in {@link HallConfigParser}.
 */
final class BookingSection {
  private BookingSection() {
  }

  static Hall.Booking parse(ConfigNode b) {
    b.allow("enabled", "slotMinutes", "perSlot", "quotaPerDay", "daysAhead", "opensAt", "needsNik", "needsPhone",
        "checkIn", "order");
    int slotMinutes = b.optInt("slotMinutes", 5, 240).orElse(DEFAULT_SLOT_MINUTES);
    int perSlot = b.optInt("perSlot", 1, 1000).orElse(DEFAULT_PER_SLOT);
    ConfigNode checkIn = b.opt("checkIn");
    checkIn.allow("beforeMinutes", "afterMinutes");
    String order = b.optString("order").orElse("slot");
    if (!order.equals("slot") && !order.equals("check-in")) {
      throw b.error("order", "'" + order + "' is not slot or check-in");
    }
    int after = checkIn.optInt("afterMinutes", 0, 240).orElse(DEFAULT_CHECK_IN_AFTER);
    return new Hall.Booking(b.optBool("enabled").orElse(true), slotMinutes, perSlot,
        b.reqInt("quotaPerDay", 1, 100_000), b.optInt("daysAhead", 0, 90).orElse(DEFAULT_DAYS_AHEAD),
        b.has("opensAt") ? b.req("opensAt").asTime() : DEFAULT_BOOKING_OPENS,
        b.optBool("needsNik").orElse(true), b.optBool("needsPhone").orElse(false),
        checkIn.optInt("beforeMinutes", 0, 240).orElse(DEFAULT_CHECK_IN_BEFORE), after,
        order.equals("slot") ? Hall.BookingOrder.SLOT : Hall.BookingOrder.CHECK_IN);
  }
}
