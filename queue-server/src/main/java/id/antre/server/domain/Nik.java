package id.antre.server.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The Nomor Induk Kependudukan as far as it can be checked without the civil registry: 16
 * digits; a province code 11-94 (digits 1-2); the birth date DDMMYY in digits 7-12, with 40
 * added to the day for women, a real date; a serial (digits 13-16) that is not 0000. Shown only
 * masked, {@code 3209********0001}.
 */
public final class Nik {
  private Nik() {
  }

  /** Why a NIK is refused, in Indonesian and English; empty when it is well formed. */
  public static Optional<String> problem(String nik) {
    if (nik == null || !nik.matches("[0-9]{16}")) {
      return Optional.of("NIK harus 16 angka (a NIK is 16 digits)");
    }
    int province = Integer.parseInt(nik.substring(0, 2));
    if (province < 11 || province > 94) {
      return Optional.of("kode provinsi NIK tidak dikenal (the NIK's province code is not 11-94)");
    }
    int day = Integer.parseInt(nik.substring(6, 8));
    int month = Integer.parseInt(nik.substring(8, 10));
    int year = Integer.parseInt(nik.substring(10, 12));
    if (day > 40) {
      day -= 40;
    }
    try {
      // the century is unknown; 2000 is a leap year, so 29 February passes for either century
      LocalDate.of(2000 + year, month, day);
    } catch (DateTimeException e) {
      return Optional.of("tanggal lahir pada NIK tidak valid (the NIK's birth date is not a date)");
    }
    if (nik.endsWith("0000")) {
      return Optional.of("nomor urut NIK tidak valid (the NIK's serial is 0000)");
    }
    return Optional.empty();
  }

  /** The first four and last four digits: {@code 3209********0001}. */
  public static String masked(String nik) {
    return nik.substring(0, 4) + "*".repeat(nik.length() - 8) + nik.substring(nik.length() - 4);
  }
}
