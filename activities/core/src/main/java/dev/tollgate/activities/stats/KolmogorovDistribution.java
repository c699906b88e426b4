package dev.tollgate.activities.stats;

/**
 * The survival function of the one-sample two-sided Kolmogorov–Smirnov statistic {@code D_n},
 * SciPy's {@code kstwo.sf(x, n)}. The two-sample test's asymptotic p-value is this function at the
 * effective sample size {@code round(n₁n₂/(n₁+n₂))}, so matching SciPy means using the same method
 * in each region (Simard and L'Ecuyer, 2011), with SciPy's own boundaries between them:
 *
 * <ul>
 *   <li>{@code nx ≤ 1} and {@code nx ≥ n − 1}: Ruben and Gambino's closed forms;
 *   <li>{@code x ≥ 0.5}: twice the one-sided Smirnov tail, which is exact there;
 *   <li>{@code n ≤ 140}: Durbin's matrix for {@code nx² ≤ 0.754693}, Pomeranz's recursion for
 *       {@code nx² ≤ 4}, else twice the Smirnov tail;
 *   <li>{@code n > 140}: 0 for {@code nx² ≥ 370}, twice the Smirnov tail for {@code nx² ≥ 2.2},
 *       Durbin's matrix for {@code n ≤ 100000} and {@code n x^1.5 ≤ 1.4}, else Pelz and Good's
 *       asymptotic series.
 * </ul>
 */
public final class KolmogorovDistribution {
  private static final double[] STIRLING = {
    -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
    8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
    -2.7777777777777777778e-3, 8.3333333333333333333e-2
  };

  private KolmogorovDistribution() {}

  /** {@code P(D_n ≥ x)}. */
  public static double survival(double x, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    // SciPy's support is [1/(2n), 1]: at or below its start the tail is 1, at or above 1 it is 0.
    if (x <= 0.5 / n) {
      return 1;
    }
    if (x >= 1) {
      return 0;
    }
    double t = n * x;
    if (t <= 1) {
      return clip(1 - rubenGambinoLower(n, t));
    }
    if (t >= n - 1) {
      return clip(2 * Math.pow(1 - x, n));
    }
    if (x >= 0.5) {
      return clip(2 * SmirnovDistribution.survival(n, x));
    }
    double nxSquared = t * x;
    if (n <= 140) {
      if (nxSquared <= 0.754693) {
        return clip(1 - DurbinMatrix.cdf(n, x));
      }
      if (nxSquared <= 4) {
        return clip(1 - PomeranzRecursion.cdf(n, x));
      }
      return clip(2 * SmirnovDistribution.survival(n, x));
    }
    if (nxSquared >= 370) {
      return 0;
    }
    if (nxSquared >= 2.2) {
      return clip(2 * SmirnovDistribution.survival(n, x));
    }
    if (n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4) {
      return clip(1 - DurbinMatrix.cdf(n, x));
    }
    return clip(1 - PelzGood.cdf(n, x));
  }

  /** {@code P(D_n ≤ x) = n!/n^n (2nx − 1)^n} for {@code 1/(2n) < x ≤ 1/n}. */
  private static double rubenGambinoLower(int n, double t) {
    if (n <= 140) {
      double product = 1;
      for (int i = 1; i <= n; i++) {
        product *= i * (1.0 / n) * (2 * t - 1);
      }
      return product;
    }
    return Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
  }

  /** {@code ln(n!/n^n)} by Stirling's series, for large {@code n}. */
  private static double logFactorialOverPower(int n) {
    double rn = 1.0 / n;
    double poly = 0;
    for (double c : STIRLING) {
      poly = poly * (rn / n) + c;
    }
    return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
  }

  static double clip(double p) {
    return Math.min(1, Math.max(0, p));
  }
}
