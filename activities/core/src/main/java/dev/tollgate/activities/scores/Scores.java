package dev.tollgate.activities.scores;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.models.Matrices;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.spec.Task;
import java.util.Map;

/**
 * The holdout metrics of a task (names as in {@code TaskMetrics}): training reports them and
 * validation recomputes them the same way, so both always agree.
 */
public final class Scores {
  private Scores() {}

  public static Map<String, Double> of(
      Task task, Dataset data, int[] rows, Predictions predictions) {
    return switch (task) {
      case REGRESSION -> RegressionScores.of(data.target(rows), predictions.values());
      case CLASSIFICATION ->
          ClassificationScores.of(Matrices.labels(data, rows), predictions, data.classes().size());
      case ANOMALY -> AnomalyScores.of(data.target(rows), predictions);
    };
  }
}
