package dev.tollgate.activities.stats;

/**
 * {@code P(D_n ≤ d)} by Durbin's matrix method as Marsaglia, Tsang and Wang (2003) compute it: the
 * {@code (k,k)} entry of the n-th power of a {@code (2k−1)²} matrix, times {@code n!/n^n}. Powers
 * are taken by repeated squaring and kept in range by scaling with 2^±128, tracking the exponent
 * separately (the entries grow like {@code n^n}). Used where SciPy uses it: small {@code nd²}.
 */
final class DurbinMatrix {
  private static final int E128 = 128;
  private static final double P128 = Math.scalb(1.0, E128);
  private static final double M128 = Math.scalb(1.0, -E128);

  private DurbinMatrix() {}

  static double cdf(int n, double d) {
    if (d >= 1) {
      return 1;
    }
    double nd = n * d;
    if (nd <= 0.5) {
      return 0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int m = 2 * k - 1;
    double[][] matrix = durbin(m, h);
    double[][] power = identity(m);
    int exponent = 0;
    int matrixExponent = 0;
    for (int remaining = n; remaining > 0; remaining /= 2) {
      if (remaining % 2 == 1) {
        power = multiply(power, matrix);
        exponent += matrixExponent;
      }
      matrix = multiply(matrix, matrix);
      matrixExponent *= 2;
      if (Math.abs(matrix[k - 1][k - 1]) > P128) {
        scale(matrix, M128);
        matrixExponent += E128;
      }
    }
    double p = power[k - 1][k - 1];
    for (int i = 1; i <= n; i++) {
      p = i * p / n;
      if (Math.abs(p) < M128) {
        p *= P128;
        exponent -= E128;
      }
    }
    return Math.scalb(p, exponent);
  }

  /** Durbin's matrix H for {@code h = k − nd}: lower Hessenberg, {@code 1/(i−j+1)!} inside. */
  private static double[][] durbin(int m, double h) {
    double[] v = new double[m];
    double[] w = new double[m];
    double factorial = 1; // 1/j! as j grows; may underflow, harmlessly
    for (int j = 1; j <= m; j++) {
      w[j - 1] = factorial;
      factorial /= j;
      v[j - 1] = (1 - Math.pow(h, j)) * factorial;
    }
    double corner = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1 + corner) * factorial;
    double[][] matrix = new double[m][m];
    for (int i = 1; i < m; i++) {
      for (int row = i - 1; row < m; row++) {
        matrix[row][i] = w[row - (i - 1)];
      }
    }
    for (int row = 0; row < m; row++) {
      matrix[row][0] = v[row];
    }
    for (int col = 0; col < m; col++) {
      matrix[m - 1][col] = v[m - 1 - col];
    }
    return matrix;
  }

  private static double[][] identity(int m) {
    double[][] id = new double[m][m];
    for (int i = 0; i < m; i++) {
      id[i][i] = 1;
    }
    return id;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int m = a.length;
    double[][] c = new double[m][m];
    for (int i = 0; i < m; i++) {
      double[] ci = c[i];
      for (int l = 0; l < m; l++) {
        double ail = a[i][l];
        if (ail == 0) {
          continue;
        }
        double[] bl = b[l];
        for (int j = 0; j < m; j++) {
          ci[j] += ail * bl[j];
        }
      }
    }
    return c;
  }

  private static void scale(double[][] a, double factor) {
    for (double[] row : a) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= factor;
      }
    }
  }
}
