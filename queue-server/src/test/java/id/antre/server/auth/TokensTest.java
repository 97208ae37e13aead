package id.antre.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.antre.server.auth.Actor.Role;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.it.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {
  private static final Instant START = Instant.parse("2026-11-30T01:00:00Z");
  private static final Duration LIFETIME = Duration.ofHours(10);
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Actor OFFICER = new Actor("petugas-dukcapil", Role.OFFICER, "DUKCAPIL");

  private final MutableClock clock = new MutableClock(START);
  private final Tokens tokens = new Tokens(SECRET, clock, LIFETIME);

  private static ErrorCode refusal(Tokens tokens, String token) {
    Throwable t = catchThrowable(() -> tokens.verify(token));
    assertThat(t).as("verify(%s)", token).isInstanceOf(QueueException.class);
    return ((QueueException) t).code();
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String unb64(String s) {
    return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
  }

  @Test
  void aTokenRoundTripsTheActor() {
    Tokens.Issued issued = tokens.issue(OFFICER);

    assertThat(tokens.verify(issued.token())).isEqualTo(OFFICER);
  }

  @Test
  void aTokenOfAnActorWithoutAgencyRoundTripsWithoutAgency() {
    Actor manager = new Actor("manager", Role.MANAGER, null);

    assertThat(tokens.verify(tokens.issue(manager).token())).isEqualTo(manager);
  }

  @Test
  void anIssuedTokenIsAUserTokenThatExpiresAfterTheLifetime() {
    Tokens.Issued issued = tokens.issue(OFFICER);

    assertThat(issued.token()).startsWith("u1.");
    assertThat(Tokens.isUserToken(issued.token())).isTrue();
    assertThat(issued.expiresAt()).isEqualTo(START.plus(LIFETIME));
    assertThat(issued.sessionId()).isNotBlank();
    assertThat(tokens.issue(OFFICER).sessionId()).as("each login is its own session").isNotEqualTo(issued.sessionId());
  }

  @Test
  void aDeviceTokenIsNotAUserToken() {
    String device = Tokens.newDeviceToken();

    assertThat(device).startsWith("d1.");
    assertThat(Tokens.isUserToken(device)).isFalse();
    assertThat(Tokens.sha256(device)).isEqualTo(Tokens.sha256(device)).isNotEqualTo(device);
  }

  @Test
  void aTokenIsValidUntilTheEndOfItsLifetime() {
    String token = tokens.issue(OFFICER).token();

    clock.advance(LIFETIME.minusSeconds(1));

    assertThat(tokens.verify(token)).isEqualTo(OFFICER);
  }

  @Test
  void pastItsLifetimeATokenIsExpired() {
    String token = tokens.issue(OFFICER).token();

    clock.advance(LIFETIME.plusSeconds(1));

    assertThat(refusal(tokens, token)).isEqualTo(ErrorCode.TOKEN_EXPIRED);
  }

  @Test
  void aTokenVerifiedBeforeStillExpiresAtTheEndOfItsLifetime() {
    String token = tokens.issue(OFFICER).token();
    assertThat(tokens.verify(token)).isEqualTo(OFFICER); // now known: the next uses skip the signature

    clock.advance(LIFETIME.minusSeconds(1));
    assertThat(tokens.verify(token)).isEqualTo(OFFICER);
    clock.advance(Duration.ofSeconds(2));

    assertThat(refusal(tokens, token)).isEqualTo(ErrorCode.TOKEN_EXPIRED);
    assertThat(refusal(tokens, token)).as("and stays expired").isEqualTo(ErrorCode.TOKEN_EXPIRED);
  }

  @Test
  void aForgeryOfATokenVerifiedBeforeIsStillUnauthenticated() {
    String token = tokens.issue(OFFICER).token();
    assertThat(tokens.verify(token)).isEqualTo(OFFICER);
    String[] parts = token.split("\\.");
    String[] fields = unb64(parts[1]).split("\\|", -1);
    fields[2] = b64("ADMIN");

    assertThat(refusal(tokens, "u1." + b64(String.join("|", fields)) + "." + parts[2]))
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(refusal(tokens, token + "x")).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aTokenKnownToOneSecretIsUnauthenticatedUnderAnother() {
    String token = tokens.issue(OFFICER).token();
    assertThat(tokens.verify(token)).isEqualTo(OFFICER);
    Tokens rotated = new Tokens("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII), clock, LIFETIME);

    assertThat(refusal(rotated, token)).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aPayloadChangedToAnotherRoleIsUnauthenticated() {
    String[] parts = tokens.issue(OFFICER).token().split("\\.");
    String[] fields = unb64(parts[1]).split("\\|", -1);
    assertThat(unb64(fields[2])).isEqualTo("OFFICER");
    fields[2] = b64("ADMIN");
    String forged = "u1." + b64(String.join("|", fields)) + "." + parts[2];

    assertThat(forged).isNotEqualTo(String.join(".", parts));
    assertThat(refusal(tokens, forged)).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aPayloadWithALaterExpiryIsUnauthenticatedEvenAfterTheRealExpiry() {
    String[] parts = tokens.issue(OFFICER).token().split("\\.");
    String payload = unb64(parts[1]);
    String extended = payload.substring(0, payload.lastIndexOf('|') + 1) + START.plus(Duration.ofDays(365)).getEpochSecond();
    String forged = "u1." + b64(extended) + "." + parts[2];

    clock.advance(LIFETIME.plusHours(1));

    assertThat(refusal(tokens, forged)).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aChangedSignatureIsUnauthenticated() {
    String token = tokens.issue(OFFICER).token();
    char last = token.charAt(token.length() - 1);
    String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(refusal(tokens, forged)).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(refusal(tokens, token.substring(0, token.lastIndexOf('.') + 1))).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aTokenSignedWithAnotherSecretIsUnauthenticated() {
    byte[] otherSecret = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    String token = new Tokens(otherSecret, clock, LIFETIME).issue(OFFICER).token();

    assertThat(refusal(tokens, token)).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"u1", "u1.", "u1..", "u1...", "u1.a.b", "u1.a.b.c", "x1.a.b", "d1.abc", "Bearer u1.a.b",
      "u1.!!!.***", "u1.\u00fc\u00df.\u0000", "u1.=.=", "....", "u1.%s.%s", "\ud83d\ude00"})
  void garbageIsUnauthenticatedAndNeverAnotherError(String garbage) {
    assertThat(refusal(tokens, garbage)).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aSignedPayloadThatIsNotATokenPayloadIsUnauthenticated() {
    String other = b64("only|three|fields");
    String signedWithoutCheckingShape = "u1." + other + "." + signature(other);

    assertThat(refusal(tokens, signedWithoutCheckingShape)).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  /** HMAC-SHA256 with the same secret, as Tokens signs: stands in for a payload of another shape. */
  private static String signature(String body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aNameContainingTheFieldSeparatorCannotChangeTheRoleInTheToken() {
    Actor sneaky = new Actor("x|ADMIN||4102444800", Role.OFFICER, "DUKCAPIL");
    String token = tokens.issue(sneaky).token();

    Throwable refused = catchThrowable(() -> tokens.verify(token));

    if (refused == null) {
      assertThat(tokens.verify(token)).isEqualTo(sneaky);
    } else {
      assertThat(refused).as("refusing such a name is fine, cleanly").isInstanceOf(QueueException.class);
    }
  }
}
