package dev.tollgate.activities.stats;

/**
 * Pelz and Good's (1976) asymptotic series for {@code P(D_n ≤ x)}: the Li-Chien/Korolyuk expansion
 * {@code K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5} at {@code z = x√n}, with each {@code K}
 * rewritten through Jacobi theta functions so that it converges for small {@code z}. SciPy uses it
 * for large {@code n} where neither Durbin's matrix nor the Smirnov tail applies; this follows its
 * {@code _kolmogn_PelzGood} term for term.
 */
final class PelzGood {
  private static final double PI2 = Math.PI * Math.PI;
  private static final double PI4 = PI2 * PI2;
  private static final double PI6 = PI4 * PI2;
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
  private static final double SQRT3 = Math.sqrt(3);
  private static final double MIN_LOG = -708;

  private PelzGood() {}

  static double cdf(int n, double x) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double z = Math.sqrt(n) * x;
    double z2 = z * z;
    double z3 = z2 * z;
    double z4 = z2 * z2;
    double z6 = z4 * z2;
    double qLog = -PI2 / 8 / z2;
    if (qLog < MIN_LOG) {
      return 0;
    }
    double q = Math.exp(qLog);
    double k1a = -z2;
    double k1b = PI2 / 4;
    double k2a = 6 * z6 + 2 * z4;
    double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
    double k2c = PI4 * (1 - 2 * z2) / 16;
    double k3d = PI6 * (5 - 30 * z2) / 64;
    double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
    double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
    double k3a = -30 * z6 - 90 * Math.pow(z, 8);
    double[] k = new double[4];
    int maxK = (int) Math.ceil(16 * z / Math.PI);
    for (int j = maxK; j > 0; j--) {
      double m = 2 * j - 1;
      double m2 = m * m;
      double m4 = m2 * m2;
      double m6 = m4 * m2;
      double qPower = Math.pow(q, 8 * j);
      k[0] = k[0] * qPower + 1.0;
      k[1] = k[1] * qPower + (k1a + k1b * m2);
      k[2] = k[2] * qPower + (k2a + k2b * m2 + k2c * m4);
      k[3] = k[3] * qPower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
    }
    double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int i = 0; i < 4; i++) {
      k[i] = k[i] * q * SQRT_2PI / divisors[i];
    }
    double q2 = Math.exp(-PI2 / 2 / z2);
    double k2Extra = 0;
    double k3Extra = 0;
    for (int j = maxK; j > 0; j--) {
      double j2 = (double) j * j;
      double qPower = Math.pow(q2, j2);
      double jPi = Math.PI * j;
      k2Extra += j2 * qPower;
      k3Extra += (SQRT3 * z + jPi) * (SQRT3 * z - jPi) * j2 * qPower;
    }
    k[2] += k2Extra * PI2 * SQRT_2PI / (-36 * z3);
    k[3] += k3Extra * PI2 * SQRT_2PI / (216 * z6);
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += k[i] / Math.pow(n, i / 2.0);
    }
    return sum;
  }
}
