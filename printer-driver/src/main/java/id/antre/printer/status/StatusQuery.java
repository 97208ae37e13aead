package id.antre.printer.status;

import id.antre.printer.escpos.EscPos;
import id.antre.printer.transport.PrinterConnection;
import id.antre.printer.transport.PrinterException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real-time status over a connection: {@code DLE EOT 1}, then {@code 2} or {@code 4}. */
public final class StatusQuery {

    private static final Logger LOG = LoggerFactory.getLogger(StatusQuery.class);

    /** Query for the printer status ({@code n = 1}). */
    public static final int PRINTER = 1;
    /** Query for the offline cause ({@code n = 2}). */
    public static final int OFFLINE_CAUSE = 2;
    /** Query for errors ({@code n = 3}). */
    public static final int ERROR = 3;
    /** Query for the paper roll sensor ({@code n = 4}). */
    public static final int PAPER_SENSOR = 4;

    private StatusQuery() {
    }

    /** The bytes of {@code DLE EOT n}. */
    public static byte[] command(int n) {
        return new byte[] {EscPos.DLE, EscPos.EOT, (byte) n};
    }

    /**
     * Asks the printer through {@code connection}; the whole exchange takes at most about
     * {@code timeout}. No valid answer in time means {@link PrinterStatus#OFFLINE}.
     */
    public static PrinterStatus query(PrinterConnection connection, Duration timeout) throws PrinterException {
        long deadline = System.nanoTime() + timeout.toNanos();
        discardPending(connection);
        int printer = ask(connection, PRINTER, deadline);
        if (printer < 0) {
            LOG.debug("No answer to DLE EOT 1 within {} ms", timeout.toMillis());
            return PrinterStatus.OFFLINE;
        }
        if ((printer & PrinterStatus.PRINTER_OFFLINE) != 0) {
            return PrinterStatus.fromOffline(printer, ask(connection, OFFLINE_CAUSE, deadline));
        }
        int paper = ask(connection, PAPER_SENSOR, deadline);
        return PrinterStatus.of(printer, -1, paper);
    }

    /** Drops bytes already waiting, so an old answer is not taken for the new one. */
    private static void discardPending(PrinterConnection connection) throws PrinterException {
        while (connection.read(64, Duration.ZERO).length > 0) {
            // keep draining
        }
    }

    /** The answer byte, or -1 if none arrived before the deadline. */
    private static int ask(PrinterConnection connection, int n, long deadline) throws PrinterException {
        connection.write(command(n));
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            byte[] answer = connection.read(1, Duration.ofNanos(left));
            if (answer.length == 1 && PrinterStatus.isStatusByte(answer[0] & 0xFF)) {
                return answer[0] & 0xFF;
            }
        }
    }
}
