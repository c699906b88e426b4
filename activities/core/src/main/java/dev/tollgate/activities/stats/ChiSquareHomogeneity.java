package dev.tollgate.activities.stats;

/**
 * Chi-square test of homogeneity for a categorical feature: do reference and current draw their
 * categories from the same distribution? The 2×k contingency table is the two count vectors;
 * expected counts are {@code row total · column total / grand total}; matches SciPy's {@code
 * chi2_contingency([reference, current], correction=False)}.
 *
 * <p>A category absent from both samples carries no information and is left out (SciPy would refuse
 * the table, its expected count being 0). With a single category left there is nothing to test:
 * statistic 0, 0 degrees of freedom, p = 1, as SciPy answers for a table with no freedom.
 */
public final class ChiSquareHomogeneity {
  private ChiSquareHomogeneity() {}

  public static ChiSquareResult test(long[] referenceCounts, long[] currentCounts) {
    if (referenceCounts.length != currentCounts.length) {
      throw new IllegalArgumentException(
          "category counts must align, got "
              + referenceCounts.length
              + " and "
              + currentCounts.length);
    }
    long refTotal = 0;
    long curTotal = 0;
    int categories = 0;
    for (int j = 0; j < referenceCounts.length; j++) {
      if (referenceCounts[j] < 0 || currentCounts[j] < 0) {
        throw new IllegalArgumentException("category counts must not be negative");
      }
      refTotal += referenceCounts[j];
      curTotal += currentCounts[j];
      categories += referenceCounts[j] + currentCounts[j] > 0 ? 1 : 0;
    }
    if (refTotal == 0 || curTotal == 0) {
      throw new IllegalArgumentException(
          "both samples need values, got " + refTotal + " and " + curTotal);
    }
    if (categories < 2) {
      return new ChiSquareResult(0, 0, 1);
    }
    double total = refTotal + curTotal;
    double statistic = 0;
    for (int j = 0; j < referenceCounts.length; j++) {
      long column = referenceCounts[j] + currentCounts[j];
      if (column == 0) {
        continue;
      }
      statistic += term(referenceCounts[j], refTotal * (double) column / total);
      statistic += term(currentCounts[j], curTotal * (double) column / total);
    }
    int dof = categories - 1;
    return new ChiSquareResult(statistic, dof, Distributions.chiSquareSurvival(statistic, dof));
  }

  private static double term(long observed, double expected) {
    double d = observed - expected;
    return d * d / expected;
  }
}
