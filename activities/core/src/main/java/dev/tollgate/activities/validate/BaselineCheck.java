package dev.tollgate.activities.validate;

import dev.tollgate.activities.artifacts.ModelCompatibility;
import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.scores.Scores;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.ModelVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The candidate against the current Production model, both scored on the same holdout rows of the
 * same data (the registered metrics of the baseline came from other data and are not comparable),
 * each encoded with its own recorded schema: a Production model trained before a category appeared
 * sees it as all zeros, as it would in service. Fails when the candidate is worse by more than the
 * relative tolerance: rmse may not rise by more than {@code tolerance × baseline rmse}, r2 may not
 * fall by more than {@code tolerance × |baseline r2|}. Classifiers are compared on log_loss (lower
 * is better) and accuracy, anomaly detectors on f1 and auc (skipped when the target carries no
 * anomaly labels).
 */
final class BaselineCheck {
  private BaselineCheck() {}

  /** A metric compared with the baseline, and which way is better. */
  private record Compared(String metric, boolean higherIsBetter) {}

  private static final Map<Task, List<Compared>> COMPARED =
      Map.of(
          Task.REGRESSION, List.of(new Compared("rmse", false), new Compared("r2", true)),
          Task.CLASSIFICATION,
              List.of(new Compared("log_loss", false), new Compared("accuracy", true)),
          Task.ANOMALY, List.of(new Compared("f1", true), new Compared("auc", true)));

  /**
   * Whether {@code production} can score this spec's data: the same target, and every feature it
   * was trained on still in the spec (the file then has its columns).
   */
  static boolean canScore(DataSpec spec, ModelMetadata production) {
    return spec.target().equals(production.target())
        && new HashSet<>(spec.features()).containsAll(ModelCompatibility.featureNames(production));
  }

  /**
   * @param data the same file encoded with the Production model's own schema (its categories and
   *     fill values), row for row the candidate's data; {@code null} when it {@link #canScore
   *     cannot score} it
   * @param scored receives the Production model's metrics on the holdout when it could be scored
   */
  static List<CheckResult> run(
      double tolerance,
      Holdout holdout,
      ModelVersion baseline,
      ModelStore.Loaded loaded,
      Dataset data,
      Map<String, Double> scored) {
    String threshold = "≤ " + tolerance + " worse than " + baseline.label();
    var used = loaded.metadata();
    if (data == null) {
      return List.of(
          Checks.skipped(
              "baseline",
              threshold,
              baseline.label()
                  + " was trained on other columns ("
                  + used.target()
                  + " from "
                  + ModelCompatibility.featureNames(used)
                  + "), it cannot score this data"));
    }
    if (data.rows() != holdout.data().rows()) {
      return List.of(
          Checks.skipped(
              "baseline",
              threshold,
              "read with "
                  + baseline.label()
                  + "'s columns the data keeps "
                  + data.rows()
                  + " rows, not "
                  + holdout.data().rows()
                  + ": the holdouts differ"));
    }
    if (holdout.task() == Task.CLASSIFICATION
        && !Objects.equals(used.classes(), holdout.data().classes())) {
      return List.of(
          Checks.skipped(
              "baseline",
              threshold,
              baseline.label()
                  + " predicts other classes ("
                  + used.classes()
                  + "), it cannot be compared on this data"));
    }
    int[] rows = holdout.split().holdout();
    var predicted = loaded.model().predict(data, rows);
    Map<String, Double> base = Scores.of(holdout.task(), data, rows, predicted);
    base.forEach(
        (k, v) -> {
          if (v != null) scored.put(k, v);
        });
    return COMPARED.get(holdout.task()).stream()
        .map(
            c ->
                compare(
                    "baseline." + c.metric(),
                    c.metric(),
                    c.higherIsBetter(),
                    tolerance,
                    threshold,
                    holdout.metrics(),
                    base,
                    baseline))
        .toList();
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
    double worse = Checks.worsening(higherIsBetter, c, b);
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
