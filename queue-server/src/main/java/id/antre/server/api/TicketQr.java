package id.antre.server.api;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.regex.Pattern;

/**
 * The QR code of a ticket's tracking address as SVG, for the kiosk's screen. Level M survives a
 * scuffed or glare-covered photo of the screen and keeps a tracking URL at version 4-5, whose
 * modules stay large enough to scan from arm's length. One unit of the view box is one module, with
 * the standard 4-module quiet zone, so the browser scales it without blurring.
 */
final class TicketQr {
  static final String CONTENT_TYPE = "image/svg+xml; charset=utf-8";
  static final int QUIET_ZONE = 4;
  /** Longer addresses make modules too small to scan from a screen (and past ~2,300 do not fit at all). */
  static final int MAX_TEXT = 300;
  /** What Tokens.randomId makes (URL-safe base64), with room to spare; anything else is refused unseen. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  private TicketQr() {
  }

  static boolean wellFormedToken(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  /** The SVG document of text as a QR code; text is a tracking URL, so it is ASCII and short. */
  static String svg(String text) {
    ByteMatrix modules;
    try {
      // no character set hint: it would add an ECI segment that some phone readers stumble on
      modules = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
    } catch (WriterException e) {
      throw new IllegalArgumentException("text does not fit in a QR code", e);
    }
    int n = modules.getWidth();
    int size = n + 2 * QUIET_ZONE;
    StringBuilder path = new StringBuilder(n * n);
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        if (modules.get(x, y) != 1) {
          continue;
        }
        int run = 1;
        while (x + run < n && modules.get(x + run, y) == 1) {
          run++;
        }
        // one rectangle per horizontal run of dark modules
        path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
            .append('h').append(run).append("v1h-").append(run).append('z');
        x += run - 1;
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
        + "\" shape-rendering=\"crispEdges\">"
        + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
        + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
  }
}
