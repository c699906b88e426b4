package dev.tollgate.activities.stats;

/**
 * A two-sample z-test of means.
 *
 * @param statistic {@code (mean_cur − mean_ref) / √(var_ref/n_ref + var_cur/n_cur)}: positive when
 *     the current mean is higher
 * @param pValue two-sided, from the standard normal distribution
 */
public record ZTestResult(double statistic, double pValue) {}
