package id.antre.printer.transport;

import id.antre.printer.decode.DecodedTicket;
import id.antre.printer.decode.EscPosDecoder;
import id.antre.printer.decode.EscPosDecoderTest;
import id.antre.printer.decode.VirtualPrinter;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.escpos.SampleTickets;
import id.antre.printer.escpos.TicketLayout;
import id.antre.printer.status.PrinterStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** SerialConnection against real ptys made by socat. */
@Tag("core") // the core lane of scripts/test, as queue-server's @CoreLane
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SerialConnectionIT {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void ticketWrittenToADrainingPrinterArrivesByteForByteAndDecodesToTheTicket() throws Exception {
        Path port = dir.resolve("printer0");
        Path file = dir.resolve("printer0.bin");
        byte[] ticket = TicketLayout.create(PrinterProfile.MM58).render(SampleTickets.kependudukan());

        try (Socat printer = Socat.drainingPrinter(port, file);
             SerialConnection connection = SerialConnection.open(port.toString(), 9600, Duration.ofSeconds(2))) {
            connection.write(ticket);
            awaitSize(file, ticket.length);
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(ticket);
        DecodedTicket decoded = EscPosDecoder.decode(Files.readAllBytes(file), PrinterProfile.MM58);
        assertThat(decoded.lines()).contains("A-017", "Sabtu, 28 November 2026 08.12");
        assertThat(decoded.qrPayloads()).containsExactly(SampleTickets.TRACKING_URL);
    }

    @Test
    void writingAfterThePrinterIsGoneFailsWithADisconnectedError() throws Exception {
        Path port = dir.resolve("printer0");
        assertTimeoutPreemptively(LIMIT, () -> {
            Socat printer = Socat.drainingPrinter(port, dir.resolve("printer0.bin"));
            try (SerialConnection connection = SerialConnection.open(port.toString(), 9600, Duration.ofSeconds(2))) {
                connection.write("sebelum\n".getBytes());
                printer.close();

                assertThatThrownBy(() -> connection.write("sesudah\n".getBytes()))
                        .isInstanceOf(PrinterException.class)
                        .hasMessageContaining(port.toString())
                        .satisfies(e -> assertThat(((PrinterException) e).code()).isEqualTo(PrinterException.Code.DISCONNECTED));
            }
        });
    }

    @Test
    void openingAPortThatDoesNotExistFailsAsUnavailable() {
        assertThatThrownBy(() -> SerialConnection.open(dir.resolve("nothing").toString(), 9600))
                .isInstanceOf(PrinterException.class)
                .satisfies(e -> assertThat(((PrinterException) e).code()).isEqualTo(PrinterException.Code.PORT_UNAVAILABLE));
    }

    @Test
    void writingToAPtyNobodyDrainsTimesOutInsteadOfBlockingForever() throws Exception {
        Path port = dir.resolve("printer0");
        try (Socat pair = Socat.pair(port, dir.resolve("printer0.peer"))) {
            assertTimeoutPreemptively(LIMIT, () -> {
                SerialConnection connection = SerialConnection.open(port.toString(), 9600, Duration.ofMillis(500));
                long start = System.nanoTime();

                assertThatThrownBy(() -> connection.write(new byte[1024 * 1024]))
                        .isInstanceOf(PrinterTimeoutException.class)
                        .hasMessageContaining("accepted no data for 500 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                assertThatThrownBy(() -> connection.write(new byte[] {1}))
                        .as("a connection that timed out refuses further writes at once")
                        .isInstanceOf(PrinterException.class);
                connection.close();
            });
        }
    }

    @Test
    void devicePlayingPaperOutIsReportedAsPaperOut() throws Exception {
        assertThat(statusOfVirtualPrinter(PrinterStatus.PAPER_OUT)).isEqualTo(PrinterStatus.PAPER_OUT);
    }

    @Test
    void devicePlayingOnlineIsReportedAsOnline() throws Exception {
        assertThat(statusOfVirtualPrinter(PrinterStatus.ONLINE)).isEqualTo(PrinterStatus.ONLINE);
    }

    @Test
    void printerThatNeverAnswersIsOfflineWithinTheTimeout() throws Exception {
        Path port = dir.resolve("printer0");
        try (Socat printer = Socat.drainingPrinter(port, dir.resolve("printer0.bin"));
             SerialConnection connection = SerialConnection.open(port.toString(), 9600, Duration.ofSeconds(1))) {
            long start = System.nanoTime();

            assertThat(connection.status(Duration.ofMillis(300))).isEqualTo(PrinterStatus.OFFLINE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void virtualPrinterBehindAPtyTurnsEachCutIntoATicketImage() throws Exception {
        Path port = dir.resolve("printer0");
        Path peer = dir.resolve("printer0.peer");
        Path out = dir.resolve("tickets");
        VirtualPrinter virtual = new VirtualPrinter(out, PrinterProfile.MM80, PrinterStatus.ONLINE);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Socat pair = Socat.pair(port, peer);
             SerialConnection device = SerialConnection.open(peer.toString(), 9600)) {
            Future<?> serving = executor.submit(() -> {
                virtual.serve(device);
                return null;
            });
            try (SerialConnection app = SerialConnection.open(port.toString(), 9600, Duration.ofSeconds(2))) {
                app.write(TicketLayout.create(PrinterProfile.MM80).render(SampleTickets.kependudukan()));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (virtual.tickets().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                virtual.stop();
                serving.get(2, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(virtual.tickets()).containsExactly(out.resolve("ticket-0001.png"));
        assertThat(EscPosDecoderTest.scanQr(javax.imageio.ImageIO.read(out.resolve("ticket-0001.png").toFile())))
                .isEqualTo(SampleTickets.TRACKING_URL);
    }

    private PrinterStatus statusOfVirtualPrinter(PrinterStatus played) throws Exception {
        Path port = dir.resolve("printer0");
        Path peer = dir.resolve("printer0.peer");
        VirtualPrinter virtual = new VirtualPrinter(dir.resolve("tickets"), PrinterProfile.MM58, played);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Socat pair = Socat.pair(port, peer);
             SerialConnection device = SerialConnection.open(peer.toString(), 9600)) {
            Future<?> serving = executor.submit(() -> {
                virtual.serve(device);
                return null;
            });
            try (SerialConnection app = SerialConnection.open(port.toString(), 9600, Duration.ofSeconds(1))) {
                return app.status(Duration.ofSeconds(2));
            } finally {
                virtual.stop();
                serving.get(2, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static void awaitSize(Path file, long size) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((!Files.exists(file) || Files.size(file) < size) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
