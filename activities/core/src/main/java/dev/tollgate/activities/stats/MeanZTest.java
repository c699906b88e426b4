package dev.tollgate.activities.stats;

/**
 * Two-sample z-test of means with unequal variances (the original spec's drift test): {@code z =
 * (x̄_cur − x̄_ref) / √(s²_ref/n_ref + s²_cur/n_cur)} with sample variances ({@code n − 1}), and
 * {@code p = P(|Z| ≥ |z|)} for a standard normal {@code Z}. Large samples make the normal
 * approximation of the mean's distribution sound whatever the feature's own distribution.
 *
 * <p>When both samples are constant the standard error is 0: equal means give {@code z = 0, p = 1},
 * different means {@code z = ±∞, p = 0}. A sample of one value has no variance: {@code z} and
 * {@code p} are NaN, so that the fused drift computation still reports KS and PSI for it.
 */
public final class MeanZTest {
  private MeanZTest() {}

  public static ZTestResult test(double[] reference, double[] current) {
    return fromMoments(Moments.of(reference), Moments.of(current));
  }

  public static ZTestResult fromMoments(Moments reference, Moments current) {
    if (reference.count() < 2 || current.count() < 2) {
      return new ZTestResult(Double.NaN, Double.NaN);
    }
    double difference = current.mean() - reference.mean();
    double standardError =
        Math.sqrt(reference.variance() / reference.count() + current.variance() / current.count());
    if (standardError == 0) {
      return difference == 0
          ? new ZTestResult(0, 1)
          : new ZTestResult(Math.copySign(Double.POSITIVE_INFINITY, difference), 0);
    }
    double z = difference / standardError;
    return new ZTestResult(z, Distributions.normalTwoSided(z));
  }
}
