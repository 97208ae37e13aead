package id.antre.printer.transport;

import java.time.Duration;
import java.util.Objects;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A printer on a serial port (USB-serial adapter or a pty), through jssc. Port names come from
 * configuration, e.g. {@code /dev/ttyUSB0}: jssc does not list ptys or symlinks.
 *
 * <p>jssc's {@code writeBytes} blocks without limit when the other end stops draining, so writes
 * run on a dedicated thread and fail with {@link PrinterTimeoutException} when the printer accepts
 * nothing for the write timeout. After that the connection refuses further writes; close it and
 * open a new one.
 */
public final class SerialConnection implements PrinterConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SerialConnection.class);
    /** Write timeout when none is given. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 5;

    private final SerialPort port;
    private final TimedWriter writer;
    private final Duration writeTimeout;
    private volatile boolean closed;

    private SerialConnection(SerialPort port, Duration writeTimeout) {
        this.port = port;
        this.writeTimeout = writeTimeout;
        this.writer = new TimedWriter(port.getPortName());
    }

    /** Opens {@code portName} at {@code baudRate}, 8N1, no flow control, 5 s write timeout. */
    public static SerialConnection open(String portName, int baudRate) throws PrinterException {
        return open(portName, baudRate, DEFAULT_WRITE_TIMEOUT);
    }

    /** Opens {@code portName} at {@code baudRate}, 8N1, no flow control. */
    public static SerialConnection open(String portName, int baudRate, Duration writeTimeout) throws PrinterException {
        Objects.requireNonNull(portName, "portName");
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("write timeout must be positive");
        }
        SerialPort port = new SerialPort(portName);
        try {
            port.openPort();
        } catch (SerialPortException e) {
            throw new PrinterException(PrinterException.Code.PORT_UNAVAILABLE,
                    "cannot open serial port " + portName + ": " + e.getExceptionType(), e);
        }
        try {
            port.setParams(baudRate, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
            port.setFlowControlMode(SerialPort.FLOWCONTROL_NONE);
        } catch (SerialPortException e) {
            closeQuietly(port);
            throw new PrinterException(PrinterException.Code.PORT_UNAVAILABLE,
                    "cannot configure serial port " + portName + " at " + baudRate + " baud: " + e.getExceptionType(), e);
        }
        LOG.info("Opened printer serial port {} at {} baud", portName, baudRate);
        return new SerialConnection(port, writeTimeout);
    }

    public String portName() {
        return port.getPortName();
    }

    @Override
    public void write(byte[] data) throws PrinterException {
        requireOpen();
        writer.write(data, chunk -> {
            boolean written;
            try {
                written = port.writeBytes(chunk);
            } catch (SerialPortException e) {
                throw disconnected(e.getExceptionType(), e);
            }
            if (!written) {
                throw disconnected("write failed", null);
            }
        }, writeTimeout);
    }

    @Override
    public byte[] read(int maxBytes, Duration timeout) throws PrinterException {
        requireOpen();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                int available = port.getInputBufferBytesCount();
                if (available < 0) {
                    throw disconnected("input status unavailable", null);
                }
                if (available > 0) {
                    byte[] bytes = port.readBytes(Math.min(available, maxBytes));
                    return bytes == null ? new byte[0] : bytes;
                }
                if (System.nanoTime() >= deadline) {
                    return new byte[0];
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SerialPortException e) {
            throw disconnected(e.getExceptionType(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrinterException(PrinterException.Code.IO_ERROR, "interrupted while reading " + portName(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        closeQuietly(port);
        LOG.info("Closed printer serial port {}", portName());
    }

    private void requireOpen() throws PrinterException {
        if (closed) {
            throw new PrinterException(PrinterException.Code.CLOSED, "serial port " + portName() + " is closed");
        }
    }

    private PrinterException disconnected(String why, Throwable cause) {
        return new PrinterException(PrinterException.Code.DISCONNECTED,
                "printer on " + portName() + " is gone (" + why + "); check the cable and power", cause);
    }

    private static void closeQuietly(SerialPort port) {
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } catch (SerialPortException e) {
            LOG.warn("Closing serial port {} failed: {}", port.getPortName(), e.getExceptionType());
        }
    }
}
