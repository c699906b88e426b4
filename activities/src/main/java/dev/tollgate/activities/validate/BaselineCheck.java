package dev.tollgate.activities.validate;

import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Frames;
import dev.tollgate.activities.train.RegressionScores;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.ModelVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The candidate against the current Production model, both scored on the same holdout rows of the
 * same data (the registered metrics of the baseline came from other data and are not comparable).
 * Fails when the candidate is worse by more than the relative tolerance: rmse may not rise by more
 * than {@code tolerance × baseline rmse}, r2 may not fall by more than {@code tolerance × |baseline
 * r2|}.
 */
final class BaselineCheck {
  private BaselineCheck() {}

  static List<CheckResult> run(
      double tolerance, Holdout holdout, ModelVersion baseline, ModelStore.Loaded loaded) {
    String threshold = "≤ " + tolerance + " worse than " + baseline.label();
    var used = loaded.metadata();
    if (!holdout.data().target().equals(used.target())
        || !new HashSet<>(holdout.data().features()).containsAll(used.features())) {
      return List.of(
          Checks.skipped(
              "baseline",
              threshold,
              baseline.label()
                  + " was trained on other columns ("
                  + used.target()
                  + " from "
                  + used.features()
                  + "), it cannot score this data"));
    }
    double[] predicted = Frames.predict(loaded.model(), holdout.data(), holdout.split().holdout());
    Map<String, Double> base = RegressionScores.of(holdout.truth(), predicted);
    return List.of(
        compare(
            "baseline.rmse",
            "rmse",
            false,
            tolerance,
            threshold,
            holdout.metrics(),
            base,
            baseline),
        compare(
            "baseline.r2", "r2", true, tolerance, threshold, holdout.metrics(), base, baseline));
  }

  private static CheckResult compare(
      String name,
      String metric,
      boolean higherIsBetter,
      double tolerance,
      String threshold,
      Map<String, Double> candidate,
      Map<String, Double> base,
      ModelVersion baseline) {
    Double c = candidate.get(metric);
    Double b = base.get(metric);
    if (c == null || b == null) {
      return Checks.skipped(name, threshold, metric + " is undefined on this holdout");
    }
    // Relative worsening: positive when the candidate is worse. The floor keeps a perfect
    // baseline (rmse 0) from dividing by zero.
    double worse = (higherIsBetter ? b - c : c - b) / Math.max(Math.abs(b), 1e-12);
    boolean ok = worse <= tolerance;
    return Checks.judged(
        name,
        worse,
        threshold,
        ok,
        metric
            + " "
            + Checks.fmt(c)
            + " vs "
            + Checks.fmt(b)
            + " for "
            + baseline.label()
            + " on the same holdout: "
            + (worse > 0 ? Checks.fmt(100 * worse) + "% worse" : "not worse"));
  }
}
