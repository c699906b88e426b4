package dev.tollgate.spec;

import java.util.Set;

/** Whether a bigger value of a metric is better: r2 and the classification scores; not errors. */
public final class MetricDirection {
  private static final Set<String> HIGHER_IS_BETTER =
      Set.of("r2", "accuracy", "precision", "recall", "f1", "auc");

  private MetricDirection() {}

  public static boolean higherIsBetter(String metric) {
    return HIGHER_IS_BETTER.contains(metric);
  }

  /** True when {@code candidate} beats {@code best} (a {@code null} best is beaten by anything). */
  public static boolean better(String metric, double candidate, Double best) {
    if (Double.isNaN(candidate)) return false;
    if (best == null) return true;
    return higherIsBetter(metric) ? candidate > best : candidate < best;
  }
}
