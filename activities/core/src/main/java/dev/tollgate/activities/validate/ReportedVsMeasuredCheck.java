package dev.tollgate.activities.validate;

import dev.tollgate.stages.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code reported_vs_measured}: a training command's own figure for a metric ({@code metrics.json},
 * kept as {@code reported.<name>}) against Tollgate's measurement of the same metric on the holdout
 * the command never saw. Gates are fed by Tollgate's figures only; this check catches a script
 * whose claim does not hold (a leak of the holdout into its own evaluation, a metric computed on
 * the training rows, a wrong class order in the export). One check per metric both name; none when
 * the command reported none of Tollgate's.
 *
 * <p>The difference is {@code |reported − measured| / max(1, |measured|)}: absolute for metrics on
 * a 0–1 scale (accuracy, auc, r2), relative for larger ones (an rmse of 40).
 */
final class ReportedVsMeasuredCheck {
  static final String NAME = "reported_vs_measured";

  private ReportedVsMeasuredCheck() {}

  static List<CheckResult> run(
      double tolerance, Map<String, Double> reported, Map<String, Double> measured) {
    List<CheckResult> checks = new ArrayList<>();
    new TreeMap<>(reported)
        .forEach(
            (metric, claim) -> {
              Double actual = measured.get(metric);
              if (actual == null || claim == null || !Double.isFinite(actual)) return;
              double difference = Math.abs(claim - actual) / Math.max(1.0, Math.abs(actual));
              boolean ok = difference <= tolerance;
              checks.add(
                  Checks.judged(
                      NAME + "." + metric,
                      difference,
                      "≤ " + tolerance,
                      ok,
                      "the training command reported "
                          + metric
                          + " "
                          + Checks.fmt(claim)
                          + ", Tollgate measured "
                          + Checks.fmt(actual)
                          + " on the holdout ("
                          + (ok ? "within " : "off by more than ")
                          + tolerance
                          + ")"));
            });
    return checks;
  }
}
