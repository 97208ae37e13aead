package id.antre.server.announce;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers as spoken in Bahasa Indonesia, both as text ("dua belas") and as the clip names a
 * display chains to say them (["dua", "belas"]). The words and the clips come from one place, so
 * what the screen's text says and what the loudspeaker says cannot drift apart.
 *
 * <p>The "se-" forms (sepuluh, sebelas, seratus, seribu) are single words and single clips: they
 * are not "satu puluh" etc., and a visitor would hear the difference.
 */
public final class IndonesianNumbers {
  /** The largest number {@link #words} and {@link #tokens} can say: "sembilan ratus ... ribu ...". */
  public static final int MAX = 999_999;

  private static final String[] UNITS =
      {"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"};

  /** Every token {@link #tokens} and {@link #digitTokens} can produce, in a stable order. */
  static final List<String> VOCABULARY = List.of(
      "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
      "sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus", "seribu", "ribu");

  private IndonesianNumbers() {
  }

  /** The cardinal in words: 0 "nol", 12 "dua belas", 112 "seratus dua belas", 1000 "seribu". */
  public static String words(int n) {
    return String.join(" ", tokens(n));
  }

  /**
   * The cardinal as clip names: 11 ["sebelas"], 21 ["dua", "puluh", "satu"], 112 ["seratus", "dua", "belas"].
   *
   * @throws IllegalArgumentException outside 0..{@link #MAX}
   */
  public static List<String> tokens(int n) {
    if (n < 0 || n > MAX) {
      throw new IllegalArgumentException("can only say 0.." + MAX + ": " + n);
    }
    if (n == 0) {
      return List.of("nol");
    }
    List<String> out = new ArrayList<>();
    int thousands = n / 1000;
    if (thousands == 1) {
      out.add("seribu");
    } else if (thousands > 1) {
      below1000(thousands, out);
      out.add("ribu");
    }
    below1000(n % 1000, out);
    return List.copyOf(out);
  }

  /** Reads a string of digits one by one: "001" gives "nol nol satu". */
  public static String digits(String digits) {
    return String.join(" ", digitTokens(digits));
  }

  /**
   * The digits as clip names: "105" gives ["satu", "nol", "lima"].
   *
   * @throws IllegalArgumentException when empty or holding anything but ASCII digits
   */
  public static List<String> digitTokens(String digits) {
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("no digits to read");
    }
    List<String> out = new ArrayList<>(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit at " + i + ": '" + digits + "'");
      }
      out.add(UNITS[c - '0']);
    }
    return List.copyOf(out);
  }

  /** 1..999 appended to out; 0 appends nothing (it is only said on its own). */
  private static void below1000(int n, List<String> out) {
    int hundreds = n / 100;
    int rest = n % 100;
    if (hundreds == 1) {
      out.add("seratus");
    } else if (hundreds > 1) {
      out.add(UNITS[hundreds]);
      out.add("ratus");
    }
    if (rest == 0) {
      return;
    }
    if (rest < 10) {
      out.add(UNITS[rest]);
    } else if (rest == 10) {
      out.add("sepuluh");
    } else if (rest == 11) {
      out.add("sebelas");
    } else if (rest < 20) {
      out.add(UNITS[rest - 10]);
      out.add("belas");
    } else {
      out.add(UNITS[rest / 10]);
      out.add("puluh");
      if (rest % 10 != 0) {
        out.add(UNITS[rest % 10]);
      }
    }
  }
}
