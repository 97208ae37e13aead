package id.antre.printer.escpos;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Conversions between images and the 1-bit rows of {@code GS v 0}. */
final class Raster {

    private Raster() {
    }

    static BufferedImage scaleToWidth(BufferedImage image, int width) {
        int height = Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    /** Rows of {@code ceil(width / 8)} bytes, most significant bit leftmost, 1 = black. */
    static byte[] pack(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int bytesPerRow = (width + 7) / 8;
        byte[] data = new byte[bytesPerRow * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (isDark(image.getRGB(x, y))) {
                    data[y * bytesPerRow + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return data;
    }

    private static boolean isDark(int argb) {
        int alpha = argb >>> 24;
        if (alpha < 128) {
            return false;
        }
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        int luminance = (r * 299 + g * 587 + b * 114) / 1000;
        return luminance < 128;
    }
}
