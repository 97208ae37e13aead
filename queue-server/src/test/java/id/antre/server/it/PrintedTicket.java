package id.antre.server.it;

import id.antre.printer.decode.DecodedTicket;
import id.antre.printer.decode.EscPosDecoder;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.escpos.TicketLayout;
import id.antre.server.api.TicketPreview;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A print job's ticket as the paper shows it: the job's content laid out by the printer-driver,
 * then read back by its independent ESC/POS decoder, with a PNG to look at.
 */
final class PrintedTicket {
  private PrintedTicket() {
  }

  /** Lays out and decodes a print job's content on 80 mm paper; writes the PNG to {@code png}. */
  static DecodedTicket decode(JsonObject content, Path png) {
    byte[] bytes = TicketLayout.create(PrinterProfile.MM80).render(TicketPreview.content(content));
    DecodedTicket decoded = EscPosDecoder.decode(bytes, PrinterProfile.MM80);
    try {
      Files.createDirectories(png.getParent());
      decoded.writePng(png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return decoded;
  }
}
