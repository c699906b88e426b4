package dev.tollgate.spec;

import java.util.Map;
import java.util.Set;

/**
 * The holdout metrics each task produces, so the parser can refuse a threshold on a metric the run
 * will never compute. Classification metrics are macro averages over the classes when there are
 * more than two; anomaly metrics other than {@code anomaly_share} need a 0/1 label in the target
 * column (1 = anomaly), which is used for scoring only, never for training.
 */
public final class TaskMetrics {
  private static final Map<Task, Set<String>> NAMES =
      Map.of(
          Task.REGRESSION, Set.of("mae", "rmse", "r2", "mape"),
          Task.CLASSIFICATION, Set.of("accuracy", "precision", "recall", "f1", "auc", "log_loss"),
          Task.ANOMALY, Set.of("anomaly_share", "precision", "recall", "f1", "auc"));

  private TaskMetrics() {}

  public static Set<String> of(Task task) {
    return NAMES.get(task);
  }
}
