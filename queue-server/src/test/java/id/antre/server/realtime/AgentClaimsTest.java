package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentClaimsTest {
  final AgentClaims claims = new AgentClaims();

  @Test
  void theNewestClaimOfAKioskWinsWhateverOrderTheClaimsArriveIn() {
    AgentClaims.Claim older = new AgentClaims.Claim(1_000, "a");
    AgentClaims.Claim newer = new AgentClaims.Claim(2_000, "b");
    assertThat(claims.heard("kiosk-1", newer)).isTrue();
    assertThat(claims.heard("kiosk-1", older)).isFalse();
    assertThat(claims.isNewest("kiosk-1", newer)).isTrue();

    AgentClaims elsewhere = new AgentClaims();
    assertThat(elsewhere.heard("kiosk-1", older)).isTrue();
    assertThat(elsewhere.heard("kiosk-1", newer)).isTrue();
    assertThat(elsewhere.isNewest("kiosk-1", newer)).isTrue();
  }

  @Test
  void aNewClaimIsNewerThanAnyKnownAndItsKeySortsAsTheClaimsDo() {
    AgentClaims.Claim future = new AgentClaims.Claim(Long.MAX_VALUE / 2, "z");
    claims.heard("kiosk-1", future);
    AgentClaims.Claim next = claims.next("kiosk-1");
    assertThat(next).isGreaterThan(future);
    assertThat(next.key()).isGreaterThan(future.key());
    AgentClaims.Claim tie = new AgentClaims.Claim(next.at(), "0");
    assertThat(tie.compareTo(next) < 0).isEqualTo(tie.key().compareTo(next.key()) < 0);
  }

  @Test
  void aForgottenClaimLeavesANewerOneInPlace() {
    AgentClaims.Claim first = claims.next("kiosk-1");
    claims.heard("kiosk-1", first);
    AgentClaims.Claim second = claims.next("kiosk-1");
    claims.heard("kiosk-1", second);
    claims.forget("kiosk-1", first);
    assertThat(claims.isNewest("kiosk-1", second)).isTrue();
    claims.forget("kiosk-1", second);
    assertThat(claims.isNewest("kiosk-1", second)).isFalse();
  }
}
