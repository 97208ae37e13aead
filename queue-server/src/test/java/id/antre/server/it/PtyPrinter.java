package id.antre.server.it;

import id.antre.printer.status.PrinterStatus;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.transport.SerialConnection;
import id.antre.printer.decode.VirtualPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A thermal printer on a real serial device for tests: a socat pty pair whose application side
 * ({@link #port()}) survives being closed and reopened, with the printer-driver's
 * {@link VirtualPrinter} on the peer side answering DLE EOT status queries and keeping every
 * ticket it cuts. {@link #unplug()} kills socat, as when the printer's cable is pulled.
 */
final class PtyPrinter implements AutoCloseable {
  private final Path port;
  private final Path tickets;
  private final Process socat;
  private final VirtualPrinter printer;
  private final SerialConnection device;
  private final Thread serving;

  private PtyPrinter(Path port, Path tickets, Process socat, VirtualPrinter printer, SerialConnection device) {
    this.port = port;
    this.tickets = tickets;
    this.socat = socat;
    this.printer = printer;
    this.device = device;
    this.serving = new Thread(() -> {
      try {
        printer.serve(device);
      } catch (IOException e) {
        // the pty went away (unplugged): nothing more to read
      }
    }, "virtual-printer " + port);
    serving.setDaemon(true);
    serving.start();
  }

  /** Plugs a printer in at {@code port}, keeping its tickets in {@code tickets}. */
  static PtyPrinter plugIn(Path port, Path tickets, PrinterStatus status) throws IOException, InterruptedException {
    Path peer = port.resolveSibling(port.getFileName() + ".peer");
    Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + port + ",mode=666,ignoreeof",
        "pty,raw,echo=0,link=" + peer + ",mode=666").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!Files.exists(port) || !Files.exists(peer)) {
      if (System.nanoTime() > deadline || !socat.isAlive()) {
        kill(socat);
        throw new IllegalStateException("socat did not create " + port + " (is socat installed?)");
      }
      Thread.sleep(20);
    }
    SerialConnection device = SerialConnection.open(peer.toString(), 9600);
    return new PtyPrinter(port, tickets, socat, new VirtualPrinter(tickets, PrinterProfile.MM80, status), device);
  }

  Path port() {
    return port;
  }

  /** What status queries are answered from now on. */
  void status(PrinterStatus status) {
    printer.status(status);
  }

  /** The raw bytes of every ticket cut so far, in order. */
  List<byte[]> tickets() throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Path png : printer.tickets()) {
      out.add(Files.readAllBytes(tickets.resolve(png.getFileName().toString().replace(".png", ".bin"))));
    }
    return out;
  }

  /** Also counts bytes received after the last cut, as a torn-off partial ticket. */
  List<byte[]> everythingPrinted() throws IOException {
    printer.flush();
    return tickets();
  }

  /** Pulls the cable: the pty and its link disappear. */
  void unplug() throws InterruptedException {
    printer.stop();
    kill(socat);
    device.close();
    serving.join(2000);
  }

  @Override
  public void close() throws InterruptedException {
    unplug();
  }

  private static void kill(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(2, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(2, TimeUnit.SECONDS);
    }
  }
}
