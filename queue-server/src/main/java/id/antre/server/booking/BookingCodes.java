package id.antre.server.booking;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Booking codes: 8 symbols of an alphabet without 0/O and 1/I (read aloud, typed on a kiosk or
 * scanned), drawn at random, so 32^8 (about 10^12) codes and no order to guess; the rate limits
 * keep a guesser far from finding one.
 */
public final class BookingCodes {
  static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final int LENGTH = 8;
  private static final Pattern CODE = Pattern.compile("[2-9A-HJ-NP-Z]{" + LENGTH + "}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private BookingCodes() {
  }

  public static String next() {
    char[] c = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(c);
  }

  /** A code as typed or scanned ("k7qm-3xpa", with spaces): upper case, separators dropped; empty if it cannot be one. */
  public static Optional<String> read(String typed) {
    if (typed == null || typed.length() > 32) {
      return Optional.empty();
    }
    String s = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return CODE.matcher(s).matches() ? Optional.of(s) : Optional.empty();
  }
}
