package id.antre.server.api;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What every request passes first: the path and query are refused when they decode to control
 * characters (a NUL would otherwise reach PostgreSQL and fail there), and every answer, page or
 * API, carries the security headers.
 */
final class Edge {
  /**
   * Pages load their scripts, styles, clips and images from this server only; QR codes are
   * drawn as data: images and the managers' ticket preview is a blob: image (fetched with the
   * bearer token); the live feed is a WebSocket back to the same host; no page may be
   * framed by another site.
   */
  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "media-src 'self'",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  /** Kiosks and phones carry tokens in their addresses: no page tells another site where it was. */
  static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Frame-Options", "DENY",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer");

  private Edge() {
  }

  static void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    HEADERS.forEach(response::putHeader);
    String bad = refusal(ctx);
    if (bad != null) {
      ctx.fail(new QueueException(ErrorCode.INVALID_REQUEST, bad));
      return;
    }
    ctx.next();
  }

  /** Why the request line is refused, or null. */
  static String refusal(RoutingContext ctx) {
    String path = ctx.request().path();
    String decoded;
    try {
      decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "the path is not valid percent-encoding";
    }
    if (hasControl(decoded)) {
      return "the path contains control characters";
    }
    String query = ctx.request().query();
    if (query != null) {
      try {
        if (hasControl(URLDecoder.decode(query, StandardCharsets.UTF_8))) {
          return "the query contains control characters";
        }
      } catch (IllegalArgumentException e) {
        return "the query is not valid percent-encoding";
      }
    }
    return null;
  }

  /** C0 and C1 control characters and DEL. */
  static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
