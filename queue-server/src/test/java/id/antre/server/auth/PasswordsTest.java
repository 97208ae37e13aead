package id.antre.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PBKDF2 at full strength costs ~0.2 s a hash: this class hashes twice and verifies twice at full strength. */
class PasswordsTest {
  private static final String PASSWORD = "Rahasia-MPP-2026";
  private static String stored;

  @BeforeAll
  static void hashOnce() {
    stored = Passwords.hash(PASSWORD);
  }

  /** A stored hash with few iterations, built by hand, so that verifying it costs nothing. */
  private static String cheapHash(String password, int iterations) throws Exception {
    byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
    byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  @Test
  void theRightPasswordVerifies() {
    assertThat(Passwords.verify(PASSWORD, stored)).isTrue();
  }

  @Test
  void aWrongPasswordDoesNotVerify() {
    assertThat(Passwords.verify("rahasia-mpp-2026", stored)).isFalse();
  }

  @Test
  void theStoredHashNamesItsSchemeAndIterationsAndDoesNotContainThePassword() {
    assertThat(stored).startsWith("pbkdf2-sha256$" + Passwords.ITERATIONS + "$").doesNotContain(PASSWORD);
    assertThat(stored.split("\\$")).hasSize(4);
  }

  @Test
  void twoHashesOfTheSamePasswordDifferBecauseTheyAreSalted() {
    assertThat(Passwords.hash(PASSWORD)).isNotEqualTo(stored);
  }

  @Test
  void theIterationCountIsReadFromTheStoredHash() throws Exception {
    String legacy = cheapHash("lama", 1_000);

    assertThat(Passwords.verify("lama", legacy)).isTrue();
    assertThat(Passwords.verify("baru", legacy)).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "Rahasia-MPP-2026", "plain-text", "md5$1$c2FsdA$aGFzaA", "pbkdf2-sha256$1$c2FsdA",
      "pbkdf2-sha256$1$c2FsdA$aGFzaA$extra", "pbkdf2-sha1$1$c2FsdA$aGFzaA", "pbkdf2-sha256$1$c2FsdA$aGFzaA"})
  void aMalformedStoredHashNeverMatches(String malformed) {
    assertThat(Passwords.verify(PASSWORD, malformed)).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"pbkdf2-sha256$many$c2FsdA$aGFzaA", "pbkdf2-sha256$$c2FsdA$aGFzaA",
      "pbkdf2-sha256$0$c2FsdA$aGFzaA", "pbkdf2-sha256$-5$c2FsdA$aGFzaA", "pbkdf2-sha256$1$%%%$aGFzaA",
      "pbkdf2-sha256$1$c2FsdA$***", "pbkdf2-sha256$1$$aGFzaA"})
  void aStoredHashWithBrokenPartsNeverMatchesAndNeverThrows(String malformed) {
    Throwable t = catchThrowable(() -> assertThat(Passwords.verify(PASSWORD, malformed)).isFalse());

    assertThat(t).isNull();
  }
}
