package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.printer.decode.DecodedTicket;
import id.antre.printer.decode.EscPosDecoder;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.status.PrinterStatus;
import id.antre.printer.agent.AgentConfig;
import id.antre.printer.agent.PrintAgent;
import id.antre.printer.agent.PrinterTarget;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The print agent against a real server: real WebSocket, real PostgreSQL, the printer a real pty
 * (socat) with the virtual printer on its other side answering DLE EOT.
 */
@CoreLane
class PrintAgentIT {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String KIOSK = "kiosk-1";

  @TempDir
  Path dir;

  HallFixture fixture;
  TestServer hall;
  String manager;
  WsClient printerFeed;
  PrintAgent agent;
  final List<PtyPrinter> printers = new ArrayList<>();
  Path port;

  @BeforeEach
  void start() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    hall = fixture.hall;
    manager = hall.login("manager");
    port = dir.resolve("printer0");
    // what managers see of kiosk-1's printer: job states and printer states as they happen
    printerFeed = new WsClient(hall.server.port());
    printerFeed.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("printer:" + KIOSK))
        .put("token", manager));
    printerFeed.next("snapshot");
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.stop();
    }
    for (PtyPrinter p : printers) {
      p.close();
    }
    printerFeed.close();
    fixture.close();
  }

  @Test
  void aTicketIssuedAtTheKioskComesOutOfItsPrinterWithTheNumberServiceAndTrackingQr() throws Exception {
    PtyPrinter printer = plugIn(PrinterStatus.ONLINE);
    agent = startAgent();
    await(() -> agent.connected(), "agent registered");

    JsonObject ticket = issue();
    assertThat(ticket.getLong("printJob")).as("a kiosk with a printer gets a print job").isPositive();

    await(() -> tickets(printer) == 1, "one ticket printed");
    DecodedTicket decoded = EscPosDecoder.decode(printer.tickets().get(0), PrinterProfile.MM80);
    Path png = Path.of("target", "tickets", "agent-ticket.png");
    Files.createDirectories(png.getParent());
    decoded.writePng(png);
    assertThat(decoded.lines()).contains(ticket.getString("number"), "KTP-el", "MPP UJI",
        // where to go, and no estimate while no counter of the service is open
        "Lokasi loket: Lantai 1 & Lantai 2", "Loket layanan ini belum buka.");
    assertThat(decoded.cuts()).isEqualTo(1);
    String trackingUrl = "http://127.0.0.1:0/t/" + ticket.getString("trackingToken");
    assertThat(decoded.qrPayloads()).containsExactly(trackingUrl);
    assertThat(QrScan.read(Files.readAllBytes(png))).isEqualTo(trackingUrl);

    JsonObject done = jobUpdate(ticket.getLong("printJob"), "PRINTED");
    assertThat(done.getInteger("attempts")).isEqualTo(1);
    await(() -> printerRow().getLong("pendingJobs", -1L) == 0, "no pending job");
    assertThat(printerRow().getString("status")).isEqualTo("ONLINE");
    assertThat(printerRow().getString("agent")).isEqualTo("printer-1");
    assertThat(sql("SELECT count(*) FROM print_job WHERE status = 'PRINTED'")).isEqualTo(1);
  }

  @Test
  void aJobFailsWhileThePrinterIsUnpluggedAndPrintsOnTheRetryOnceItIsPluggedBackIn() throws Exception {
    PtyPrinter first = plugIn(PrinterStatus.ONLINE);
    agent = startAgent();
    await(() -> agent.connected() && agent.printerStatus() == PrinterStatus.ONLINE, "agent ready");

    first.unplug();
    await(() -> agent.printerStatus() == PrinterStatus.OFFLINE, "agent notices the printer is gone");
    await(() -> "OFFLINE".equals(printerRow().getString("status")), "managers see the printer OFFLINE");
    assertThat(printerRow().getString("detail")).contains(port.toString());

    JsonObject ticket = issue();
    long job = ticket.getLong("printJob");
    JsonObject failed = jobUpdate(job, "QUEUED", 1);
    assertThat(failed.getInteger("attempts")).isEqualTo(1);
    assertThat(failed.getString("error")).matches("(PORT_UNAVAILABLE|DISCONNECTED): .*").contains(port.toString());

    // plugged back in before the server's retry (3 s later): the same job prints, nothing lost
    PtyPrinter second = plugIn(PrinterStatus.ONLINE);
    JsonObject printed = jobUpdate(job, "PRINTED");
    assertThat(printed.getInteger("attempts")).isEqualTo(2);
    await(() -> tickets(second) == 1, "the ticket printed on the printer plugged back in");
    assertThat(EscPosDecoder.decode(second.tickets().get(0), PrinterProfile.MM80).lines())
        .contains(ticket.getString("number"));
    await(() -> "ONLINE".equals(printerRow().getString("status")) && printerRow().getLong("pendingJobs", -1L) == 0,
        "printer ONLINE, nothing pending");
  }

  @Test
  void aPrinterOutOfPaperIsReportedAndItsJobFailsWithoutPrintingUntilPaperIsBack() throws Exception {
    PtyPrinter printer = plugIn(PrinterStatus.PAPER_OUT);
    agent = startAgent();
    await(() -> "PAPER_OUT".equals(printerRow().getString("status")), "managers see PAPER_OUT");

    JsonObject ticket = issue();
    long job = ticket.getLong("printJob");
    JsonObject first = jobUpdate(job, "QUEUED", 1);
    assertThat(first.getString("error")).startsWith("PAPER_OUT: ");
    // the server retries twice more, then gives up and shows the job to managers
    JsonObject failed = jobUpdate(job, "FAILED");
    assertThat(failed.getInteger("attempts")).isEqualTo(3);
    assertThat(failed.getString("error")).startsWith("PAPER_OUT: ");
    assertThat(printerRow().getLong("failedJobs")).isEqualTo(1);
    assertThat(printerRow().getLong("pendingJobs")).isZero();
    assertThat(printer.everythingPrinted()).as("nothing but status queries reached the printer").isEmpty();

    printer.status(PrinterStatus.ONLINE);
    await(() -> "ONLINE".equals(printerRow().getString("status")), "managers see the paper is back");
    JsonObject next = issue();
    jobUpdate(next.getLong("printJob"), "PRINTED");
    await(() -> tickets(printer) == 1, "the new ticket printed");
    assertThat(EscPosDecoder.decode(printer.tickets().get(0), PrinterProfile.MM80).lines())
        .contains(next.getString("number")).doesNotContain(ticket.getString("number"));
  }

  @Test
  void ticketsIssuedWhileNoAgentIsConnectedPrintInOrderWhenItConnects() throws Exception {
    JsonObject one = issue();
    JsonObject two = issue();
    assertThat(two.getLong("printJob")).as("jobs in issue order").isGreaterThan(one.getLong("printJob"));
    PtyPrinter printer = plugIn(PrinterStatus.ONLINE);

    agent = startAgent();

    await(() -> tickets(printer) == 2, "both tickets printed");
    List<String> numbers = new ArrayList<>();
    for (byte[] t : printer.tickets()) {
      List<String> lines = EscPosDecoder.decode(t, PrinterProfile.MM80).lines();
      numbers.add(lines.contains(one.getString("number")) ? one.getString("number")
          : lines.contains(two.getString("number")) ? two.getString("number") : "?");
    }
    assertThat(numbers).containsExactly(one.getString("number"), two.getString("number"));
    await(() -> printerRow().getLong("pendingJobs", -1L) == 0, "no pending job");
    assertThat(sql("SELECT count(*) FROM print_job WHERE status = 'PRINTED' AND attempts = 1")).isEqualTo(2);
  }

  @Test
  void aMissingPortIsReportedOfflineWithItsNameAndTheAgentKeepsTryingUntilItAppears() throws Exception {
    agent = startAgent();
    await(() -> "OFFLINE".equals(printerRow().getString("status")), "managers see the printer OFFLINE");
    String detail = printerRow().getString("detail");
    assertThat(detail).startsWith("PORT_UNAVAILABLE: ").contains(port.toString());

    // the missing port does not take the agent off the server; plugging the printer in below
    // shows that it kept trying to open it
    assertThat(agent.connected()).isTrue();
    assertThat(agent.printerStatus()).isEqualTo(PrinterStatus.OFFLINE);

    PtyPrinter printer = plugIn(PrinterStatus.ONLINE);
    await(() -> "ONLINE".equals(printerRow().getString("status")), "managers see the printer ONLINE");
    JsonObject ticket = issue();
    jobUpdate(ticket.getLong("printJob"), "PRINTED");
    await(() -> tickets(printer) == 1, "the ticket printed");
  }

  // ------------------------------------------------------------ helpers

  PtyPrinter plugIn(PrinterStatus status) throws Exception {
    PtyPrinter p = PtyPrinter.plugIn(port, dir.resolve("tickets-" + printers.size()), status);
    printers.add(p);
    return p;
  }

  PrintAgent startAgent() {
    return PrintAgent.start(AgentConfig.of("http://127.0.0.1:" + hall.server.port(),
            hall.server.demoSecrets().get("printer-1"), KIOSK, PrinterTarget.parse("serial:" + port))
        .withStatusPoll(Duration.ofMillis(300))
        .withStatusTimeout(Duration.ofSeconds(1))
        .withWriteTimeout(Duration.ofSeconds(2)));
  }

  JsonObject issue() {
    Api.Response r = hall.api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KTP"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /** The next state of a print job that managers see, skipping others. */
  JsonObject jobUpdate(long job, String status) {
    return jobUpdate(job, status, 0);
  }

  /** The next state of a print job after at least {@code attempts} attempts. */
  JsonObject jobUpdate(long job, String status, int attempts) {
    return printerFeed.next(m -> "print-job".equals(m.getString("type")) && m.getLong("job") == job
        && status.equals(m.getString("status")) && m.getInteger("attempts", 0) >= attempts, Duration.ofSeconds(15));
  }

  /** kiosk-1's printer as {@code GET /api/v1/printers} shows it to a manager (empty before any agent). */
  JsonObject printerRow() {
    Api.Response r = hall.api.get("/api/v1/printers", manager);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (Object p : r.json().getJsonArray("printers")) {
      if (KIOSK.equals(((JsonObject) p).getString("kiosk"))) {
        return (JsonObject) p;
      }
    }
    return new JsonObject();
  }

  long sql(String query) {
    return TestDb.count(fixture.pool, query).await();
  }

  static int tickets(PtyPrinter printer) {
    try {
      return printer.tickets().size();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void await(BooleanSupplier condition, String what) {
    Eventually.until(what, condition::getAsBoolean);
  }


}
