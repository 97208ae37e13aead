package id.antre.printer.decode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * What a printer would have produced from an ESC/POS stream.
 *
 * @param lines      each printed text line in order, trailing spaces removed; blank feeds give ""
 * @param qrPayloads the data of each printed QR code, in order
 * @param cuts       how many cut commands were seen
 * @param image      the paper as a greyscale image, the profile's dot width wide
 */
public record DecodedTicket(List<String> lines, List<String> qrPayloads, int cuts, BufferedImage image) {

    public DecodedTicket {
        lines = List.copyOf(lines);
        qrPayloads = List.copyOf(qrPayloads);
    }

    /** The printed text lines without the blank ones, joined with newlines. */
    public String text() {
        return String.join("\n", lines.stream().filter(l -> !l.isBlank()).toList());
    }

    /** The image as PNG bytes. */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the image as a PNG file, creating parent directories. */
    public void writePng(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, png());
    }
}
