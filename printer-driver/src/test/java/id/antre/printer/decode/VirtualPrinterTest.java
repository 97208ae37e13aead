package id.antre.printer.decode;

import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.escpos.SampleTickets;
import id.antre.printer.escpos.TicketLayout;
import id.antre.printer.status.PrinterStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualPrinterTest {

    @TempDir
    Path dir;

    @Test
    void eachCutEndsATicketWrittenAsPngAndBin() throws Exception {
        VirtualPrinter printer = new VirtualPrinter(dir, PrinterProfile.MM58, PrinterStatus.ONLINE);
        byte[] one = TicketLayout.create(PrinterProfile.MM58).render(SampleTickets.kependudukan());

        printer.accept(concat(one, one));

        assertThat(printer.tickets()).containsExactly(dir.resolve("ticket-0001.png"), dir.resolve("ticket-0002.png"));
        assertThat(Files.readAllBytes(dir.resolve("ticket-0002.bin"))).isEqualTo(one);
        assertThat(EscPosDecoderTest.scanQr(javax.imageio.ImageIO.read(dir.resolve("ticket-0001.png").toFile())))
                .isEqualTo(SampleTickets.TRACKING_URL);
    }

    @Test
    void commandsSplitAcrossReadsAreReassembled() throws Exception {
        VirtualPrinter printer = new VirtualPrinter(dir, PrinterProfile.MM80, PrinterStatus.ONLINE);
        byte[] ticket = TicketLayout.create(PrinterProfile.MM80).render(SampleTickets.kependudukan());

        for (int off = 0; off < ticket.length; off += 7) {
            printer.accept(Arrays.copyOfRange(ticket, off, Math.min(ticket.length, off + 7)));
        }

        assertThat(printer.tickets()).hasSize(1);
        assertThat(Files.readAllBytes(dir.resolve("ticket-0001.bin"))).isEqualTo(ticket);
    }

    @Test
    void statusQueriesAreAnsweredAndKeptOutOfTheTicket() throws Exception {
        VirtualPrinter printer = new VirtualPrinter(dir, PrinterProfile.MM58, PrinterStatus.PAPER_OUT);

        byte[] replies = printer.accept(concat(new byte[] {'a', 0x10, 0x04, 0x01, 'b', 0x10, 0x04}, new byte[0]));
        byte[] more = printer.accept(new byte[] {0x02, 0x0A, 0x1D, 'V', 66, 0});

        assertThat(replies).containsExactly(0x1A);
        assertThat(more).containsExactly(0x32);
        assertThat(Files.readAllBytes(dir.resolve("ticket-0001.bin"))).containsExactly('a', 'b', 0x0A, 0x1D, 'V', 66, 0);
    }

    @Test
    void offlinePrinterNeverAnswers() throws Exception {
        VirtualPrinter printer = new VirtualPrinter(dir, PrinterProfile.MM58, PrinterStatus.OFFLINE);

        assertThat(printer.accept(new byte[] {0x10, 0x04, 0x01, 0x10, 0x04, 0x04})).isEmpty();
    }

    @Test
    void flushWritesAnUncutTicket() throws Exception {
        VirtualPrinter printer = new VirtualPrinter(dir, PrinterProfile.MM58, PrinterStatus.ONLINE);
        printer.accept("tanpa potong\n".getBytes());

        printer.flush();

        assertThat(printer.tickets()).hasSize(1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
