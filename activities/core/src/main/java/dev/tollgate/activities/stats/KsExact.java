package dev.tollgate.activities.stats;

/**
 * Exact two-sided p-value of the two-sample Kolmogorov–Smirnov statistic, as SciPy's {@code
 * ks_2samp} computes it in its exact mode. {@code D} takes only values {@code h/lcm(n₁,n₂)}; the
 * p-value is the share of the {@code C(n₁+n₂, n₁)} lattice paths from (0,0) to (n₁,n₂) that leave
 * the band {@code |x/n₁ − y/n₂| < h/lcm}. Both counts follow Hodges (1958): for {@code n₁ = n₂} the
 * alternating reflection sum in a cancellation-free nested form; otherwise the "inside" recursion
 * over one sliding column, in Viehmann's (2021) form that carries the outside share directly.
 */
final class KsExact {
  private KsExact() {}

  /** {@code D} rounded to the lattice, {@code h/lcm}, as SciPy reports it in exact mode. */
  static long latticeSteps(double d, int n1, int n2) {
    return (long) Math.rint(d * lcm(n1, n2)); // numpy rounds half to even, so does rint
  }

  static long lcm(int n1, int n2) {
    return (long) (n1 / gcd(n1, n2)) * n2;
  }

  /** {@code P(D ≥ h/lcm)} under the null hypothesis. */
  static double pValue(int n1, int n2, long h) {
    if (h == 0) {
      return 1;
    }
    return n1 == n2 ? outsideSquare(n1, h) : outsideBand(n1, n2, gcd(n1, n2), h);
  }

  /**
   * {@code n₁ = n₂ = n}: {@code 2 Σ_k (−1)^k C(2n, n−kh)/C(2n, n)}, evaluated as {@code 2 A₀(1 −
   * A₁(1 − A₂(…)))} where each ratio of binomials is a product of {@code h} small factors.
   */
  private static double outsideSquare(int n, long h) {
    double p = 0;
    for (long k = n / h; k >= 0; k--) {
      double ratio = 1;
      for (long j = 0; j < h; j++) {
        ratio = (n - k * h - j) * ratio / (n + k * h + j + 1);
      }
      p = ratio * (1 - p);
    }
    return 2 * p;
  }

  /**
   * {@code n₁ ≠ n₂}: walk the columns {@code i = 1..m} (m the larger size), keeping only the window
   * of rows inside the band; each entry is the share of paths to it that already left the band.
   */
  private static double outsideBand(int n1, int n2, int g, long h) {
    int m = Math.max(n1, n2);
    int n = Math.min(n1, n2);
    long mg = m / g;
    long ng = n / g;
    int minJ = 0;
    int maxJ = (int) Math.min(ceilDiv(h, mg), n + 1);
    int currentLength = maxJ - minJ;
    int length = Math.min(2 * maxJ + 2, n + 1);
    double[] a = new double[length];
    java.util.Arrays.fill(a, 1.0);
    java.util.Arrays.fill(a, minJ, maxJ, 0.0);
    for (int i = 1; i <= m; i++) {
      int lastMinJ = minJ;
      int lastLength = currentLength;
      minJ = (int) Math.min(Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0), n);
      maxJ = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1);
      if (maxJ <= minJ) {
        return 1;
      }
      double value = minJ == 0 ? 0 : 1;
      for (int jj = 0; jj < maxJ - minJ; jj++) {
        int j = jj + minJ;
        value = (a[jj + minJ - lastMinJ] * i + value * j) / (i + j);
        a[jj] = value;
      }
      currentLength = maxJ - minJ;
      if (lastLength > currentLength) {
        int from = Math.min(maxJ - minJ, a.length); // numpy slices stop at the end of the array
        int to = Math.min(maxJ - minJ + (lastLength - currentLength), a.length);
        java.util.Arrays.fill(a, from, to, 1.0);
      }
    }
    return a[maxJ - minJ - 1];
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
