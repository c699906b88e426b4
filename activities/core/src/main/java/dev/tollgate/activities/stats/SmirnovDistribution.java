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
 * each term is a binomial probability over {@code p = x + v/n}, evaluated in logarithms by {@link
 * BinomialLog} (accurate to ~1e-14 even at n = 10⁶), and the sum is kept as {@code s·e^m} ({@link
 * LogSum}). The special cases and the stopping rule are Cephes's.
 *
 * <p>The sum has about {@code n} terms, which at a million rows per side ({@code n ≈ 5·10⁵}) cost
 * 15 ms per drifted feature, more than all the rest of the drift statistics. For large {@code n} it
 * is therefore summed with a stride ({@link #stridedSum}), checked against itself, at ~1/500 of the
 * cost.
 */
final class SmirnovDistribution {
  /** Below this log, Cephes returns 0 (its {@code MINLOG}, {@code ln} of the smallest normal). */
  private static final double MIN_LOG = -7.08396418532264106224e2;

  private static final int MAX_EXACT_N = 1_000_000;

  /** Below this many terms the full sum is cheap (under a millisecond): no strided shortcut. */
  private static final int STRIDED_FROM = 20_000;

  private static final int MIN_STRIDE = 4;
  private static final double EPS = Math.ulp(1.0);

  private SmirnovDistribution() {}

  static double survival(int n, double x) {
    return survival(n, x, true);
  }

  /** {@code strided = false} forces the full sum: for tests of the shortcut. */
  static double survival(int n, double x, boolean strided) {
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
    int last = n - nxFloor - 1;
    double sum = strided && last >= STRIDED_FROM ? stridedSum(n, x, nx, error, last) : Double.NaN;
    return x * (Double.isNaN(sum) ? lowerSum(n, x, nx, error, last) : sum);
  }

  /**
   * The same sum from every {@code s}-th term, times {@code s}: the terms form a smooth bell that
   * vanishes at both ends (about {@code n/(4√n·x)} terms wide), and for such a summand the strided
   * (trapezoid) sum converges exponentially in width/stride. The stride is halved until two
   * successive sums agree to 1e-13, so the answer is as good as the full sum at ~1/500 of the cost
   * for n ≈ 10⁶; NaN (use the full sum) when the bell is too narrow or the sums do not settle.
   */
  private static double stridedSum(int n, double x, double nx, double nxError, int last) {
    double width = n / (4 * Math.max(1, Math.sqrt(n) * x));
    int stride = Integer.highestOneBit((int) Math.min(1 << 20, Math.max(1, width / 4)));
    if (stride < MIN_STRIDE) {
      return Double.NaN;
    }
    LogSum coarse = new LogSum();
    for (int v = 0; v <= last; v += stride) {
      coarse.add(logTerm(n, x, v, nx, nxError));
    }
    double previous = coarse.value() * stride;
    // Both ends must be negligible, or the trapezoid's end corrections would matter.
    double ends = Math.max(logTerm(n, x, 0, nx, nxError), logTerm(n, x, last, nx, nxError));
    if (!(ends < coarse.log() - 50)) {
      return Double.NaN;
    }
    while (stride >= 2 * MIN_STRIDE) {
      stride /= 2;
      for (int v = stride; v <= last; v += 2 * stride) {
        coarse.add(logTerm(n, x, v, nx, nxError));
      }
      double refined = coarse.value() * stride;
      if (Math.abs(refined - previous) <= 1e-13 * refined) {
        return refined;
      }
      previous = refined;
    }
    return Double.NaN;
  }

  /** {@code ln A_v}, with {@code A_v = P(Binomial(n, p) = v) / p} at {@code p = x + v/n}. */
  private static double logTerm(int n, double x, int v, double nx, double nxError) {
    double nq = ((double) (n - v) - nx) - nxError; // n(1 − x) − v, without cancellation
    if (v == 0) {
      return n * Math.log(nq / n) - Math.log(x);
    }
    double np = (v + nx) + nxError;
    return BinomialLog.logPmf(v, n, np, nq) - Math.log(np / n);
  }

  /** {@code Σ_{v=0}^{last} A_v} term by term, stopping where Cephes stops. */
  private static double lowerSum(int n, double x, double nx, double nxError, int last) {
    int terms = last + 1;
    LogSum sum = new LogSum();
    for (int v = 0; v < terms; v++) {
      double relative = sum.add(logTerm(n, x, v, nx, nxError));
      // The rest cannot move the sum once 4·(terms left)·A_v < ε·sum.
      if (v > 0 && v != terms - 1 && 4.0 * (terms - v) * relative < EPS * sum.scaled()) {
        break;
      }
    }
    return sum.value();
  }
}
