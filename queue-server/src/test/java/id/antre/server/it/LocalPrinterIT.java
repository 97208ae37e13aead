package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.printer.decode.DecodedTicket;
import id.antre.printer.decode.EscPosDecoder;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A printer attached to the server machine, driven in-process by the same print agent code. */
@CoreLane
class LocalPrinterIT {

  @Test
  void aKioskTicketPrintsOnThePrinterAttachedToTheServer() throws Exception {
    Path dir = Files.createTempDirectory("antre-local-printer");
    Path paper = dir.resolve("printer.bin");
    try (HallFixture fixture = HallFixture.builder().realClock()
        .localPrinter("kiosk-1=file:" + paper + ",paper=58").start()) {
      Api api = fixture.api();
      // the agent connects on its own thread; a ticket issued before it is there waits as a job
      JsonObject t = api.post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", "KK")).json();
      assertThat(t.getLong("printJob")).as("a kiosk with a printer gets a print job").isPositive();
      DecodedTicket printed = Eventually.until("a whole ticket on the printer's paper", () -> decoded(paper),
          d -> d != null && d.cuts() > 0);
      assertThat(printed.text()).contains(t.getString("number")).contains("Kartu Keluarga");
      assertThat(printed.qrPayloads()).containsExactly("http://127.0.0.1:0/t/" + t.getString("trackingToken"));
      String manager = fixture.login("manager");
      JsonObject printer = Eventually.until("no job pending at kiosk-1",
          () -> api.get("/api/v1/printers", manager).json().getJsonArray("printers").getJsonObject(0),
          p -> p.getLong("pendingJobs") == 0);
      assertThat(printer.getString("kiosk")).isEqualTo("kiosk-1");
      assertThat(printer.getString("status")).isEqualTo("ONLINE");
    }
  }

  private static DecodedTicket decoded(Path paper) {
    try {
      return Files.exists(paper) && Files.size(paper) > 0
          ? EscPosDecoder.decode(Files.readAllBytes(paper), PrinterProfile.MM58) : null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
