package id.antre.server.view;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.queue.Failures;
import io.vertx.core.json.JsonObject;

/**
 * The one mapping of failures to what a client is told: a failure (through {@link Failures}) to
 * an error code and detail, and an error code to an HTTP status and problem+json body or to a
 * WebSocket error frame.
 */
public final class Problems {
  public static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {
  }

  public static int status(ErrorCode code) {
    return switch (code) {
      case INVALID_REQUEST, WEAK_PASSWORD, INVALID_CONFIG, INVALID_NIK, INVALID_PHONE, INVALID_DAY, INVALID_SLOT -> 400;
      case UNAUTHENTICATED, TOKEN_EXPIRED -> 401;
      case FORBIDDEN, WRONG_PASSWORD -> 403;
      case UNKNOWN_SERVICE, UNKNOWN_COUNTER, UNKNOWN_TICKET, NOT_FOUND, UNKNOWN_AGENCY, UNKNOWN_ZONE, UNKNOWN_KIOSK,
          UNKNOWN_BOOKING -> 404;
      case QUOTA_EXHAUSTED, SERVICE_CLOSED, INVALID_TRANSITION, COUNTER_NOT_OPEN, COUNTER_BUSY, NO_CURRENT_TICKET,
          CONFLICT, REQUEST_ID_REUSED, SURVEY_EXISTS, LAST_ADMIN, USER_EXISTS, DEVICE_EXISTS, CONFIG_CONFLICT,
          CONFIG_IN_USE, SLOT_FULL, ALREADY_BOOKED, BOOKING_CLOSED, CHECK_IN_WINDOW, BOOKING_NOT_ACTIVE -> 409;
      case PAYLOAD_TOO_LARGE -> 413;
      case RATE_LIMITED -> 429;
      case UNAVAILABLE -> 503;
      case INTERNAL -> 500;
    };
  }

  public static String title(ErrorCode code) {
    return switch (code) {
      case INVALID_REQUEST -> "Permintaan tidak valid";
      case INVALID_NIK -> "NIK tidak valid";
      case INVALID_PHONE -> "Nomor HP tidak valid";
      case INVALID_DAY -> "Tanggal tidak valid";
      case INVALID_SLOT -> "Jam kunjungan tidak valid";
      case UNKNOWN_BOOKING -> "Kode booking tidak ditemukan";
      case SLOT_FULL -> "Jam kunjungan penuh";
      case ALREADY_BOOKED -> "NIK sudah terdaftar";
      case BOOKING_CLOSED -> "Pendaftaran online tidak dibuka";
      case CHECK_IN_WINDOW -> "Di luar waktu check-in";
      case BOOKING_NOT_ACTIVE -> "Booking tidak aktif";
      case PAYLOAD_TOO_LARGE -> "Permintaan terlalu besar";
      case UNAUTHENTICATED -> "Perlu masuk";
      case TOKEN_EXPIRED -> "Sesi berakhir";
      case FORBIDDEN -> "Tidak diizinkan";
      case UNKNOWN_SERVICE -> "Layanan tidak dikenal";
      case UNKNOWN_COUNTER -> "Loket tidak dikenal";
      case UNKNOWN_TICKET -> "Tiket tidak ditemukan";
      case NOT_FOUND -> "Tidak ditemukan";
      case QUOTA_EXHAUSTED -> "Kuota habis";
      case SERVICE_CLOSED -> "Layanan tutup";
      case INVALID_TRANSITION -> "Tindakan tidak sesuai status tiket";
      case COUNTER_NOT_OPEN -> "Loket belum dibuka";
      case COUNTER_BUSY -> "Loket masih melayani";
      case NO_CURRENT_TICKET -> "Tidak ada tiket aktif";
      case CONFLICT -> "Perubahan bersamaan";
      case REQUEST_ID_REUSED -> "requestId sudah dipakai";
      case SURVEY_EXISTS -> "Survei sudah diisi";
      case WEAK_PASSWORD -> "Kata sandi terlalu lemah";
      case WRONG_PASSWORD -> "Kata sandi lama salah";
      case UNKNOWN_AGENCY -> "Instansi tidak dikenal";
      case UNKNOWN_ZONE -> "Zona tidak dikenal";
      case UNKNOWN_KIOSK -> "Anjungan tidak dikenal";
      case LAST_ADMIN -> "Admin aktif terakhir";
      case USER_EXISTS -> "Pengguna sudah ada";
      case DEVICE_EXISTS -> "Perangkat sudah ada";
      case INVALID_CONFIG -> "Konfigurasi tidak valid";
      case CONFIG_CONFLICT -> "Konfigurasi sudah diubah orang lain";
      case CONFIG_IN_USE -> "Masih dipakai";
      case RATE_LIMITED -> "Terlalu banyak permintaan";
      case UNAVAILABLE -> "Layanan server belum siap";
      case INTERNAL -> "Kesalahan server";
    };
  }

  public static JsonObject body(ErrorCode code, String detail, String instance) {
    return body(code, detail, instance, java.util.Map.of());
  }

  /** The body with the refusal's further fields (e.g. a check-in window's times). */
  public static JsonObject body(ErrorCode code, String detail, String instance, java.util.Map<String, String> extras) {
    JsonObject j = new JsonObject();
    extras.forEach(j::put);
    return j
        .put("type", "https://antre.id/problems/" + code.name().toLowerCase().replace('_', '-'))
        .put("title", title(code))
        .put("status", status(code))
        .put("detail", detail == null || detail.isBlank() ? title(code) : detail)
        .put("code", code.name())
        .put("instance", instance);
  }

  /** What a failure stands for; INTERNAL (with no detail) for a bug, which the caller logs. */
  public static QueueException of(Throwable err) {
    return Failures.classify(err).orElseGet(() -> new QueueException(ErrorCode.INTERNAL, null));
  }

  /** The WebSocket error frame. */
  public static String frame(ErrorCode code, String detail) {
    return new JsonObject().put("type", "error").put("code", code.name())
        .put("detail", detail == null || detail.isBlank() ? title(code) : detail).encode();
  }
}
