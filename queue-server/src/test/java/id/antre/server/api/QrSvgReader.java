package id.antre.server.api;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the QR codes that {@link TicketQr} draws: redraws the SVG's rectangles as pixels and lets
 * ZXing decode them, as a phone would.
 */
public final class QrSvgReader {
  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern PATH = Pattern.compile("<path d=\"([^\"]*)\"");
  private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
  private static final int SCALE = 8;

  private QrSvgReader() {
  }

  /** The image the SVG shows, SCALE pixels per module. */
  public static BufferedImage draw(String svg) {
    Matcher box = VIEW_BOX.matcher(svg);
    Matcher path = PATH.matcher(svg);
    if (!box.find() || !path.find()) {
      throw new AssertionError("not a QR SVG: " + svg);
    }
    int size = Integer.parseInt(box.group(1));
    BufferedImage image = new BufferedImage(size * SCALE, size * SCALE, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    String d = path.group(1);
    Matcher run = RUN.matcher(d);
    int end = 0;
    while (run.find()) {
      if (run.start() != end || !run.group(3).equals(run.group(4))) {
        throw new AssertionError("unexpected path data at " + end + ": " + d);
      }
      end = run.end();
      g.fillRect(Integer.parseInt(run.group(1)) * SCALE, Integer.parseInt(run.group(2)) * SCALE,
          Integer.parseInt(run.group(3)) * SCALE, SCALE);
    }
    if (end != d.length()) {
      throw new AssertionError("unexpected path data at " + end + ": " + d);
    }
    g.dispose();
    return image;
  }

  /** The text of the QR code in the SVG. */
  public static String decode(String svg) {
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(draw(svg))));
    try {
      return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    } catch (NotFoundException | ChecksumException | FormatException e) {
      throw new AssertionError("the QR code does not decode", e);
    }
  }
}
