package id.antre.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EscPosTest {

    private static final HexFormat HEX = HexFormat.of();

    private static EscPos builder() {
        return EscPos.create(PrinterProfile.MM58);
    }

    @Test
    void initBoldTextAndCutProduceTheExactEscPosBytes() {
        byte[] bytes = builder().init().bold(true).line("A-001").bold(false).cut(48).bytes();

        assertThat(HEX.formatHex(bytes)).isEqualTo("1b40" + "1b4501" + "412d303031" + "0a" + "1b4500" + "1d564230");
    }

    @Test
    void alignmentUsesEscAWithZeroOneTwo() {
        assertThat(HEX.formatHex(builder().align(Align.LEFT).align(Align.CENTER).align(Align.RIGHT).bytes()))
                .isEqualTo("1b6100" + "1b6101" + "1b6102");
    }

    @Test
    void sizePacksWidthInTheHighNibbleAndHeightInTheLow() {
        assertThat(HEX.formatHex(builder().size(1, 1).size(2, 1).size(1, 2).size(4, 4).size(8, 8).bytes()))
                .isEqualTo("1d2100" + "1d2110" + "1d2101" + "1d2133" + "1d2177");
    }

    @Test
    void sizeOutsideOneToEightIsRejected() {
        assertThatThrownBy(() -> builder().size(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().size(1, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feedAndCodePageCarryTheirParameter() {
        assertThat(HEX.formatHex(builder().feed(3).codePage().bytes())).isEqualTo("1b6403" + "1b7400");
        assertThat(HEX.formatHex(EscPos.create(PrinterProfile.MM80.withPc858()).codePage().bytes())).isEqualTo("1b7413");
    }

    @Test
    void textIsEncodedInTheCodePageAndUnmappableCharactersBecomeQuestionMarks() {
        // PC437: ± is F1, é is 82; the rupiah sign and CJK have no slot.
        assertThat(HEX.formatHex(builder().text("± é").bytes())).isEqualTo("f1" + "20" + "82");
        assertThat(new String(builder().text("Rp→5 日").bytes(), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("Rp?5 ?");
    }

    @Test
    void euroSignIsPrintableOnlyAfterSwitchingToPc858() {
        assertThat(builder().text("€").bytes()).containsExactly('?');
        assertThat(EscPos.create(PrinterProfile.MM58.withPc858()).text("€").bytes()).containsExactly(0xD5);
    }

    @Test
    void qrCodeIsModelTwoWithModuleSizeLevelMStoreAndPrint() {
        byte[] bytes = builder().qr("https://a.id/x", 6).bytes();

        assertThat(HEX.formatHex(bytes)).isEqualTo(
                "1d286b0400314132" + "00"          // model 2
                + "1d286b03003143" + "06"          // module size 6
                + "1d286b03003145" + "31"          // error correction M
                + "1d286b" + "1100" + "315030"     // store 14 + 3 bytes
                + HEX.formatHex("https://a.id/x".getBytes())
                + "1d286b0300315130");             // print
    }

    @Test
    void qrStoreLengthSpansTwoBytesForLongData() {
        byte[] bytes = builder().qr("x".repeat(300), 4).bytes();

        // 300 + 3 = 303 = 0x012F, little endian.
        assertThat(HEX.formatHex(bytes)).contains("1d286b2f01315030");
    }

    @Test
    void rasterImageIsSentAsGsV0WithOneBitRowsMostSignificantBitFirst() {
        BufferedImage image = new BufferedImage(10, 2, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 10; x++) {
            image.setRGB(x, 0, Color.WHITE.getRGB());
            image.setRGB(x, 1, Color.WHITE.getRGB());
        }
        image.setRGB(0, 0, Color.BLACK.getRGB());
        image.setRGB(9, 1, Color.BLACK.getRGB());

        byte[] bytes = builder().image(image).bytes();

        assertThat(HEX.formatHex(bytes)).isEqualTo("1d763000" + "0200" + "0200" + "8000" + "0040");
    }

    @Test
    void imageWiderThanThePaperIsScaledDownToTheDotWidth() {
        BufferedImage wide = new BufferedImage(800, 100, BufferedImage.TYPE_INT_RGB);

        byte[] bytes = builder().image(wide).bytes();

        // 384 dots = 48 bytes per row, 100 * 384 / 800 = 48 rows.
        assertThat(HEX.formatHex(bytes, 0, 8)).isEqualTo("1d763000" + "3000" + "3000");
        assertThat(bytes).hasSize(8 + 48 * 48);
    }

    @Test
    void bytesReturnsACopySoLaterCommandsDoNotChangeIt() {
        EscPos builder = builder().init();
        byte[] first = builder.bytes();
        builder.line("x");

        assertThat(first).containsExactly(0x1B, 0x40);
    }
}
