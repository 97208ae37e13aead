package id.antre.server.api;

import java.net.URI;
import java.util.List;

/** The WebSocket origin check: a browser page may connect only from the server's own pages. */
final class Origins {
  private Origins() {
  }

  /**
   * @param origin    the Origin header, absent for non-browser clients (print agents, scripts)
   * @param authority the Host the client connected to
   */
  static boolean allowed(String origin, String authority, List<String> extra) {
    if (origin == null || extra.contains("*") || extra.contains(origin)) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      String host = uri.getHost();
      if (host == null || authority == null) {
        return false;
      }
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      String own = authority.contains(":") ? authority : authority + ":80";
      return own.equalsIgnoreCase(host + ":" + port);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
