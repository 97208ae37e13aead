package id.antre.printer.decode;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.antre.printer.escpos.Align;
import id.antre.printer.escpos.EscPos;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.escpos.SampleTickets;
import id.antre.printer.escpos.TicketLayout;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

public class EscPosDecoderTest {

    private static final Path TICKETS = Path.of("target", "tickets");

    @ParameterizedTest
    @ValueSource(strings = {"58mm", "80mm"})
    void renderedTicketCarriesAQrCodeThatScansBackToTheTrackingUrl(String profileName) throws Exception {
        PrinterProfile profile = PrinterProfile.named(profileName);
        byte[] bytes = TicketLayout.create(profile).render(SampleTickets.kependudukan());

        DecodedTicket decoded = EscPosDecoder.decode(bytes, profile);
        byte[] png = decoded.png();
        decoded.writePng(TICKETS.resolve("ticket-" + profile.name() + ".png"));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(profile.dotWidth());
        assertThat(scanQr(image)).isEqualTo(SampleTickets.TRACKING_URL);
        assertThat(decoded.qrPayloads()).containsExactly(SampleTickets.TRACKING_URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"58mm", "80mm"})
    void decodedLinesContainTheNumberServiceAndIndonesianDate(String profileName) {
        PrinterProfile profile = PrinterProfile.named(profileName);
        DecodedTicket decoded = EscPosDecoder.decode(TicketLayout.create(profile).render(SampleTickets.kependudukan()), profile);

        assertThat(decoded.lines()).contains("A-017", "Sabtu, 28 November 2026 08.12", "Berlaku hari ini");
        assertThat(decoded.text()).contains("Perekaman dan Pencetakan KTP", "Antrean di depan Anda: 12 orang",
                "± 25 menit", "Persyaratan:");
        assertThat(decoded.cuts()).isEqualTo(1);
        assertThat(decoded.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(profile.columns()));
    }

    @Test
    void textWiderThanThePaperWrapsLikeThePrinterDoes() {
        byte[] bytes = EscPos.create(PrinterProfile.MM58).init().line("x".repeat(40)).bytes();

        assertThat(EscPosDecoder.decode(bytes, PrinterProfile.MM58).lines())
                .containsExactly("x".repeat(32), "x".repeat(8));
    }

    @Test
    void doubleWidthTextTakesTwoColumnsPerCharacter() {
        byte[] bytes = EscPos.create(PrinterProfile.MM58).size(2, 2).line("y".repeat(20)).bytes();

        assertThat(EscPosDecoder.decode(bytes, PrinterProfile.MM58).lines())
                .containsExactly("y".repeat(16), "y".repeat(4));
    }

    @Test
    void unknownCommandsAreSkippedWithoutPrintingTheirParameters() {
        byte[] bytes = EscPos.create(PrinterProfile.MM80)
                .raw(0x1B, 'p', 0, 25, 250)            // cash drawer pulse
                .raw(0x1D, 'k', 4, '1', '2', '3', 0)   // CODE39 barcode, function A
                .raw(0x1D, '(', 'L', 2, 0, 48, 50)     // graphics function with a parameter block
                .raw(0x1B, '~')                         // not a command we know
                .line("sesudah")
                .bytes();

        assertThat(EscPosDecoder.decode(bytes, PrinterProfile.MM80).lines()).containsExactly("sesudah");
    }

    @Test
    void aCommandCutShortAtTheEndIsIgnored() {
        byte[] bytes = EscPos.create(PrinterProfile.MM58).line("utuh").raw(0x1D, 'v', '0', 0, 10).bytes();

        assertThat(EscPosDecoder.decode(bytes, PrinterProfile.MM58).lines()).containsExactly("utuh");
    }

    @Test
    void rasterImageIsDrawnInBlackAtItsAlignment() {
        BufferedImage logo = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 64, 32);
        g.dispose();
        byte[] bytes = EscPos.create(PrinterProfile.MM58).align(Align.CENTER).image(logo).bytes();

        BufferedImage paper = EscPosDecoder.decode(bytes, PrinterProfile.MM58).image();

        int centre = PrinterProfile.MM58.dotWidth() / 2;
        assertThat(paper.getRGB(centre, 16 + 10) & 0xFFFFFF).isEqualTo(0x000000);
        assertThat(paper.getRGB(10, 16 + 10) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void codePageSelectionDecodesTheSameBytesTheBuilderEncoded() {
        byte[] bytes = EscPos.create(PrinterProfile.MM80).init().codePage(PrinterProfile.CODE_PAGE_PC858,
                java.nio.charset.Charset.forName("IBM00858")).line("Harga € 5 ± 1").bytes();

        assertThat(EscPosDecoder.decode(bytes, PrinterProfile.MM80).lines()).containsExactly("Harga € 5 ± 1");
    }

    public static String scanQr(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
