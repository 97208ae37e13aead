package id.antre.server.api;

import id.antre.printer.decode.EscPosDecoder;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.escpos.TicketContent;
import id.antre.printer.escpos.TicketLayout;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Renders a print job's ticket exactly as the printer gets it: layout to ESC/POS bytes, then the
 * decoder back to a PNG. Blocking (AWT): call on a worker thread.
 */
public final class TicketPreview {
  private TicketPreview() {
  }

  /** The ticket a print job's content describes (the fields the print agent receives). */
  public static TicketContent content(JsonObject c) {
    return new TicketContent(c.getString("hallName"), c.getString("hallSubtitle"), c.getString("agencyName"),
        c.getString("serviceName"), c.getString("number"),
        OffsetDateTime.parse(c.getString("issuedAt")).atZoneSameInstant(ZoneId.of(c.getString("timeZone"))),
        c.getInteger("ahead"), c.getInteger("estimatedWaitMinutes"), c.getString("trackingUrl"),
        c.getJsonArray("requiredDocuments").getList().stream().map(String::valueOf).toList(), c.getString("footer"),
        c.getString("location"), c.getString("priorityGroup"), c.getBoolean("countersOpen", true),
        c.getString("servingFrom"), c.getString("bookingSlot"));
  }

  static byte[] png(JsonObject content, String paper) {
    PrinterProfile profile = PrinterProfile.named(paper);
    byte[] escpos = TicketLayout.create(profile).render(content(content));
    return EscPosDecoder.decode(escpos, profile).png();
  }

}
