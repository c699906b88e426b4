package dev.tollgate.activities.stats;

/**
 * {@code ln P(X = k)} for {@code X ~ Binomial(n, p)}, accurate to about 1e-15 relative even when
 * {@code n} is in the millions, by Loader's saddle-point form (Loader 2000, "Fast and accurate
 * computation of binomial probabilities", the algorithm behind R's {@code dbinom}):
 *
 * <pre>
 *   ln P = stirlerr(n) − stirlerr(k) − stirlerr(n−k) − bd0(k, np) − bd0(n−k, nq) + ½ ln(n / (2π k (n−k)))
 * </pre>
 *
 * The naive {@code ln C(n,k) + k ln p + (n−k) ln q} adds terms of size {@code n ln n} that cancel
 * to a few units, losing about 1e-9 of relative accuracy at {@code n = 10⁶}; here every term is
 * small.
 */
final class BinomialLog {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private BinomialLog() {}

  /**
   * @param np {@code n·p}, passed separately so the caller can supply it without rounding error
   * @param nq {@code n·q = n − np}, likewise
   */
  static double logPmf(int k, int n, double np, double nq) {
    return stirlingError(n)
        - stirlingError(k)
        - stirlingError(n - k)
        - deviance(k, np)
        - deviance(n - k, nq)
        + 0.5 * Math.log(n / (2 * Math.PI * k * (double) (n - k)));
  }

  /** {@code ln k! − ln(√(2πk) (k/e)^k)}, for {@code k ≥ 1}. */
  static double stirlingError(int k) {
    if (k <= 15) {
      return Gamma.logGamma(k + 1.0) - (k + 0.5) * Math.log(k) + k - HALF_LOG_TWO_PI;
    }
    double k2 = (double) k * k;
    return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / 1188 / k2) / k2) / k2) / k2)
        / k;
  }

  /**
   * {@code x ln(x/m) + m − x} (the binomial deviance term), by its series in {@code (x−m)/(x+m)}
   * when {@code x} is close to {@code m}, where the direct form cancels.
   */
  static double deviance(double x, double m) {
    if (Math.abs(x - m) < 0.1 * (x + m)) {
      double v = (x - m) / (x + m);
      double s = (x - m) * v;
      double ej = 2 * x * v;
      double v2 = v * v;
      for (int j = 1; j < 1000; j++) {
        ej *= v2;
        double next = s + ej / (2 * j + 1);
        if (next == s) {
          return next;
        }
        s = next;
      }
      return s;
    }
    return x * Math.log(x / m) + m - x;
  }
}
