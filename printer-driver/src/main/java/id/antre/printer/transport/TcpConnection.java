package id.antre.printer.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network printer on raw TCP, usually port 9100. Java sockets have no write timeout, so writes
 * run on a dedicated thread like {@link SerialConnection}'s; on a timeout the socket is closed,
 * which ends the stuck write.
 */
public final class TcpConnection implements PrinterConnection {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
    /** The raw printing port of ESC/POS network printers. */
    public static final int RAW_PORT = 9100;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final TimedWriter writer;
    private final Duration writeTimeout;
    private final String target;

    private TcpConnection(Socket socket, Duration writeTimeout, String target) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.writeTimeout = writeTimeout;
        this.target = target;
        this.writer = new TimedWriter(target);
    }

    /** Connects to {@code host}:9100 with 3 s connect and 5 s write timeouts. */
    public static TcpConnection open(String host) throws PrinterException {
        return open(host, RAW_PORT, Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    /** Connects to {@code host}:{@code port}. */
    public static TcpConnection open(String host, int port, Duration connectTimeout, Duration writeTimeout)
            throws PrinterException {
        String target = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            LOG.info("Connected to printer at {}", target);
            return new TcpConnection(socket, writeTimeout, target);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new PrinterException(PrinterException.Code.PORT_UNAVAILABLE,
                    "cannot connect to printer at " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] data) throws PrinterException {
        requireOpen();
        try {
            writer.write(data, chunk -> {
                out.write(chunk);
                out.flush();
            }, writeTimeout);
        } catch (PrinterTimeoutException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    @Override
    public byte[] read(int maxBytes, Duration timeout) throws PrinterException {
        requireOpen();
        byte[] buffer = new byte[maxBytes];
        try {
            if (timeout.isZero() && in.available() == 0) {
                return new byte[0];
            }
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            int n = in.read(buffer);
            if (n < 0) {
                throw new PrinterException(PrinterException.Code.DISCONNECTED, "printer at " + target + " closed the connection");
            }
            return Arrays.copyOf(buffer, n);
        } catch (SocketTimeoutException e) {
            return new byte[0];
        } catch (PrinterException e) {
            throw e;
        } catch (IOException e) {
            throw new PrinterException(PrinterException.Code.DISCONNECTED, "reading from printer at " + target + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writer.close();
        closeQuietly(socket);
    }

    private void requireOpen() throws PrinterException {
        if (socket.isClosed()) {
            throw new PrinterException(PrinterException.Code.CLOSED, "connection to printer at " + target + " is closed");
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing printer socket failed: {}", e.getMessage());
        }
    }
}
