package dev.tollgate.activities.stats;

/**
 * The log-gamma function and the regularized incomplete gamma functions, which give the normal and
 * chi-square tail probabilities. Written here rather than taken from Smile because Smile computes
 * the upper function as {@code 1 − P}, which loses every digit of a small p-value; the continued
 * fraction below evaluates {@code Q} directly, so p-values of 1e-300 keep their relative precision.
 */
public final class Gamma {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private static final double EPSILON = 1e-16;
  private static final double TINY = 1e-300;
  private static final int MAX_ITERATIONS = 100_000;

  private Gamma() {}

  /**
   * {@code ln Γ(x)} for {@code x > 0}: shifted up to {@code x ≥ 10} by the recurrence {@code Γ(x+1)
   * = xΓ(x)}, then Stirling's series to the {@code x^-15} term (truncation error below 1e-17
   * there).
   */
  public static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
    }
    double product = 1;
    while (x < 10) {
      product *= x;
      x += 1;
    }
    double shift = Math.log(product);
    double inverse = 1 / x;
    double inverse2 = inverse * inverse;
    // Bernoulli terms B_2k / (2k (2k − 1) x^(2k − 1)), evaluated by Horner's rule in 1/x².
    double series =
        inverse
            * (1.0 / 12
                + inverse2
                    * (-1.0 / 360
                        + inverse2
                            * (1.0 / 1260
                                + inverse2
                                    * (-1.0 / 1680
                                        + inverse2
                                            * (1.0 / 1188
                                                + inverse2
                                                    * (-691.0 / 360360
                                                        + inverse2
                                                            * (1.0 / 156
                                                                + inverse2
                                                                    * (-3617.0 / 122400))))))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
  }

  /** The regularized upper incomplete gamma function {@code Q(a, x) = Γ(a, x) / Γ(a)}. */
  public static double upperRegularized(double a, double x) {
    check(a, x);
    if (x == 0) {
      return 1;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
  }

  /** The regularized lower incomplete gamma function {@code P(a, x) = γ(a, x) / Γ(a)}. */
  public static double lowerRegularized(double a, double x) {
    check(a, x);
    if (x == 0) {
      return 0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 1;
    }
    return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x);
  }

  private static void check(double a, double x) {
    if (!(a > 0) || !(x >= 0)) {
      throw new IllegalArgumentException(
          "incomplete gamma needs a > 0 and x >= 0, got " + a + ", " + x);
    }
  }

  /** {@code e^-x x^a / Γ(a)}, the factor in front of both expansions, through logarithms. */
  private static double prefactor(double a, double x) {
    return Math.exp(-x + a * Math.log(x) - logGamma(a));
  }

  /** {@code P(a, x) = prefactor · Σ x^k / (a (a+1) … (a+k))}, converging fast for x < a + 1. */
  private static double lowerSeries(double a, double x) {
    double term = 1 / a;
    double sum = term;
    double denominator = a;
    for (int k = 0; k < MAX_ITERATIONS; k++) {
      denominator += 1;
      term *= x / denominator;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) {
        break;
      }
    }
    return sum * prefactor(a, x);
  }

  /** {@code Q(a, x)} by its continued fraction (modified Lentz), converging fast for x ≥ a + 1. */
  private static double upperFraction(double a, double x) {
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return prefactor(a, x) * h;
  }
}
