package id.antre.server.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The community satisfaction index (Indeks Kepuasan Masyarakat) of PermenPANRB 14/2017 from the
 * sums of the answers: NRR per element = sum of its scores / respondents; the weighted NRR =
 * the sum over the nine elements of NRR x 1/9; IKM = weighted NRR x 25, between 25 and 100. The
 * grade is read on the IKM rounded to two decimals, as the regulation's table writes its
 * boundaries (25.00-64.99 D, 65.00-76.60 C, 76.61-88.30 B, 88.31-100.00 A).
 *
 * <p>Exact arithmetic: the IKM is 25 x total / (9 x respondents), a fraction; rounding happens
 * once, at the end, so 88.305 and 88.3049 do not fall on the same side by accident.
 */
public final class Ikm {
  private static final BigDecimal A_FROM = new BigDecimal("88.31");
  private static final BigDecimal B_FROM = new BigDecimal("76.61");
  private static final BigDecimal C_FROM = new BigDecimal("65.00");

  /** A grade and the regulation's word for the service's performance. */
  public enum Grade {
    A("Sangat Baik", "Very good"), B("Baik", "Good"), C("Kurang Baik", "Poor"), D("Tidak Baik", "Very poor");

    public final String label;
    public final String labelEn;

    Grade(String label, String labelEn) {
      this.label = label;
      this.labelEn = labelEn;
    }
  }

  /**
   * @param respondents how many answered
   * @param nrr         per element, rounded to 3 decimals (null when nobody answered)
   * @param weighted    the weighted NRR, 3 decimals
   * @param ikm         the converted index, 2 decimals (null when nobody answered)
   * @param grade       null when nobody answered
   */
  public record Result(long respondents, List<BigDecimal> nrr, BigDecimal weighted, BigDecimal ikm, Grade grade) {
  }

  private Ikm() {
  }

  /**
   * @param sums        per element, the sum of the scores given (nine of them)
   * @param respondents how many responses those sums are over
   */
  public static Result of(long[] sums, long respondents) {
    if (sums.length != Skm.ELEMENT_COUNT) {
      throw new IllegalArgumentException("nine element sums expected, got " + sums.length);
    }
    if (respondents == 0) {
      return new Result(0, null, null, null, null);
    }
    BigDecimal n = BigDecimal.valueOf(respondents);
    List<BigDecimal> nrr = new ArrayList<>();
    long total = 0;
    for (long s : sums) {
      if (s < respondents * Skm.LOWEST || s > respondents * Skm.HIGHEST) {
        throw new IllegalArgumentException("an element sum of " + s + " is impossible for " + respondents + " respondents");
      }
      nrr.add(BigDecimal.valueOf(s).divide(n, 3, RoundingMode.HALF_UP));
      total += s;
    }
    BigDecimal answers = BigDecimal.valueOf(respondents * Skm.ELEMENT_COUNT);
    BigDecimal weighted = BigDecimal.valueOf(total).divide(answers, 3, RoundingMode.HALF_UP);
    BigDecimal ikm = BigDecimal.valueOf(total * 25).divide(answers, 2, RoundingMode.HALF_UP);
    return new Result(respondents, List.copyOf(nrr), weighted, ikm, grade(ikm));
  }

  /** The grade of an IKM written with two decimals. */
  public static Grade grade(BigDecimal ikm) {
    BigDecimal v = ikm.setScale(2, RoundingMode.HALF_UP);
    if (v.compareTo(A_FROM) >= 0) {
      return Grade.A;
    }
    if (v.compareTo(B_FROM) >= 0) {
      return Grade.B;
    }
    if (v.compareTo(C_FROM) >= 0) {
      return Grade.C;
    }
    return Grade.D;
  }

  /**
   * The Krejcie-Morgan minimum sample for a population of {@code population} visits:
   * s = X²NP(1-P) / (d²(N-1) + X²P(1-P)) with X² = 3.841, P = 0.5, d = 0.05. With those
   * constants it is exactly 3841 N / (10 N + 3831). Rounded to the nearest whole respondent
   * (halves up), it reproduces every row of the published table that DOMAIN.md quotes
   * (100 -> 80, 300 -> 169, 500 -> 217, 1,000 -> 278, 2,000 -> 322, 10,000 -> 370,
   * 1,000,000 -> 384); always rounding up would give 218 and 323 for 500 and 2,000.
   */
  public static long minimumSample(long population) {
    if (population <= 0) {
      return 0;
    }
    BigDecimal s = BigDecimal.valueOf(3841).multiply(BigDecimal.valueOf(population))
        .divide(BigDecimal.valueOf(10).multiply(BigDecimal.valueOf(population)).add(BigDecimal.valueOf(3831)),
            0, RoundingMode.HALF_UP);
    return s.longValueExact();
  }
}
