package id.antre.server.domain;

import java.util.Optional;

/**
 * An Indonesian phone number as visitors type it ({@code 0812-3456-7890}, {@code 62812...},
 * {@code +62 812 ...}), normalised to {@code +62812...}: 9 to 13 digits after the country code,
 * the first not 0. Shown only masked, {@code +62812****7890}.
 */
public final class PhoneNumber {
  private PhoneNumber() {
  }

  /** The number as {@code +62...}; empty when it is not an Indonesian number. */
  public static Optional<String> normalised(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String s = typed.strip().replaceAll("[ ()./-]", "");
    String national;
    if (s.startsWith("+62")) {
      national = s.substring(3);
    } else if (s.startsWith("62")) {
      national = s.substring(2);
    } else if (s.startsWith("0")) {
      national = s.substring(1);
    } else {
      return Optional.empty();
    }
    if (!national.matches("[1-9][0-9]{8,12}")) {
      return Optional.empty();
    }
    return Optional.of("+62" + national);
  }

  /** The country code and three digits, the last four: {@code +62812****7890}. */
  public static String masked(String normalised) {
    int keepStart = 6;
    int keepEnd = 4;
    return normalised.substring(0, keepStart) + "*".repeat(Math.max(0, normalised.length() - keepStart - keepEnd))
        + normalised.substring(normalised.length() - keepEnd);
  }
}
