package id.antre.server.api;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;

/** A request refused by a rate limit: 429 RATE_LIMITED with a Retry-After. */
final class Throttled extends QueueException {
  final long retryAfterSeconds;

  Throttled(long retryAfterSeconds) {
    super(ErrorCode.RATE_LIMITED, "Terlalu banyak permintaan, coba lagi dalam " + retryAfterSeconds
        + " detik (too many requests, retry in " + retryAfterSeconds + " s)");
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
