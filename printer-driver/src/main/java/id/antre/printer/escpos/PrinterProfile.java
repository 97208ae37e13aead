package id.antre.printer.escpos;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * What the layout and the decoder need to know about a printer model: paper width in dots and in
 * Font A columns (12 x 24 dots), and the character table selected with {@code ESC t n} together
 * with the Java charset that encodes text for it.
 *
 * @param name       short label used in logs and file names, such as {@code "58mm"}
 * @param columns    Font A characters per line at normal size
 * @param dotWidth   printable width in dots (203 dpi)
 * @param codePage   the {@code n} of {@code ESC t n}
 * @param charset    the charset matching {@code codePage}
 * @param qrModuleSize the QR module size in dots that suits this paper
 * @param numberSize the character size multiplier (width and height) for the ticket number
 */
public record PrinterProfile(String name, int columns, int dotWidth, int codePage, Charset charset,
                             int qrModuleSize, int numberSize) {

    /** Font A cell width in dots. */
    public static final int CHAR_WIDTH = 12;
    /** Font A cell height in dots. */
    public static final int CHAR_HEIGHT = 24;

    /** ESC/POS code page 0, PC437 (USA, standard Europe): the factory default of most printers. */
    public static final int CODE_PAGE_PC437 = 0;
    /** ESC/POS code page 19, PC858 (PC850 with the euro sign). */
    public static final int CODE_PAGE_PC858 = 19;

    /** 58 mm paper: 32 columns, 384 dots. */
    public static final PrinterProfile MM58 =
            new PrinterProfile("58mm", 32, 384, CODE_PAGE_PC437, Charset.forName("IBM437"), 6, 5);
    /** 80 mm paper: 48 columns, 576 dots (Epson TM-T82 class). */
    public static final PrinterProfile MM80 =
            new PrinterProfile("80mm", 48, 576, CODE_PAGE_PC437, Charset.forName("IBM437"), 8, 6);

    public PrinterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(charset, "charset");
        if (columns < 1 || dotWidth < columns) {
            throw new IllegalArgumentException("columns " + columns + " and dot width " + dotWidth + " do not fit");
        }
        if (codePage < 0 || codePage > 255) {
            throw new IllegalArgumentException("code page out of range: " + codePage);
        }
        if (qrModuleSize < 1 || qrModuleSize > 16) {
            throw new IllegalArgumentException("QR module size must be 1..16: " + qrModuleSize);
        }
        if (numberSize < 1 || numberSize > 8) {
            throw new IllegalArgumentException("number size must be 1..8: " + numberSize);
        }
    }

    /** The same profile with the PC858 character table instead of PC437. */
    public PrinterProfile withPc858() {
        return withCodePage(CODE_PAGE_PC858, Charset.forName("IBM00858"));
    }

    /** The same profile with another character table. */
    public PrinterProfile withCodePage(int codePage, Charset charset) {
        return new PrinterProfile(name, columns, dotWidth, codePage, charset, qrModuleSize, numberSize);
    }

    /**
     * The profile for a name from configuration: {@code 58}, {@code 58mm}, {@code 80} or {@code 80mm}.
     */
    public static PrinterProfile named(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "58", "58mm" -> MM58;
            case "80", "80mm" -> MM80;
            default -> throw new IllegalArgumentException("unknown printer profile: " + name + " (use 58mm or 80mm)");
        };
    }

    /**
     * The Java charset for an ESC/POS code page number, or {@code fallback} when the table is not
     * one we know.
     */
    public static Charset charsetForCodePage(int codePage, Charset fallback) {
        String name = switch (codePage) {
            case 0 -> "IBM437";
            case 2 -> "IBM850";
            case 3 -> "IBM860";
            case 4 -> "IBM863";
            case 5 -> "IBM865";
            case 16 -> "windows-1252";
            case 17 -> "IBM866";
            case 18 -> "IBM852";
            case 19 -> "IBM00858";
            default -> null;
        };
        if (name == null || !Charset.isSupported(name)) {
            return fallback;
        }
        return Charset.forName(name);
    }
}
