package id.antre.server.queue;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import io.vertx.core.Future;

/** The refusals the application services share, worded once. */
final class Refusals {
  private Refusals() {
  }

  static QueueException noCurrent() {
    return new QueueException(ErrorCode.NO_CURRENT_TICKET, "Tidak ada tiket yang sedang dipanggil (no current ticket)");
  }

  static QueueException concurrent() {
    return new QueueException(ErrorCode.CONFLICT, "Tiket baru saja diubah di tempat lain, muat ulang (changed concurrently)");
  }

  static QueueException counterChanged() {
    return new QueueException(ErrorCode.CONFLICT,
        "Loket baru saja diubah di tempat lain, tekan sekali lagi (the counter changed meanwhile: press again)");
  }

  static QueueException unknownService(String code) {
    return new QueueException(ErrorCode.UNKNOWN_SERVICE, "Layanan tidak dikenal: " + code);
  }

  static QueueException unknownTicket() {
    return new QueueException(ErrorCode.UNKNOWN_TICKET, "Tiket tidak ditemukan (no such ticket)");
  }

  static <T> Future<T> forbidden(String detail) {
    return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, detail));
  }

  static <T> Future<T> invalid(String detail) {
    return Future.failedFuture(new QueueException(ErrorCode.INVALID_REQUEST, detail));
  }
}
