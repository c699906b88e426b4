package dev.tollgate.activities.validate;

import dev.tollgate.spec.ValidationSpec.RangeSpec;
import dev.tollgate.stages.CheckResult;

/**
 * Share of holdout predictions further than {@code sigma} standard deviations from the mean of the
 * training target: predictions far outside anything seen in training are a sign of extrapolation or
 * a broken feature.
 */
final class RangeCheck {
  static final String NAME = "range.outlier_share";

  private RangeCheck() {}

  static CheckResult run(RangeSpec range, double[] trainTarget, double[] predicted) {
    double mean = Checks.mean(trainTarget);
    double limit = range.sigma() * Checks.std(trainTarget);
    int outside = 0;
    for (double p : predicted) {
      if (!(Math.abs(p - mean) <= limit)) { // NaN counts as outside
        outside++;
      }
    }
    double share = (double) outside / predicted.length;
    boolean ok = share <= range.maxOutlierShare();
    return Checks.judged(
        NAME,
        share,
        "≤ " + range.maxOutlierShare(),
        ok,
        outside
            + " of "
            + predicted.length
            + " holdout predictions lie beyond "
            + range.sigma()
            + "σ of the training target ("
            + Checks.fmt(mean - limit)
            + " … "
            + Checks.fmt(mean + limit)
            + ")");
  }
}
