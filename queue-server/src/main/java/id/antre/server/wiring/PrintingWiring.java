package id.antre.server.wiring;

import id.antre.printer.agent.AgentConfig;
import id.antre.printer.agent.PrintAgent;
import id.antre.printer.agent.PrinterTarget;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.server.AntreServer;
import id.antre.server.ServerConfig;
import id.antre.server.auth.Tokens;
import id.antre.server.bus.BusEvents;
import id.antre.server.domain.HallRef;
import id.antre.server.persistence.HallStore;
import id.antre.server.persistence.PrintStore;
import id.antre.server.queue.PrintService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Printing on a node: the print service, its retries and vouching, and a printer on the server machine itself. */
public final class PrintingWiring {
  private static final Logger LOG = LoggerFactory.getLogger(AntreServer.class);
  /** Print attempts before a job is FAILED, and the pause between them. */
  static final int PRINT_ATTEMPTS = 3;
  static final Duration PRINT_RETRY = Duration.ofSeconds(3);

  private final Vertx vertx;
  private final ServerConfig config;
  private final HallStore halls;
  private final PrintService service;
  private PrintAgent localPrinter;

  private PrintingWiring(Vertx vertx, ServerConfig config, HallStore halls, PrintService service) {
    this.vertx = vertx;
    this.config = config;
    this.halls = halls;
    this.service = service;
  }

  static PrintingWiring create(Vertx vertx, ServerConfig config, Clock clock, HallRef hall, Storage storage,
      BusEvents events) {
    HallStore halls = storage.halls();
    PrintService service = new PrintService(hall, new PrintStore(storage.client()), events, clock, config.publicUrl(),
        PRINT_ATTEMPTS, PRINT_RETRY, config.printBacklog(), halls::kiosksWithPrinter);
    service.scheduler((delay, task) -> vertx.setTimer(delay.toMillis(), t -> task.run()));
    return new PrintingWiring(vertx, config, halls, service);
  }

  public PrintService service() {
    return service;
  }

  /** The node vouches for the print agents connected to it, which only it knows. */
  public void vouchForAgents() {
    vertx.setPeriodic(PrintService.AGENT_ALIVE_EVERY.toMillis(), id -> service.vouchForAgents());
  }

  /**
   * A printer on the server machine itself is driven by the same print agent code, in this
   * process, connected to this node's gateway (on {@code port}) like any other agent.
   */
  public Future<Void> startLocalPrinter(int port) {
    if (config.localPrinter().isEmpty()) {
      return Future.succeededFuture();
    }
    String spec = config.localPrinter().get();
    int eq = spec.indexOf('=');
    if (eq < 1) {
      return Future.failedFuture(new IllegalArgumentException(
          "ANTRE_LOCAL_PRINTER must look like kiosk-1=serial:/dev/ttyUSB0:9600, not " + spec));
    }
    String kiosk = spec.substring(0, eq);
    String[] parts = spec.substring(eq + 1).split(",paper=");
    PrinterTarget target = PrinterTarget.parse(parts[0]);
    String token = Tokens.newDeviceToken();
    return halls.upsertDevice("local-printer-" + kiosk, "print-agent", "Printer di server (" + kiosk + ")",
            Tokens.sha256(token), null, kiosk)
        .compose(v -> service.refreshKiosks())
        .compose(v -> vertx.executeBlocking(() -> {
          AgentConfig agent = AgentConfig.of("http://127.0.0.1:" + port, token, kiosk, target);
          if (parts.length > 1) {
            agent = agent.withProfile(PrinterProfile.named(parts[1]));
          }
          localPrinter = PrintAgent.start(agent);
          LOG.info("printer of {} driven in-process: {}", kiosk, parts[0]);
          return null;
        }));
  }

  public void stop() {
    if (localPrinter != null) {
      localPrinter.stop();
    }
  }
}
