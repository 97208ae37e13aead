package id.antre.printer.transport;

import id.antre.printer.decode.VirtualPrinter;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.escpos.SampleTickets;
import id.antre.printer.escpos.TicketLayout;
import id.antre.printer.status.PrinterStatus;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** TcpConnection against a real socket on loopback. */
@Tag("core") // the core lane of scripts/test, as queue-server's @CoreLane
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TcpConnectionIT {

    @Test
    void ticketSentOverRawTcpArrivesIntactAndStatusIsAnswered() throws Exception {
        byte[] ticket = TicketLayout.create(PrinterProfile.MM80).render(SampleTickets.kependudukan());
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> playPrinter(server, PrinterStatus.PAPER_NEAR_END));

            // generous limits: on a loaded machine the playing printer's thread may start late
            try (TcpConnection connection = TcpConnection.open("127.0.0.1", server.getLocalPort(),
                    Duration.ofSeconds(10), Duration.ofSeconds(10))) {
                connection.write(ticket);
                assertThat(connection.status(Duration.ofSeconds(10))).isEqualTo(PrinterStatus.PAPER_NEAR_END);
            }

            byte[] all = received.get();
            assertThat(java.util.Arrays.copyOf(all, ticket.length)).isEqualTo(ticket);
        }
    }

    @Test
    void peerThatStopsReadingMakesTheWriteTimeOut() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try (TcpConnection connection = TcpConnection.open("127.0.0.1", server.getLocalPort(),
                        Duration.ofSeconds(1), Duration.ofMillis(400));
                     Socket accepted = server.accept()) {
                    assertThatThrownBy(() -> connection.write(new byte[64 * 1024 * 1024]))
                            .isInstanceOf(PrinterTimeoutException.class);
                }
            });
        }
    }

    @Test
    void nobodyListeningIsPortUnavailable() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatThrownBy(() -> TcpConnection.open("127.0.0.1", port, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(PrinterException.class)
                .satisfies(e -> assertThat(((PrinterException) e).code()).isEqualTo(PrinterException.Code.PORT_UNAVAILABLE));
    }

    /** Accepts one connection, answers DLE EOT like a printer in {@code status}, returns all bytes. */
    private static byte[] playPrinter(ServerSocket server, PrinterStatus status) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            VirtualPrinter parser = new VirtualPrinter(java.nio.file.Files.createTempDirectory("tcp-printer"), PrinterProfile.MM80, status);
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
                byte[] replies = parser.accept(java.util.Arrays.copyOf(buffer, n));
                out.write(replies);
                out.flush();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all.toByteArray();
    }
}
