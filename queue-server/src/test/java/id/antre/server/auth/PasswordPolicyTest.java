package id.antre.server.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  static void weak(String user, String password) {
    assertThatThrownBy(() -> PasswordPolicy.check(user, password)).isInstanceOf(QueueException.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((QueueException) e).code())
            .isEqualTo(ErrorCode.WEAK_PASSWORD))
        .message().doesNotContain(password == null ? "\u0000" : password);
  }

  @Test
  void refusesShortNamedRepetitiveAndCommonPasswords() {
    weak("rina", null);
    weak("rina", "Pendek-1");
    weak("rina", "x".repeat(201));
    weak("rina", "Bu-RINA-loket-3");
    weak("rina", "abababababab");
    weak("rina", "Password123");
    weak("rina", "1234567890");
  }

  @Test
  void acceptsALongUnusualOne() {
    assertThatCode(() -> PasswordPolicy.check("rina", "Loket-Tiga-Pagi-2026")).doesNotThrowAnyException();
    assertThatCode(() -> PasswordPolicy.check("rina", "kuda laut berenang")).doesNotThrowAnyException();
  }
}
