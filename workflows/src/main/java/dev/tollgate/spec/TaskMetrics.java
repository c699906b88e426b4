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

  /**
   * Errors are never negative and have no top; r2 has no bottom and tops at 1; the rest are shares.
   */
  private static final Set<String> ERRORS = Set.of("mae", "rmse", "mape", "log_loss");

  private TaskMetrics() {}

  public static Set<String> of(Task task) {
    return NAMES.get(task);
  }

  /**
   * Why a bound on {@code metric} can never be met, or {@code null} when it can: an error below 0,
   * an r2 above 1, a share outside 0 to 1. Such a bound would fail (or pass) every run after the
   * training it wasted, so the parser refuses it.
   */
  public static String impossible(String metric, double bound) {
    if (ERRORS.contains(metric)) {
      return bound < 0 ? "expected 0 or more (" + metric + " is never negative)" : null;
    }
    if (metric.equals("r2")) {
      return bound > 1 ? "expected at most 1 (r2 is never above 1)" : null;
    }
    return bound < 0 || bound > 1
        ? "expected a value from 0 to 1 (" + metric + " is a share)"
        : null;
  }
}
