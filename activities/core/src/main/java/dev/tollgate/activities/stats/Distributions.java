package dev.tollgate.activities.stats;

/** Tail probabilities of the normal and chi-square distributions, through {@link Gamma}. */
public final class Distributions {
  private Distributions() {}

  /**
   * {@code P(|Z| ≥ |z|)} for a standard normal {@code Z}: {@code erfc(|z|/√2) = Q(1/2, z²/2)}.
   * Computed on the upper tail directly, so it stays relatively exact far out (no {@code 1 − Φ}).
   */
  public static double normalTwoSided(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    return Gamma.upperRegularized(0.5, z * z / 2);
  }

  /** {@code P(X ≥ x)} for {@code X ~ χ²(dof)}: {@code Q(dof/2, x/2)} (SciPy's {@code chi2.sf}). */
  public static double chiSquareSurvival(double x, int dof) {
    if (dof <= 0) {
      throw new IllegalArgumentException("chi-square needs dof >= 1, got " + dof);
    }
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    return x <= 0 ? 1 : Gamma.upperRegularized(dof / 2.0, x / 2);
  }
}
