package id.antre.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.persistence.AdminStore;
import org.junit.jupiter.api.Test;

/** The rules of a user change, before anything is written. */
class AccountsTest {
  static final AdminStore.User ADMIN = new AdminStore.User("admin", "admin", null, "Admin", true, null);
  static final AdminStore.User OFFICER = new AdminStore.User("rina", "officer", "DUKCAPIL", "Rina", true, null);

  static Accounts.Change role(String role) {
    return new Accounts.Change(role, null, false, null, null, null);
  }

  static ErrorCode refusal(Runnable r) {
    try {
      r.run();
    } catch (QueueException e) {
      return e.code();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void anOfficerKeepsTheirAgencyAsSupervisorAndLosesItAsManager() {
    assertThat(Accounts.next(OFFICER, role("supervisor"), 1).agency()).isEqualTo("DUKCAPIL");
    assertThat(Accounts.next(OFFICER, role("manager"), 1).agency()).isNull();
    assertThat(Accounts.next(OFFICER, new Accounts.Change(null, "POLRES", true, null, null, null), 1).agency())
        .isEqualTo("POLRES");
  }

  @Test
  void agenciesExactlyForSupervisorsAndOfficers() {
    assertThat(refusal(() -> Accounts.next(ADMIN, role("officer"), 1))).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(refusal(() -> Accounts.next(OFFICER, new Accounts.Change(null, null, true, null, null, null), 1)))
        .isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(refusal(() -> Accounts.next(ADMIN, new Accounts.Change(null, "DUKCAPIL", true, null, null, null), 1)))
        .isEqualTo(ErrorCode.INVALID_REQUEST);
  }

  @Test
  void theLastActiveAdminStays() {
    assertThat(refusal(() -> Accounts.next(ADMIN, role("manager"), 0))).isEqualTo(ErrorCode.LAST_ADMIN);
    assertThat(refusal(() -> Accounts.next(ADMIN, new Accounts.Change(null, null, false, false, null, null), 0)))
        .isEqualTo(ErrorCode.LAST_ADMIN);
    assertThat(Accounts.next(ADMIN, role("manager"), 1).role()).isEqualTo("manager");
    // a disabled admin may be changed freely
    AdminStore.User disabled = new AdminStore.User("lama", "admin", null, "Lama", false, null);
    assertThat(Accounts.next(disabled, role("manager"), 0).role()).isEqualTo("manager");
    assertThatThrownBy(() -> Accounts.role("raja", null)).isInstanceOf(QueueException.class);
  }
}
