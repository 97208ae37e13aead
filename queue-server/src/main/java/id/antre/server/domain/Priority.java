package id.antre.server.domain;

import java.util.Arrays;
import java.util.Optional;

/** The groups of UU 25/2009 Pasal 29 that get special treatment ("perlakuan khusus"). */
public enum Priority {
  LANSIA("lansia", "Lanjut usia", "Elderly"),
  DISABILITAS("disabilitas", "Penyandang disabilitas", "Person with disability"),
  IBU_HAMIL("ibu-hamil", "Ibu hamil", "Pregnant woman"),
  ANAK("anak", "Anak-anak", "Child"),
  KORBAN_BENCANA("korban-bencana", "Korban bencana", "Disaster victim");

  private final String code;
  private final String labelId;
  private final String labelEn;

  Priority(String code, String labelId, String labelEn) {
    this.code = code;
    this.labelId = labelId;
    this.labelEn = labelEn;
  }

  public String code() {
    return code;
  }

  public String labelId() {
    return labelId;
  }

  public String labelEn() {
    return labelEn;
  }

  public static Optional<Priority> ofCode(String code) {
    return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
  }
}
