package id.antre.printer.transport;

import id.antre.printer.status.PrinterStatus;
import id.antre.printer.status.StatusQuery;
import java.time.Duration;

/**
 * A byte pipe to one printer. Implementations never block without bound: writes fail with a
 * {@link PrinterTimeoutException} and reads return what arrived before their timeout. They are
 * blocking calls, so callers on an event loop must run them on a worker thread.
 */
public interface PrinterConnection extends AutoCloseable {

    /** Sends all of {@code data} to the printer. */
    void write(byte[] data) throws PrinterException;

    /**
     * Up to {@code maxBytes} bytes from the printer, waiting at most {@code timeout} for the first
     * one; an empty array when nothing arrived in time.
     */
    byte[] read(int maxBytes, Duration timeout) throws PrinterException;

    /**
     * Asks the printer for its state with DLE EOT; {@link PrinterStatus#OFFLINE} when it does not
     * answer within {@code timeout}.
     */
    default PrinterStatus status(Duration timeout) throws PrinterException {
        return StatusQuery.query(this, timeout);
    }

    /** Releases the port or socket. Closing twice is harmless. */
    @Override
    void close() throws PrinterException;
}
