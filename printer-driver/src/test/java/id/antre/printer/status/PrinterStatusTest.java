package id.antre.printer.status;

import id.antre.printer.transport.FileConnection;
import id.antre.printer.transport.MemoryConnection;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrinterStatusTest {

    @Test
    void statusQueryIsDleEotN() {
        assertThat(HexFormat.of().formatHex(StatusQuery.command(1))).isEqualTo("100401");
        assertThat(HexFormat.of().formatHex(StatusQuery.command(4))).isEqualTo("100404");
    }

    @Test
    void printerAnswerWithoutTheOfflineBitIsOnline() {
        assertThat(PrinterStatus.fromOffline(0x12, -1)).isEqualTo(PrinterStatus.ONLINE);
        assertThat(PrinterStatus.fromOffline(0x16, -1)).as("drawer kick-out pin high is not offline").isEqualTo(PrinterStatus.ONLINE);
    }

    @Test
    void offlineBitWithCoverOpenCauseIsCoverOpen() {
        assertThat(PrinterStatus.fromOffline(0x1A, 0x16)).isEqualTo(PrinterStatus.COVER_OPEN);
    }

    @Test
    void offlineBitWithPaperEndStopCauseIsPaperOut() {
        assertThat(PrinterStatus.fromOffline(0x1A, 0x32)).isEqualTo(PrinterStatus.PAPER_OUT);
    }

    @Test
    void offlineBitWithoutAKnownCauseIsOffline() {
        assertThat(PrinterStatus.fromOffline(0x1A, 0x12)).isEqualTo(PrinterStatus.OFFLINE);
        assertThat(PrinterStatus.fromOffline(0x1A, -1)).isEqualTo(PrinterStatus.OFFLINE);
    }

    @Test
    void paperSensorBitsSixtyMeanPaperOutAndZeroCMeanNearEnd() {
        assertThat(PrinterStatus.fromPaperSensor(0x12)).isEqualTo(PrinterStatus.ONLINE);
        assertThat(PrinterStatus.fromPaperSensor(0x1E)).isEqualTo(PrinterStatus.PAPER_NEAR_END);
        assertThat(PrinterStatus.fromPaperSensor(0x72)).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThat(PrinterStatus.fromPaperSensor(0x7E)).as("out wins over near end").isEqualTo(PrinterStatus.PAPER_OUT);
    }

    @Test
    void offlineCauseTakesPrecedenceOverThePaperSensor() {
        assertThat(PrinterStatus.of(0x1A, 0x16, 0x1E)).isEqualTo(PrinterStatus.COVER_OPEN);
        assertThat(PrinterStatus.of(0x12, -1, 0x1E)).isEqualTo(PrinterStatus.PAPER_NEAR_END);
        assertThat(PrinterStatus.of(0x12, -1, -1)).isEqualTo(PrinterStatus.ONLINE);
    }

    @Test
    void onlyBytesWithTheFixedBitsCountAsStatusAnswers() {
        assertThat(PrinterStatus.isStatusByte(0x12)).isTrue();
        assertThat(PrinterStatus.isStatusByte(0x72)).isTrue();
        assertThat(PrinterStatus.isStatusByte(0x00)).isFalse();
        assertThat(PrinterStatus.isStatusByte(0x41)).isFalse();
        assertThat(PrinterStatus.isStatusByte(0x92)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PrinterStatus.class)
    void queryOverAConnectionReadsBackTheStatusTheDevicePlays(PrinterStatus played) throws Exception {
        try (MemoryConnection device = MemoryConnection.withStatus(played)) {
            assertThat(device.status(Duration.ofMillis(200))).isEqualTo(played);
        }
    }

    @Test
    void silentDeviceIsOfflineWithinTheTimeout() throws Exception {
        try (MemoryConnection device = MemoryConnection.create()) {
            long start = System.nanoTime();

            assertThat(StatusQuery.query(device, Duration.ofMillis(150))).isEqualTo(PrinterStatus.OFFLINE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600));
        }
    }

    @Test
    void strayBytesBeforeTheAnswerAreSkipped() throws Exception {
        try (MemoryConnection device = MemoryConnection.answering(cmd -> cmd[2] == 1
                ? new byte[] {0x00, 0x41, 0x12} : new byte[] {0x72})) {
            assertThat(device.status(Duration.ofMillis(200))).isEqualTo(PrinterStatus.PAPER_OUT);
        }
    }

    @Test
    void fileConnectionIsAlwaysOnlineAndNeverGetsQueriesWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("out.bin");
        try (FileConnection connection = FileConnection.open(file)) {
            connection.write(new byte[] {1, 2});
            assertThat(connection.status(Duration.ofMillis(10))).isEqualTo(PrinterStatus.ONLINE);
            connection.write(new byte[] {3});
        }
        try (FileConnection again = FileConnection.open(file)) {
            again.write(new byte[] {4});
        }
        assertThat(java.nio.file.Files.readAllBytes(file)).containsExactly(1, 2, 3, 4);
    }
}
