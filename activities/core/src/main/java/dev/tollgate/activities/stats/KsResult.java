package dev.tollgate.activities.stats;

/**
 * A two-sample Kolmogorov–Smirnov result, in SciPy's terms.
 *
 * @param statistic {@code D}, the largest vertical gap between the two empirical CDFs (in exact
 *     mode rounded to the lattice {@code h/lcm(n₁,n₂)} as SciPy reports it)
 * @param pValue two-sided p-value
 * @param sign {@code +1} when the reference CDF lies above the current one at {@code D} (the
 *     current sample tends to larger values), {@code −1} otherwise; SciPy's {@code statistic_sign}
 * @param method how the p-value was computed
 */
public record KsResult(double statistic, double pValue, int sign, Method method) {

  /** SciPy's {@code method='auto'} picks exact for samples of at most 10,000 values. */
  public enum Method {
    EXACT,
    ASYMPTOTIC
  }
}
