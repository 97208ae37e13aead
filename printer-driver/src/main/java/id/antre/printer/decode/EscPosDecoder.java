package id.antre.printer.decode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.antre.printer.escpos.Align;
import id.antre.printer.escpos.PrinterProfile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Interprets an ESC/POS byte stream the way a thermal printer would and draws the result: white
 * paper of the profile's dot width, Font A cells of 12 x 24 dots in a monospace font, character
 * size and emphasis, justification, QR codes re-encoded from their stored data, raster images, and
 * each cut as a dashed line. Unknown commands are skipped by their length (see
 * {@link EscPosTokenizer}); a command cut short at the end of the data is ignored.
 *
 * <p>Runs headless: no display is needed or wanted.
 */
public final class EscPosDecoder {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Dots between two lines of Font A at normal height (24-dot cell plus spacing). */
    static final int LINE_SPACING = 6;
    private static final int MARGIN_TOP = 16;
    private static final int MARGIN_BOTTOM = 16;
    private static final int CUT_GAP = 24;
    private static final int TAB_COLUMNS = 8;
    /** Point size of the monospace font whose advance is about 12 dots (DejaVu Sans Mono: 0.6 em). */
    private static final float FONT_SIZE = 20f;

    private final PrinterProfile profile;

    private EscPosDecoder(PrinterProfile profile) {
        this.profile = profile;
    }

    /** Decodes {@code data} as printed on {@code profile}'s paper. */
    public static DecodedTicket decode(byte[] data, PrinterProfile profile) {
        return new EscPosDecoder(profile).run(data);
    }

    private record Glyph(char c, int width, int height, boolean bold) {
    }

    /** Printer state plus the drawing collected so far; one per decode. */
    private final class Run {
        final List<Consumer<Graphics2D>> drawing = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        final List<String> qrPayloads = new ArrayList<>();
        final List<Glyph> lineBuffer = new ArrayList<>();
        int cuts;
        int y = MARGIN_TOP;
        Align align;
        boolean bold;
        int width;
        int height;
        char[] table;
        byte[] qrData;
        int qrModule;
        ErrorCorrectionLevel qrLevel;

        Run() {
            reset();
        }

        void reset() {
            lineBuffer.clear();
            align = Align.LEFT;
            bold = false;
            width = 1;
            height = 1;
            table = tableFor(profile.charset());
            qrModule = 3;
            qrLevel = ErrorCorrectionLevel.L;
        }

        int lineWidth() {
            return lineBuffer.stream().mapToInt(g -> g.width() * PrinterProfile.CHAR_WIDTH).sum();
        }

        void text(int b) {
            Glyph glyph = new Glyph(table[b], width, height, bold);
            if (lineWidth() + glyph.width() * PrinterProfile.CHAR_WIDTH > profile.dotWidth()) {
                printLine();
            }
            lineBuffer.add(glyph);
        }

        void tab() {
            int column = lineWidth() / PrinterProfile.CHAR_WIDTH;
            int spaces = TAB_COLUMNS - column % TAB_COLUMNS;
            for (int i = 0; i < spaces && lineWidth() + PrinterProfile.CHAR_WIDTH <= profile.dotWidth(); i++) {
                lineBuffer.add(new Glyph(' ', 1, 1, false));
            }
        }

        /** LF: prints the buffer, or feeds one line when it is empty. */
        void printLine() {
            if (lineBuffer.isEmpty()) {
                lines.add("");
                y += PrinterProfile.CHAR_HEIGHT * height + LINE_SPACING;
                return;
            }
            List<Glyph> glyphs = List.copyOf(lineBuffer);
            lineBuffer.clear();
            int cellHeight = glyphs.stream().mapToInt(Glyph::height).max().orElse(1) * PrinterProfile.CHAR_HEIGHT;
            int x0 = xFor(glyphs.stream().mapToInt(g -> g.width() * PrinterProfile.CHAR_WIDTH).sum());
            int top = y;
            drawing.add(g -> drawGlyphs(g, glyphs, x0, top, cellHeight));
            StringBuilder text = new StringBuilder();
            glyphs.forEach(gl -> text.append(gl.c()));
            lines.add(text.toString().stripTrailing());
            y += cellHeight + LINE_SPACING;
        }

