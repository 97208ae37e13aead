package id.antre.printer.transport;

import java.io.IOException;
import java.util.Objects;

/** A printer could not be reached or did not take the data; {@link #code()} says why. */
public class PrinterException extends IOException {

    /** Stable reasons, for mapping to operator messages and error responses. */
    public enum Code {
        /** The port or host does not exist, is busy or refused the connection. */
        PORT_UNAVAILABLE,
        /** The printer stopped taking data within the write timeout (buffer full, flow control held). */
        WRITE_TIMEOUT,
        /** The printer went away: cable pulled, device closed, connection reset. */
        DISCONNECTED,
        /** The connection was already closed by this side. */
        CLOSED,
        /** Any other I/O failure. */
        IO_ERROR
    }

    private final Code code;

    public PrinterException(Code code, String message) {
        this(code, message, null);
    }

    public PrinterException(Code code, String message, Throwable cause) {
        super("[" + code + "] " + message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
