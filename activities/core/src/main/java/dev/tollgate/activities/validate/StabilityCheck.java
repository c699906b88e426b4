package dev.tollgate.activities.validate;

import dev.tollgate.stages.CheckResult;

/**
 * Coefficient of variation (std / |mean|) of the holdout predictions: a model whose predictions
 * swing far more than the target ever does is suspect even when its averages look fine.
 */
final class StabilityCheck {
  static final String NAME = "stability.cv";

  private StabilityCheck() {}

  static CheckResult run(double maxCv, double[] predicted) {
    String threshold = "≤ " + maxCv;
    double mean = Checks.mean(predicted);
    if (mean == 0 || !Double.isFinite(mean)) {
      return Checks.skipped(
          NAME,
          threshold,
          "the mean prediction is " + mean + ": the coefficient of variation is undefined");
    }
    double cv = Checks.std(predicted) / Math.abs(mean);
    boolean ok = cv <= maxCv;
    return Checks.judged(
        NAME,
        cv,
        threshold,
        ok,
        "holdout predictions vary by "
            + Checks.fmt(cv)
            + " of their mean ("
            + (ok ? "within " : "above ")
            + maxCv
            + ")");
  }
}
