package dev.tollgate.activities.stats;

/**
 * A chi-square test result.
 *
 * @param statistic Pearson's {@code Σ (observed − expected)² / expected}
 * @param degreesOfFreedom {@code categories − 1} for a 2×k table (categories seen in either sample)
 * @param pValue {@code P(χ²(dof) ≥ statistic)}
 */
public record ChiSquareResult(double statistic, int degreesOfFreedom, double pValue) {}
