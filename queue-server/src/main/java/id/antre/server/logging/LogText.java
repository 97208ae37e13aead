package id.antre.server.logging;

/**
 * Text that came from outside (a reason typed by an officer, a print agent's detail, a path) made
 * safe for a log line: control characters are escaped, so nobody can end a line and forge the
 * next one, nor send terminal escapes to whoever reads the log; overlong text is cut.
 */
public final class LogText {
  static final int MAX = 200;

  private LogText() {
  }

  public static String safe(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 8);
    for (int i = 0; i < s.length() && out.length() < MAX; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (out.length() >= MAX && s.length() > MAX) {
      out.append("...");
    }
    return out.toString();
  }
}
