package dev.tollgate.activities.validate;

import dev.tollgate.spec.MetricBound;
import dev.tollgate.stages.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One check per metric bound of the spec, on the candidate's holdout metrics. A bound on a metric
 * the task does not produce fails: a typo in the spec must not pass the gate silently.
 */
final class ThresholdChecks {
  private ThresholdChecks() {}

  static List<CheckResult> run(Map<String, MetricBound> thresholds, Map<String, Double> metrics) {
    List<CheckResult> results = new ArrayList<>();
    // Sorted by metric name: the spec's map has no order, the report should have a stable one.
    new java.util.TreeMap<>(thresholds)
        .forEach(
            (metric, bound) -> {
              String name = "threshold." + metric;
              Double value = metrics.get(metric);
              if (value == null) {
                results.add(
                    new CheckResult(
                        name,
                        null,
                        bound.describe(),
                        CheckResult.Status.FAIL,
                        "metric '"
                            + metric
                            + "' is not produced for this model and data (produced: "
                            + String.join(", ", new java.util.TreeSet<>(metrics.keySet()))
                            + ")"));
                return;
              }
              boolean ok = bound.accepts(value);
              results.add(
                  Checks.judged(
                      name,
                      value,
                      bound.describe(),
                      ok,
                      metric
                          + " "
                          + Checks.fmt(value)
                          + (ok ? " is within " : " is outside ")
                          + bound.describe()));
            });
    return results;
  }
}
