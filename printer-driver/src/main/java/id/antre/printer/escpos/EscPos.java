package id.antre.printer.escpos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Fluent builder of an ESC/POS byte stream. Each method appends one command; {@link #bytes()}
 * returns everything appended so far. Text is encoded in the charset of the profile (or of the
 * last {@link #codePage(int, java.nio.charset.Charset)}), characters the table lacks become
 * {@code '?'}.
 *
 * <pre>{@code
 * byte[] ticket = EscPos.create(PrinterProfile.MM58)
 *         .init().align(Align.CENTER).bold(true).line("A-001").cut(48).bytes();
 * }</pre>
 */
public final class EscPos {

    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte LF = 0x0A;

    /** {@code GS V m} function B: feed {@code n} motion units, then cut (partial on most printers). */
    public static final int CUT_FEED_AND_PARTIAL = 66;

    /** QR error correction levels of {@code GS ( k} function 169. */
    public enum QrErrorLevel {
        L(48), M(49), Q(50), H(51);

        private final int code;

        QrErrorLevel(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final PrinterProfile profile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private CharsetEncoder encoder;

    private EscPos(PrinterProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.encoder = encoderFor(profile.charset());
    }

    /** A builder that encodes text for {@code profile}. Nothing is appended yet. */
    public static EscPos create(PrinterProfile profile) {
        return new EscPos(profile);
    }

    public PrinterProfile profile() {
        return profile;
    }

    /** {@code ESC @}: reset the printer to its power-on settings. */
    public EscPos init() {
        return raw(ESC, '@');
    }

    /** {@code ESC a n}. */
    public EscPos align(Align align) {
        return raw(ESC, 'a', align.code());
    }

    /** {@code ESC E n}: emphasized (bold) on or off. */
    public EscPos bold(boolean on) {
        return raw(ESC, 'E', on ? 1 : 0);
    }

    /**
     * {@code GS ! n}: character size as width and height multipliers, each 1..8.
     */
    public EscPos size(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("size multipliers must be 1..8, got " + width + "x" + height);
        }
        return raw(GS, '!', ((width - 1) << 4) | (height - 1));
    }

    /** {@code GS ! 0}: back to normal size. */
    public EscPos normalSize() {
        return size(1, 1);
    }

    /** {@code ESC t n} with the profile's own code page and charset. */
    public EscPos codePage() {
        return codePage(profile.codePage(), profile.charset());
    }

    /** {@code ESC t n}; text appended afterwards is encoded with {@code charset}. */
    public EscPos codePage(int n, java.nio.charset.Charset charset) {
        encoder = encoderFor(charset);
        return raw(ESC, 't', n);
    }

    /** Text without a line feed, encoded in the current charset. */
    public EscPos text(String text) {
        byte[] encoded = encode(text);
        out.write(encoded, 0, encoded.length);
        return this;
    }

    /** Text followed by LF, which prints the line buffer. */
    public EscPos line(String text) {
        return text(text).newline();
    }

    /** LF: print the line buffer (or feed one line when it is empty). */
    public EscPos newline() {
        out.write(LF);
        return this;
    }

    /** {@code ESC d n}: print the buffer and feed {@code lines} lines (0..255). */
    public EscPos feed(int lines) {
        requireByte(lines, "lines");
        return raw(ESC, 'd', lines);
    }

    /**
     * A QR code with {@code GS ( k}: model 2, the given module size in dots (1..16), error level M,
     * store the data, print it. The data is sent as UTF-8 (a URL is plain ASCII).
     */
    public EscPos qr(String data, int moduleSize) {
        return qr(data, moduleSize, QrErrorLevel.M);
    }

    /** A QR code with an explicit error correction level. */
    public EscPos qr(String data, int moduleSize, QrErrorLevel level) {
        if (moduleSize < 1 || moduleSize > 16) {
            throw new IllegalArgumentException("QR module size must be 1..16, got " + moduleSize);
        }
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        int storeLength = payload.length + 3;
        if (payload.length == 0 || storeLength > 7092) {
            throw new IllegalArgumentException("QR data must be 1..7089 bytes, got " + payload.length);
        }
        raw(GS, '(', 'k', 4, 0, 0x31, 0x41, 0x32, 0x00);          // fn 165: model 2
        raw(GS, '(', 'k', 3, 0, 0x31, 0x43, moduleSize);          // fn 167: module size
        raw(GS, '(', 'k', 3, 0, 0x31, 0x45, level.code());        // fn 169: error correction
        raw(GS, '(', 'k', storeLength & 0xFF, storeLength >> 8, 0x31, 0x50, 0x30); // fn 180: store
        out.write(payload, 0, payload.length);
        return raw(GS, '(', 'k', 3, 0, 0x31, 0x51, 0x30);         // fn 181: print
    }

    /** {@code GS V 66 n}: feed {@code feedUnits} vertical motion units, then cut. */
    public EscPos cut(int feedUnits) {
        requireByte(feedUnits, "feed units");
        return raw(GS, 'V', CUT_FEED_AND_PARTIAL, feedUnits);
    }

    /**
     * {@code GS v 0}: a raster bit image, for a logo. Pixels darker than half grey (and not
     * transparent) print black; an image wider than the paper is scaled down to fit.
     */
    public EscPos image(BufferedImage image) {
        BufferedImage source = image.getWidth() > profile.dotWidth() ? Raster.scaleToWidth(image, profile.dotWidth()) : image;
        int width = source.getWidth();
        int height = source.getHeight();
        int bytesPerRow = (width + 7) / 8;
        if (height > 0xFFFF || height < 1) {
            throw new IllegalArgumentException("image height must be 1..65535, got " + height);
        }
        raw(GS, 'v', '0', 0, bytesPerRow & 0xFF, bytesPerRow >> 8, height & 0xFF, height >> 8);
        out.write(Raster.pack(source), 0, bytesPerRow * height);
        return this;
    }

    /** Appends bytes as given, for commands this builder does not cover. */
    public EscPos raw(byte... bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** Appends each int as one byte (0..255); characters are accepted for readability. */
    public EscPos raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    /** A copy of everything appended so far. */
    public byte[] bytes() {
        return out.toByteArray();
    }

    /**
     * The text encoded as this builder would send it. Typographic characters the code page lacks
     * are written as their plain forms first (see {@link #plain(String)}); anything still
     * unmappable becomes '?'.
     */
    public byte[] encode(String text) {
        try {
            encoder.reset();
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(plain(text)));
            return Arrays.copyOf(buffer.array(), buffer.limit());
        } catch (CharacterCodingException e) {
            // REPLACE is set for both error kinds, so the encoder does not throw.
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text with characters this builder's code page cannot print replaced by plain ones a
     * reader takes for the same: en and em dashes and minus signs as '-', curly quotes as straight
     * ones, the ellipsis as "...", non-breaking and thin spaces as spaces, and accented letters
     * without a glyph as their base letter. Characters the code page has stay as they are.
     */
    public String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (encoder.canEncode(c)) {
                out.append(c);
                continue;
            }
            String p = switch (c) {
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> "-";
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> "'";
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> "\"";
                case '\u2026' -> "...";
                case '\u00A0', '\u2007', '\u2009', '\u202F' -> " ";
                case '\u2022', '\u00B7' -> "-";
                default -> {
                    String base = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD)
                            .replaceAll("\\p{M}", "");
                    yield base.isEmpty() || !encoder.canEncode(base) ? String.valueOf(c) : base;
                }
            };
            out.append(p);
        }
        return out.toString();
    }

    private static CharsetEncoder encoderFor(java.nio.charset.Charset charset) {
        return charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(new byte[] {'?'});
    }

    private static void requireByte(int value, String what) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(what + " must be 0..255, got " + value);
        }
    }
}
