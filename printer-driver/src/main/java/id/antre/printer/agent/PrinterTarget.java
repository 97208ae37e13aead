package id.antre.printer.agent;

import id.antre.printer.transport.FileConnection;
import id.antre.printer.transport.PrinterConnection;
import id.antre.printer.transport.PrinterException;
import id.antre.printer.transport.SerialConnection;
import id.antre.printer.transport.TcpConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the agent's printer is, as written in configuration: {@code serial:/dev/ttyUSB0:9600},
 * {@code tcp:192.168.1.50:9100} or {@code file:/var/spool/antre/tickets.bin}.
 */
public sealed interface PrinterTarget {

    /** Default baud rate of ESC/POS serial printers. */
    int DEFAULT_BAUD = 9600;
    /** How long a TCP connect may take. */
    Duration TCP_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    /** Opens a fresh connection; a failure is a {@link PrinterException} with a stable code. */
    PrinterConnection open(Duration writeTimeout) throws PrinterException;

    /** Whether the device can answer DLE EOT status queries (a file cannot). */
    boolean answersStatus();

    /** A serial port (USB-serial adapter, on-board port or a pty), 8N1, no flow control. */
    record Serial(String port, int baud) implements PrinterTarget {
        public Serial {
            Objects.requireNonNull(port, "port");
            if (port.isBlank() || baud <= 0) {
                throw new IllegalArgumentException("serial printer needs a port and a positive baud rate");
            }
        }

        @Override
        public PrinterConnection open(Duration writeTimeout) throws PrinterException {
            return SerialConnection.open(port, baud, writeTimeout);
        }

        @Override
        public boolean answersStatus() {
            return true;
        }

        @Override
        public String toString() {
            return "serial:" + port + ":" + baud;
        }
    }

    /** A network printer on raw TCP. */
    record Tcp(String host, int port) implements PrinterTarget {
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (host.isBlank() || port <= 0 || port > 65535) {
                throw new IllegalArgumentException("TCP printer needs a host and a port 1-65535");
            }
        }

        @Override
        public PrinterConnection open(Duration writeTimeout) throws PrinterException {
            return TcpConnection.open(host, port, TCP_CONNECT_TIMEOUT, writeTimeout);
        }

        @Override
        public boolean answersStatus() {
            return true;
        }

        @Override
        public String toString() {
            return "tcp:" + host + ":" + port;
        }
    }

    /** A file the print stream is appended to (no printer, or a device node written as a file). */
    record File(Path path) implements PrinterTarget {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public PrinterConnection open(Duration writeTimeout) throws PrinterException {
            return FileConnection.open(path);
        }

        @Override
        public boolean answersStatus() {
            return false;
        }

        @Override
        public String toString() {
            return "file:" + path;
        }
    }

    /**
     * Reads {@code serial:PORT[:BAUD]}, {@code tcp:HOST[:PORT]} or {@code file:PATH}.
     *
     * @throws IllegalArgumentException with a message fit for the operator
     */
    public static PrinterTarget parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? "" : spec.substring(0, colon);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        try {
            return switch (kind) {
                case "serial" -> {
                    int last = rest.lastIndexOf(':');
                    if (last > 0 && rest.substring(last + 1).matches("\\d+")) {
                        yield new Serial(rest.substring(0, last), Integer.parseInt(rest.substring(last + 1)));
                    }
                    yield new Serial(rest, DEFAULT_BAUD);
                }
                case "tcp" -> {
                    int last = rest.lastIndexOf(':');
                    if (last > 0) {
                        yield new Tcp(rest.substring(0, last), Integer.parseInt(rest.substring(last + 1)));
                    }
                    yield new Tcp(rest, TcpConnection.RAW_PORT);
                }
                case "file" -> {
                    if (rest.isBlank()) {
                        throw new IllegalArgumentException("file printer needs a path");
                    }
                    yield new File(Path.of(rest));
                }
                default -> throw new IllegalArgumentException("unknown printer kind");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad printer '" + spec + "' (" + e.getMessage()
                    + "); use serial:/dev/ttyUSB0:9600, tcp:192.168.1.50:9100 or file:/path/to/file", e);
        }
    }
}
