package id.antre.server.survey;

import java.util.List;
import java.util.Map;

/**
 * The questionnaire of the Survei Kepuasan Masyarakat (PermenPANRB 14/2017): its nine elements in
 * the regulation's order, answered 1 to 4, and the respondent profile its form asks for, as
 * choices. The pages hold the texts (messages.js); the codes here are what the API accepts.
 */
public final class Skm {
  /** The nine elements ("unsur"), in the regulation's order: answers[i] is about ELEMENTS.get(i). */
  public static final List<String> ELEMENTS = List.of(
      "Persyaratan",
      "Sistem, Mekanisme, dan Prosedur",
      "Waktu Penyelesaian",
      "Biaya/Tarif",
      "Produk Spesifikasi Jenis Pelayanan",
      "Kompetensi Pelaksana",
      "Perilaku Pelaksana",
      "Penanganan Pengaduan, Saran dan Masukan",
      "Sarana dan Prasarana");
  public static final int ELEMENT_COUNT = 9;
  public static final int LOWEST = 1;
  public static final int HIGHEST = 4;
  /** A few sentences; the API refuses more and so does the table. */
  public static final int MAX_COMMENT = 500;

  /** The profile fields and their choices, as the regulation's form lists them (age in bands). */
  public static final Map<String, List<String>> PROFILE = Map.of(
      "ageBand", List.of("under-20", "20-29", "30-39", "40-49", "50-59", "60-plus"),
      "sex", List.of("L", "P"),
      "education", List.of("SD", "SMP", "SMA", "D1-D4", "S1", "S2", "S3"),
      "occupation", List.of("PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA"));

  private Skm() {
  }

  /** What is wrong with a set of answers, or null when it is nine whole numbers from 1 to 4. */
  public static String answersProblem(List<?> answers) {
    if (answers == null || answers.size() != ELEMENT_COUNT) {
      return "answers must be " + ELEMENT_COUNT + " numbers, one per element, in the regulation's order";
    }
    for (int i = 0; i < answers.size(); i++) {
      Object a = answers.get(i);
      if (!(a instanceof Integer || a instanceof Long) || ((Number) a).longValue() < LOWEST
          || ((Number) a).longValue() > HIGHEST) {
        return "answers[" + i + "] must be a whole number from " + LOWEST + " to " + HIGHEST;
      }
    }
    return null;
  }

  /** What is wrong with one profile field, or null when it is one of its choices. */
  public static String profileProblem(String field, Object value) {
    List<String> choices = PROFILE.get(field);
    if (choices == null) {
      return "unknown profile field '" + field + "' (allowed: ageBand, sex, education, occupation)";
    }
    if (!(value instanceof String s) || !choices.contains(s)) {
      return "profile." + field + " must be one of " + String.join(", ", choices);
    }
    return null;
  }
}
