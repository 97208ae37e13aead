package id.antre.printer.decode;

import id.antre.printer.escpos.EscPos;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.status.PrinterStatus;
import id.antre.printer.status.StatusAnswers;
import id.antre.printer.transport.PrinterConnection;
import id.antre.printer.transport.SerialConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A printer in software: reads an ESC/POS stream, answers {@code DLE EOT} status queries with a
 * configured status, and at each cut writes the ticket so far as {@code ticket-0001.png} (and the
 * raw bytes as {@code ticket-0001.bin}) in its output directory.
 *
 * <p>Run by {@code scripts/virtual-printer}, which puts it behind a socat pty pair so that the
 * application under test opens a real serial device.
 */
public final class VirtualPrinter {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualPrinter.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path outputDir;
    private final PrinterProfile profile;
    private volatile PrinterStatus status;
    private final ByteArrayOutputStream ticket = new ByteArrayOutputStream();
    private final List<Path> tickets = new CopyOnWriteArrayList<>();
    private byte[] pending = new byte[0];
    private volatile boolean running = true;

    /**
     * @param outputDir where ticket files go (created if missing)
     * @param profile   the paper to render on
     * @param status    what to answer to status queries; {@link PrinterStatus#OFFLINE} stays silent
     */
    public VirtualPrinter(Path outputDir, PrinterProfile profile, PrinterStatus status) {
        this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.status = Objects.requireNonNull(status, "status");
    }

    /** What status queries are answered from now on: paper runs out, the cover is opened, ... */
    public void status(PrinterStatus newStatus) {
        this.status = Objects.requireNonNull(newStatus, "status");
    }

    public PrinterStatus status() {
        return status;
    }

    /** The PNG files written so far, in order. */
    public List<Path> tickets() {
        return List.copyOf(tickets);
    }

    /**
     * Takes the next bytes of the stream and returns the status answers to send back. Commands
     * split across calls are kept until complete.
     */
    public synchronized byte[] accept(byte[] chunk) throws IOException {
        byte[] data = new byte[pending.length + chunk.length];
        System.arraycopy(pending, 0, data, 0, pending.length);
        System.arraycopy(chunk, 0, data, pending.length, chunk.length);
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int length = EscPosTokenizer.length(data, i, data.length);
            if (length == EscPosTokenizer.INCOMPLETE) {
                break;
            }
            if (data[i] == EscPos.DLE && length == 3 && data[i + 1] == EscPos.EOT) {
                replies.writeBytes(StatusAnswers.answer(status, data[i + 2] & 0xFF));
            } else {
                ticket.write(data, i, length);
                if (data[i] == EscPos.GS && data[i + 1] == 'V') {
                    finishTicket();
                }
            }
            i += length;
        }
        pending = Arrays.copyOfRange(data, i, data.length);
        return replies.toByteArray();
    }

    /** Writes whatever was printed since the last cut as a ticket, as when the paper is torn off. */
    public synchronized void flush() throws IOException {
        if (ticket.size() > 0) {
            finishTicket();
        }
    }

    /**
     * Serves {@code device} until {@link #stop()} is called or the device fails: reads the stream,
     * answers status queries, writes tickets.
     */
    public void serve(PrinterConnection device) throws IOException {
        try {
            while (running) {
                byte[] chunk = device.read(4096, POLL);
                if (chunk.length > 0) {
                    byte[] replies = accept(chunk);
                    if (replies.length > 0) {
                        device.write(replies);
                    }
                }
            }
        } finally {
            flush();
        }
    }

    /** Makes {@link #serve(PrinterConnection)} return within its poll interval. */
    public void stop() {
        running = false;
    }

    private void finishTicket() throws IOException {
        byte[] bytes = ticket.toByteArray();
        ticket.reset();
        Files.createDirectories(outputDir);
        String base = "ticket-%04d".formatted(tickets.size() + 1);
        Path png = outputDir.resolve(base + ".png");
        Files.write(outputDir.resolve(base + ".bin"), bytes);
        DecodedTicket decoded = EscPosDecoder.decode(bytes, profile);
        decoded.writePng(png);
        tickets.add(png);
        LOG.info("Printed {} ({} bytes, {} lines)", png, bytes.length, decoded.lines().size());
        System.out.println("ticket: " + png);
    }

    /**
     * {@code VirtualPrinter --port DEVICE [--dir DIR] [--profile 58mm|80mm]
     * [--status online|paper-near-end|paper-out|cover-open|offline] [--paper-out] [--baud N]}
     */
    public static void main(String[] args) throws Exception {
        String port = null;
        Path dir = Path.of(".");
        PrinterProfile profile = PrinterProfile.MM80;
        PrinterStatus status = PrinterStatus.ONLINE;
        int baud = 9600;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--port" -> port = value(rest, arg);
                case "--dir" -> dir = Path.of(value(rest, arg));
                case "--profile" -> profile = PrinterProfile.named(value(rest, arg));
                case "--status" -> status = PrinterStatus.valueOf(value(rest, arg).toUpperCase(Locale.ROOT).replace('-', '_'));
                case "--paper-out" -> status = PrinterStatus.PAPER_OUT;
                case "--baud" -> baud = Integer.parseInt(value(rest, arg));
                default -> usage("unknown argument " + arg);
            }
        }
        if (port == null) {
            usage("--port is required");
        }
        VirtualPrinter printer = new VirtualPrinter(dir, profile, status);
        try (SerialConnection device = SerialConnection.open(port, baud)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                printer.stop();
                try {
                    printer.flush();
                } catch (IOException e) {
                    LOG.warn("Could not write the last ticket: {}", e.getMessage());
                }
            }));
            System.out.printf("virtual printer: reading %s, %s paper, status %s, tickets in %s%n",
                    port, profile.name(), status, dir.toAbsolutePath());
            printer.serve(device);
        }
    }

    private static String value(List<String> rest, String flag) {
        if (rest.isEmpty()) {
            usage(flag + " needs a value");
        }
        return rest.remove(0);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: VirtualPrinter --port DEVICE [--dir DIR] [--profile 58mm|80mm] "
                + "[--status online|paper-near-end|paper-out|cover-open|offline] [--paper-out] [--baud N]");
        System.exit(2);
    }
}
