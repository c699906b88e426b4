package dev.tollgate.activities.stats;

/**
 * Bonferroni correction for testing many features at once: with {@code m} tests at family level
 * {@code α}, each test is judged at {@code α/m}, which keeps the chance of any false alarm at most
 * {@code α} whatever the dependence between features. Conservative, and simple to explain in a
 * report. Rejection uses {@code p ≤ α/m}, as statsmodels' {@code multipletests} does.
 */
public final class Bonferroni {
  private Bonferroni() {}

  /** The per-test level {@code α/m}. */
  public static double alpha(double familyAlpha, int tests) {
    if (tests < 1) {
      throw new IllegalArgumentException("need at least one test, got " + tests);
    }
    if (!(familyAlpha > 0 && familyAlpha < 1)) {
      throw new IllegalArgumentException("alpha must lie in (0, 1), got " + familyAlpha);
    }
    return familyAlpha / tests;
  }

  /** Adjusted p-values {@code min(1, p·m)}, comparable with the family level directly. */
  public static double[] adjust(double[] pValues) {
    double[] adjusted = new double[pValues.length];
    for (int i = 0; i < pValues.length; i++) {
      adjusted[i] = Math.min(1, pValues[i] * pValues.length);
    }
    return adjusted;
  }

  /** Which of the tests reject at family level {@code α}: {@code p ≤ α/m}. */
  public static boolean[] reject(double[] pValues, double familyAlpha) {
    double level = alpha(familyAlpha, pValues.length);
    boolean[] rejected = new boolean[pValues.length];
    for (int i = 0; i < pValues.length; i++) {
      rejected[i] = pValues[i] <= level;
    }
    return rejected;
  }
}
