package id.antre.server.auth;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least {@link #MIN_LENGTH} characters, at most {@link #MAX_LENGTH},
 * not the user name (nor containing it), not one character repeated, and not one of the passwords
 * everyone tries first. A refusal is {@link ErrorCode#WEAK_PASSWORD} and never repeats the password.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;
  /** Lower-cased; the most used passwords of at least ten characters, and the hall's obvious ones. */
  static final Set<String> COMMON = Set.of("1234567890", "0123456789", "12345678910", "123456789a", "1234567890a",
      "qwertyuiop", "1q2w3e4r5t", "1qaz2wsx3edc", "qwerty1234", "qwerty12345", "password1", "password12",
      "password123", "password1234", "passw0rd123", "iloveyou12", "abcdefghij", "abcd123456", "abc1234567",
      "aaaaaaaaaa", "administrator", "admin12345", "admin123456", "adminadmin", "administrator1", "rahasia123",
      "rahasia1234", "katasandi123", "katasandi", "bismillah123", "indonesia123", "indonesia1", "jakarta123",
      "antre12345", "antrean123", "antrian123", "mpp12345678", "welcome123", "changeme123", "letmein123",
      "sayang12345", "superman123", "football123", "1111111111", "0000000000", "9876543210", "zxcvbnm123");

  private PasswordPolicy() {
  }

  /** Refuses a weak password with {@link ErrorCode#WEAK_PASSWORD} and a reason in both languages. */
  public static void check(String username, String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw weak("Kata sandi minimal " + MIN_LENGTH + " karakter (at least " + MIN_LENGTH + " characters)");
    }
    if (password.length() > MAX_LENGTH) {
      throw weak("Kata sandi maksimal " + MAX_LENGTH + " karakter (at most " + MAX_LENGTH + " characters)");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
      throw weak("Kata sandi tidak boleh memuat nama pengguna (must not contain the user name)");
    }
    if (lower.chars().distinct().count() < 4) {
      throw weak("Kata sandi terlalu sederhana (too few different characters)");
    }
    if (COMMON.contains(lower)) {
      throw weak("Kata sandi terlalu umum (a commonly used password)");
    }
  }

  private static QueueException weak(String detail) {
    return new QueueException(ErrorCode.WEAK_PASSWORD, detail);
  }
}
