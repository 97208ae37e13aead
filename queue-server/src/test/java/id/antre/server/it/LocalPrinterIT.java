package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.printer.decode.DecodedTicket;
import id.antre.printer.decode.EscPosDecoder;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.server.AntreServer;
import id.antre.server.ServerConfig;
import id.antre.server.persistence.DbConfig;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A printer attached to the server machine, driven in-process by the same print agent code. */
class LocalPrinterIT {

  @Test
  void aKioskTicketPrintsOnThePrinterAttachedToTheServer() throws Exception {
    Vertx vertx = Vertx.vertx();
    DbConfig db = TestDb.create(vertx);
    Path dir = Files.createTempDirectory("antre-local-printer");
    Path paper = dir.resolve("printer.bin");
    ServerConfig config = new ServerConfig(0, db, Optional.of(TestServer.resourcePath("/halls/small.yaml")), true, false,
        Optional.of(TestServer.PASSWORD), Duration.ofHours(1), 1, "http://127.0.0.1:0", GatewayOptions.defaults(),
        Optional.of("kiosk-1=file:" + paper + ",paper=58"), Optional.empty());
    AntreServer server = new AntreServer(vertx, config, Clock.systemUTC()).start().await();
    try {
      Api api = new Api(server.port());
      // the agent connects on its own thread; a ticket issued before it is there waits as a job
      JsonObject t = api.post("/api/v1/tickets", server.demoSecrets().get("kiosk-1"),
          new JsonObject().put("service", "KK")).json();
      assertThat(t.getLong("printJob")).isNotNull();
      long deadline = System.currentTimeMillis() + 20_000;
      DecodedTicket printed = null;
      while (System.currentTimeMillis() < deadline) {
        if (Files.exists(paper) && Files.size(paper) > 0) {
          printed = EscPosDecoder.decode(Files.readAllBytes(paper), PrinterProfile.MM58);
          if (printed.cuts() > 0) {
            break;
          }
        }
        Thread.sleep(100);
      }
      assertThat(printed).as("a ticket reached the printer").isNotNull();
      assertThat(printed.text()).contains(t.getString("number")).contains("Kartu Keluarga");
      assertThat(printed.qrPayloads()).containsExactly("http://127.0.0.1:0/t/" + t.getString("trackingToken"));
      String manager = api.login("manager", TestServer.PASSWORD);
      long until = System.currentTimeMillis() + 10_000;
      JsonObject printer = null;
      while (System.currentTimeMillis() < until) {
        printer = api.get("/api/v1/printers", manager).json().getJsonArray("printers").getJsonObject(0);
        if (printer.getLong("pendingJobs") == 0) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(printer.getString("kiosk")).isEqualTo("kiosk-1");
      assertThat(printer.getString("status")).isEqualTo("ONLINE");
      assertThat(printer.getLong("pendingJobs")).isZero();
    } finally {
      server.stop().await();
      TestDb.drop(vertx, db);
      vertx.close().await();
    }
  }
}