        /** Prints pending text, if any, before a command that works at the start of a line. */
        void flush() {
            if (!lineBuffer.isEmpty()) {
                printLine();
            }
        }

        int xFor(int contentWidth) {
            int free = Math.max(0, profile.dotWidth() - contentWidth);
            return switch (align) {
                case LEFT -> 0;
                case CENTER -> free / 2;
                case RIGHT -> free;
            };
        }

        void feedDots(int dots) {
            flush();
            y += dots;
        }

        void cut(int feedDots) {
            flush();
            y += feedDots;
            int at = y + CUT_GAP / 2;
            drawing.add(g -> {
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 6f}, 0f));
                g.drawLine(0, at, profile.dotWidth(), at);
                g.setColor(Color.BLACK);
            });
            y += CUT_GAP;
            cuts++;
        }

        void printQr() {
            flush();
            if (qrData == null) {
                return;
            }
            String payload = new String(qrData, StandardCharsets.UTF_8);
            BitMatrix matrix;
            try {
                matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.ERROR_CORRECTION, qrLevel, EncodeHintType.MARGIN, 0,
                                EncodeHintType.CHARACTER_SET, "UTF-8"));
            } catch (WriterException e) {
                // A real printer prints nothing for data it cannot encode.
                return;
            }
            qrPayloads.add(payload);
            int module = qrModule;
            int size = matrix.getWidth() * module;
            int x0 = xFor(size);
            int top = y;
            drawing.add(g -> {
                for (int my = 0; my < matrix.getHeight(); my++) {
                    for (int mx = 0; mx < matrix.getWidth(); mx++) {
                        if (matrix.get(mx, my)) {
                            g.fillRect(x0 + mx * module, top + my * module, module, module);
                        }
                    }
                }
            });
            y += size;
        }

        void raster(byte[] b, int off) {
            flush();
            int scale = b[off + 3] & 0x03;
            int bytesPerRow = (b[off + 4] & 0xFF) | (b[off + 5] & 0xFF) << 8;
            int rows = (b[off + 6] & 0xFF) | (b[off + 7] & 0xFF) << 8;
            int sx = (scale & 1) + 1;
            int sy = (scale >> 1) + 1;
            byte[] data = new byte[bytesPerRow * rows];
            System.arraycopy(b, off + 8, data, 0, data.length);
            int x0 = xFor(bytesPerRow * 8 * sx);
            int top = y;
            drawing.add(g -> {
                for (int row = 0; row < rows; row++) {
                    for (int col = 0; col < bytesPerRow * 8; col++) {
                        if ((data[row * bytesPerRow + col / 8] & (0x80 >> (col % 8))) != 0) {
                            g.fillRect(x0 + col * sx, top + row * sy, sx, sy);
                        }
                    }
                }
            });
            y += rows * sy;
        }
    }

    private DecodedTicket run(byte[] data) {
        Run run = new Run();
        int i = 0;
        while (i < data.length) {
            int length = EscPosTokenizer.length(data, i, data.length);
            if (length == EscPosTokenizer.INCOMPLETE) {
                break;
            }
            apply(run, data, i, length);
            i += length;
        }
        run.flush();
        return new DecodedTicket(run.lines, run.qrPayloads, run.cuts, paint(run));
    }

    private void apply(Run run, byte[] b, int off, int length) {
        int c = b[off] & 0xFF;
        if (length == 1) {
            switch (c) {
                case 0x0A -> run.printLine();
                case 0x09 -> run.tab();
                default -> {
                    if (c >= 0x20 && c != 0x7F) {
                        run.text(c);
                    }
                }
            }
            return;
        }
        int cmd = b[off + 1] & 0xFF;
        int n = length > 2 ? b[off + 2] & 0xFF : 0;
        if (c == 0x1B) {
            switch (cmd) {
                case '@' -> run.reset();
                case 'a' -> run.align = Align.ofCode(n);
                case 'E' -> run.bold = (n & 1) == 1;
                case '!' -> {
                    run.bold = (n & 0x08) != 0;
                    run.height = (n & 0x10) != 0 ? 2 : 1;
                    run.width = (n & 0x20) != 0 ? 2 : 1;
                }
                case 't' -> run.table = tableFor(PrinterProfile.charsetForCodePage(n, profile.charset()));
                case 'd' -> {
                    run.flush();
                    run.y += n * (PrinterProfile.CHAR_HEIGHT + LINE_SPACING);
                }
                case 'J' -> run.feedDots(n);
                default -> { }
            }
        } else if (c == 0x1D) {
            switch (cmd) {
                case '!' -> {
                    run.width = ((n >> 4) & 0x07) + 1;
                    run.height = (n & 0x07) + 1;
                }
                case 'V' -> run.cut(length == 4 ? b[off + 3] & 0xFF : 0);
                case 'v' -> run.raster(b, off);
                case '(' -> {
                    if (length >= 7 && b[off + 2] == 'k') {
                        qrFunction(run, b, off, length);
                    }
                }
                default -> { }
            }
        }
    }

    /** {@code GS ( k pL pH cn fn ...} with cn = 49 (QR code). */
    private static void qrFunction(Run run, byte[] b, int off, int length) {
        int cn = b[off + 5] & 0xFF;
        int fn = b[off + 6] & 0xFF;
        if (cn != 49) {
            return;
        }
        switch (fn) {
            case 67 -> run.qrModule = Math.max(1, Math.min(16, b[off + 7] & 0xFF));
            case 69 -> run.qrLevel = switch (b[off + 7] & 0xFF) {
                case 49 -> ErrorCorrectionLevel.M;
                case 50 -> ErrorCorrectionLevel.Q;
                case 51 -> ErrorCorrectionLevel.H;
                default -> ErrorCorrectionLevel.L;
            };
            case 80 -> {
                int start = off + 8;
                run.qrData = new byte[length - 8];
                System.arraycopy(b, start, run.qrData, 0, run.qrData.length);
            }
            case 81 -> run.printQr();
            default -> { }
        }
    }

    private BufferedImage paint(Run run) {
        int height = run.y + MARGIN_BOTTOM;
        BufferedImage image = new BufferedImage(profile.dotWidth(), height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            for (Consumer<Graphics2D> step : run.drawing) {
                step.accept(g);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Draws each glyph in its own cell, bottom-aligned on the line like a printer does. */
    private static void drawGlyphs(Graphics2D g, List<Glyph> glyphs, int x0, int top, int lineHeight) {
        Font plain = new Font(Font.MONOSPACED, Font.PLAIN, 1).deriveFont(FONT_SIZE);
        Font bold = plain.deriveFont(Font.BOLD);
        int x = x0;
        for (Glyph glyph : glyphs) {
            Font base = glyph.bold() ? bold : plain;
            Font font = base.deriveFont(AffineTransform.getScaleInstance(glyph.width(), glyph.height()));
            g.setFont(font);
            int cellHeight = PrinterProfile.CHAR_HEIGHT * glyph.height();
            float ascent = g.getFontMetrics(base).getAscent() * glyph.height();
            int cellTop = top + lineHeight - cellHeight;
            // Centre the glyph box in the cell; the font's ascent + descent is a little under 24 dots.
            float baseline = cellTop + ascent + (cellHeight - fontBox(g, base) * glyph.height()) / 2f;
            g.drawString(String.valueOf(glyph.c()), (float) x, baseline);
            x += glyph.width() * PrinterProfile.CHAR_WIDTH;
        }
    }

    private static float fontBox(Graphics2D g, Font font) {
        var metrics = g.getFontMetrics(font);
        return metrics.getAscent() + metrics.getDescent();
    }

    /** The 256 characters of a single-byte table, for decoding one byte at a time. */
    private static char[] tableFor(Charset charset) {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        char[] table = new char[256];
        String decoded = charset.decode(ByteBuffer.wrap(all)).toString();
        if (decoded.length() == 256) {
            decoded.getChars(0, 256, table, 0);
        } else {
            for (int i = 0; i < 256; i++) {
                table[i] = i < 0x80 ? (char) i : '?';
            }
        }
        return table;
    }
}
