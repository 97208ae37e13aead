package id.antre.server.realtime;

import id.antre.server.auth.Tokens;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One print agent per kiosk: the newest connection, as this gateway knows it from the claims that
 * agents' subscriptions publish cluster-wide. Claims are ordered by subscription time, then id, so
 * every node agrees on the newest whatever order the claims arrive in. Used on one event loop.
 */
final class AgentClaims {
  private final Map<String, Claim> newest = new HashMap<>();

  /** A print agent connection and when it subscribed, in epoch microseconds. */
  record Claim(long at, String id) implements Comparable<Claim> {
    @Override
    public int compareTo(Claim o) {
      return at != o.at ? Long.compare(at, o.at) : id.compareTo(o.id);
    }

    /** Sorts as the claims do, as text: the stored printer state keeps the newest connection's reports. */
    String key() {
      return String.format("%019d-%s", at, id);
    }

    JsonObject json(String kiosk) {
      return new JsonObject().put("kiosk", kiosk).put("at", at).put("id", id);
    }

    static Claim of(JsonObject json) {
      return new Claim(json.getLong("at"), json.getString("id"));
    }
  }

  /** A claim for a connection subscribing now: newer than any this gateway knows for the kiosk. */
  Claim next(String kiosk) {
    // microseconds: two agents subscribing on two nodes in the same millisecond still get an order
    Instant now = Instant.now();
    long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    Claim known = newest.get(kiosk);
    return new Claim(Math.max(micros, known == null ? 0 : known.at() + 1), Tokens.randomId(9));
  }

  /** Records a claim heard; false when a newer one of the kiosk is already known. */
  boolean heard(String kiosk, Claim claim) {
    Claim known = newest.get(kiosk);
    if (known != null && known.compareTo(claim) > 0) {
      return false;
    }
    newest.put(kiosk, claim);
    return true;
  }

  boolean isNewest(String kiosk, Claim claim) {
    return claim.equals(newest.get(kiosk));
  }

  void forget(String kiosk, Claim claim) {
    newest.remove(kiosk, claim);
  }
}
