package id.antre.server.auth;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens for signed-in users: {@code u1.<payload>.<hmac>} where the payload carries the
 * session id, user, role, agency and expiry. They are checked without a database round trip;
 * the secret is stored in the hall row so every node and every restart accepts them.
 * Device tokens ({@code d1.<random>}) are looked up by their SHA-256 hash instead.
 */
public final class Tokens {
  /** One generator per thread: a shared SecureRandom serialises every issuing thread on its lock. */
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  });

  private final byte[] secret;
  /** One keyed MAC per thread: looking the algorithm up and keying it took longer than signing. */
  private final ThreadLocal<Mac> mac;
  private final Clock clock;
  private final Duration lifetime;
  /**
   * Tokens already verified, with their claims: a signed-in terminal sends the same token with
   * every press, and checking its HMAC and decoding it each time was 5 % of a call-next's CPU.
   * Only genuine tokens get here (a forged one fails its signature first); expiry is still checked
   * on every use, and revocation is the caller's ({@code AuthService}) on every use as before.
   */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  static final int VERIFIED_MAX = 10_000;

  public Tokens(byte[] secret, Clock clock, Duration lifetime) {
    this.secret = secret.clone();
    this.mac = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(this.secret, "HmacSHA256"));
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A token issued at login. */
  public record Issued(String token, String sessionId, Instant expiresAt) {
  }

  public Issued issue(Actor actor) {
    String session = randomId(12);
    Instant expires = clock.instant().plus(lifetime);
    // each field is encoded on its own, so no user name can smuggle in a separator
    String payload = String.join("|", field(session), field(actor.name()), field(actor.role().name()),
        field(actor.agency() == null ? "" : actor.agency()), field(Long.toString(expires.getEpochSecond())));
    String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return new Issued("u1." + body + "." + sign(body), session, expires);
  }

  public static boolean isUserToken(String token) {
    return token.startsWith("u1.");
  }

  /** What a valid user token says: its session and who signed in. */
  public record Claims(String sessionId, Actor actor) {
  }

  /** The actor of a valid user token; UNAUTHENTICATED when forged, TOKEN_EXPIRED when old. */
  public Actor verify(String token) {
    return claims(token).actor();
  }

  /** The claims of a valid user token; UNAUTHENTICATED when forged, TOKEN_EXPIRED when old. */
  public Claims claims(String token) {
    Verified known = token == null ? null : verified.get(token);
    if (known != null) {
      if (known.expired(clock.instant())) {
        verified.remove(token);
        throw expired();
      }
      return known.claims();
    }
    try {
      return parse(token);
    } catch (RuntimeException e) {
      if (e instanceof QueueException q) {
        throw q;
      }
      throw new QueueException(ErrorCode.UNAUTHENTICATED, "Token tidak sah (invalid token)");
    }
  }

  private Claims parse(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3 || !parts[0].equals("u1")
        || !MessageDigest.isEqual(sign(parts[1]).getBytes(StandardCharsets.US_ASCII),
            parts[2].getBytes(StandardCharsets.US_ASCII))) {
      throw new QueueException(ErrorCode.UNAUTHENTICATED, "Token tidak sah (invalid token)");
    }
    String[] f = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8).split("\\|", -1);
    for (int i = 0; i < f.length; i++) {
      f[i] = new String(B64D.decode(f[i]), StandardCharsets.UTF_8);
    }
    Actor actor = new Actor(f[1], Actor.Role.valueOf(f[2]), f[3].isEmpty() ? null : f[3]);
    Verified v = new Verified(new Claims(f[0], actor), Instant.ofEpochSecond(Long.parseLong(f[4])));
    if (v.expired(clock.instant())) {
      throw expired();
    }
    if (verified.size() >= VERIFIED_MAX) {
      verified.clear(); // a day's sign-ins are far fewer; this only bounds it
    }
    verified.put(token, v);
    return v.claims();
  }

  private static QueueException expired() {
    return new QueueException(ErrorCode.TOKEN_EXPIRED, "Sesi berakhir, silakan masuk lagi (token expired)");
  }

  private record Verified(Claims claims, Instant expires) {
    boolean expired(Instant now) {
      return expires.isBefore(now);
    }
  }

  public static String newDeviceToken() {
    return "d1." + randomId(24);
  }

  /** A device token derived from a secret and the device id (demo mode only). */
  public static String derivedDeviceToken(String secret, String deviceId) {
    return "d1." + sha256("antre-demo-device:" + deviceId + ":" + secret).substring(0, 32);
  }

  public static String sha256(String s) {
    return B64.encodeToString(SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  public static String randomId(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.get().nextBytes(b);
    return B64.encodeToString(b);
  }

  public static byte[] newSecret() {
    byte[] b = new byte[32];
    RANDOM.get().nextBytes(b);
    return b;
  }

  private static String field(String s) {
    return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private String sign(String body) {
    return B64.encodeToString(mac.get().doFinal(body.getBytes(StandardCharsets.US_ASCII)));
  }
}
