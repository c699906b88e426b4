package dev.tollgate.activities.stats;

/**
 * The one-sided Kolmogorov–Smirnov tail {@code P(D⁺_n ≥ x)} (SciPy's {@code special.smirnov}), by
 * the Smirnov/Birnbaum–Tingey sum
 *
 * <pre>
 *   x · Σ_{v=0}^{⌊n(1−x)⌋} C(n,v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v)
 * </pre>
 *
 * whose terms are all positive. SciPy's Cephes code sums them in double-double arithmetic; here
 * each term is formed in logarithms and the sum is kept as {@code s·e^m} (a streaming log-sum-exp),
 * which is good to about 1e-12 relative for the {@code n} the drift checks meet, far inside the
 * 1e-6 the fixtures ask for. The special cases and the stopping rule are Cephes's.
 */
final class SmirnovDistribution {
  /** Below this log, Cephes returns 0 (its {@code MINLOG}, {@code ln} of the smallest normal). */
  private static final double MIN_LOG = -7.08396418532264106224e2;

  private static final int MAX_EXACT_N = 1_000_000;
  private static final double EPS = Math.ulp(1.0);

  private SmirnovDistribution() {}

  static double survival(int n, double x) {
    if (!(n > 0 && x >= 0 && x <= 1)) {
      return Double.NaN;
    }
    if (n == 1) {
      return 1 - x;
    }
    if (x == 0) {
      return 1;
    }
    if (x == 1) {
      return 0;
    }
    // ⌊nx⌋ and whether nx is an integer, exactly: fma gives the rounding error of n·x.
    double nx = n * x;
    double error = Math.fma(n, x, -nx);
    double floorNx = Math.floor(nx);
    if (floorNx == nx && error < 0) {
      floorNx -= 1;
    }
    boolean integral = floorNx == nx && error == 0;
    int nxFloor = (int) floorNx;
    if (nxFloor == 0 || (nxFloor == 1 && integral)) {
      return 1 - x * Math.pow(1 + x, n - 1);
    }
    if (-2 * n * x * x < MIN_LOG) {
      return 0;
    }
    if (nxFloor >= n - 1) {
      return Math.pow(1 - x, n);
    }
    if (n > MAX_EXACT_N) {
      double logP = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
      return logP < -Math.log(2) ? Math.exp(logP) : 1 + Math.expm1(logP);
    }
    return x * lowerSum(n, x, nx, error, n - nxFloor - 1);
  }

  /** {@code Σ_{v=0}^{last} A_v}, each term in logs, summed as {@code s·e^m}. */
  private static double lowerSum(int n, double x, double nx, double nxError, int last) {
    int terms = last + 1;
    double logBinomial = 0;
    double max = Double.NEGATIVE_INFINITY;
    double scaled = 0;
    for (int v = 0; v < terms; v++) {
      double up = x + (double) v / n;
      double down = (((double) (n - v) - nx) - nxError) / n; // 1 − x − v/n without cancellation
      double logTerm = logBinomial + (n - v) * Math.log(down) + (v - 1) * Math.log(up);
      double relative;
      if (logTerm > max) {
        scaled = scaled * Math.exp(max - logTerm) + 1;
        max = logTerm;
        relative = 1;
      } else {
        relative = Math.exp(logTerm - max);
        scaled += relative;
      }
      // Cephes stops once the rest cannot move the sum: 4·(terms left)·A_v < ε·sum.
      if (v > 0 && v != terms - 1 && 4.0 * (terms - v) * relative < EPS * scaled) {
        break;
      }
      logBinomial += Math.log((double) (n - v) / (v + 1));
    }
    return scaled * Math.exp(max);
  }
}
