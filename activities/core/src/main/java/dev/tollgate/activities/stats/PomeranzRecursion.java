package dev.tollgate.activities.stats;

/**
 * {@code P(D_n ≤ x)} by Pomeranz's recursion (1974), as SciPy's {@code _kolmogn_Pomeranz} runs it:
 * {@code 2n+1} steps, each a short convolution of the previous row with powers {@code (g/n)^m/m!},
 * {@code (2g/n)^m/m!} or {@code ((1−2g)/n)^m/m!}, where {@code g} is the distance of {@code nx} to
 * the nearest integer. Rows are rescaled by 2^128 when they shrink, the exponent kept aside. SciPy
 * uses it for {@code n ≤ 140} and {@code 0.754693 < nx² ≤ 4}.
 */
final class PomeranzRecursion {
  private static final int E128 = 128;
  private static final double P128 = Math.scalb(1.0, E128);
  private static final double M128 = Math.scalb(1.0, -E128);

  private PomeranzRecursion() {}

  static double cdf(int n, double x) {
    double t = n * x;
    int ll = (int) Math.floor(t);
    double f = t - ll;
    double g = Math.min(f, 1 - f);
    int ceilF = f > 0 ? 1 : 0;
    int roundF = f > 0.5 ? 1 : 0;
    int powers = 2 * (ll + 1);
    double[] gPower = new double[powers];
    double[] twoGPower = new double[powers];
    double[] oneMinusTwoGPower = new double[powers];
    gPower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1;
    for (int m = 1; m < powers; m++) {
      gPower[m] = gPower[m - 1] * (g / n) / m;
      twoGPower[m] = twoGPower[m - 1] * (2 * g / n) / m;
      oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * ((1 - 2 * g) / n) / m;
    }
    double[] previous = new double[powers];
    double[] current = new double[powers];
    current[0] = 1;
    int previousStart = 0;
    int currentStart = 0;
    int exponent = 0;
    int[] bounds = bounds(0, n, ll, ceilF, roundF);
    for (int i = 1; i <= 2 * n + 1; i++) {
      int k1 = bounds[0];
      double[] swap = previous;
      previous = current;
      current = swap;
      previousStart = currentStart;
      java.util.Arrays.fill(current, 0);
      bounds = bounds(i, n, ll, ceilF, roundF);
      int j1 = bounds[0];
      int j2 = bounds[1];
      double[] pw =
          (i == 1 || i == 2 * n + 1) ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower);
      int length = j2 - k1 + 1;
      if (length > 0) {
        int offset = k1 - previousStart;
        int available = Math.min(length, previous.length - offset); // numpy's slice truncation
        double max = 0;
        for (int c = j1 - k1; c <= j2 - k1; c++) {
          double sum = 0;
          for (int l = Math.max(0, c - length + 1); l <= Math.min(c, available - 1); l++) {
            sum += previous[offset + l] * pw[c - l];
          }
          current[c - (j1 - k1)] = sum;
          max = Math.max(max, sum);
        }
        if (max > 0 && max < M128) {
          for (int c = 0; c < current.length; c++) {
            current[c] *= P128;
          }
          exponent -= E128;
        }
        currentStart = previousStart + j1 - k1;
      }
    }
    double answer = current[n - currentStart];
    for (int m = 1; m <= n; m++) {
      if (Math.abs(answer) > P128) {
        answer *= M128;
        exponent += E128;
      }
      answer *= m;
    }
    return Math.scalb(answer, exponent);
  }

  /**
   * The interval of row {@code i} that can be non-zero (SciPy's {@code _pomeranz_compute_j1j2}).
   */
  private static int[] bounds(int i, int n, int ll, int ceilF, int roundF) {
    int j1;
    int j2;
    if (i == 0) {
      j1 = -ll - ceilF - 1;
      j2 = ll + ceilF - 1;
    } else {
      int half = (i + 1) / 2;
      if ((i + 1) % 2 == 0) {
        if (half == n + 1) {
          j1 = n - ll - ceilF - 1;
          j2 = n + ll + ceilF - 1;
        } else {
          j1 = half - 1 - ll - roundF - 1;
          j2 = half + ll - 1 + ceilF - 1;
        }
      } else {
        j1 = half - 1 - ll - 1;
        j2 = half + ll + roundF - 1;
      }
    }
    return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
  }
}
