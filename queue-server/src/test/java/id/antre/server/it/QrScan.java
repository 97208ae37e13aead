package id.antre.server.it;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads a QR code off a picture (a rendered ticket, a screenshot) as a phone would: at the
 * picture's size and, failing that, smaller. ZXing's detector alone misses a few perfectly drawn
 * codes at some module sizes (16 of 3,000 rendered tickets with random tracking tokens at full
 * size; none of another 3,000 once smaller sizes are tried too), which made a test fail now and
 * then.
 */
public final class QrScan {
  private static final double[] SCALES = {1, 0.5, 0.33, 0.25};
  private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
      DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

  private QrScan() {
  }

  /** The text of the QR code in the picture; fails when no size shows one. */
  public static String read(BufferedImage image) {
    for (double scale : SCALES) {
      try {
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
            new BufferedImageLuminanceSource(scaled(image, scale)))), HINTS).getText();
      } catch (ReaderException e) {
        // try the next size
      }
    }
    throw new AssertionError("no QR code readable in a " + image.getWidth() + "x" + image.getHeight() + " picture");
  }

  public static String read(byte[] png) {
    try {
      return read(ImageIO.read(new ByteArrayInputStream(png)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage scaled(BufferedImage image, double scale) {
    if (scale == 1) {
      return image;
    }
    int w = (int) (image.getWidth() * scale);
    int h = (int) (image.getHeight() * scale);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return out;
  }
}
