package dev.tollgate.stages;

import dev.tollgate.spec.ParamValue;
import java.util.Map;

/**
 * One hyperparameter-search trial: the parameters tried and their holdout metrics, or why it failed
 * ({@code failure} non-null, {@code metrics} empty). A failed trial is recorded, not fatal.
 */
public record TrialResult(
    int index,
    Map<String, ParamValue> params,
    Map<String, Double> metrics,
    String failure,
    long millis) {

  public TrialResult {
    params = Map.copyOf(params);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
  }

  public static TrialResult failed(int index, Map<String, ParamValue> params, String failure) {
    return new TrialResult(index, params, Map.of(), failure, 0);
  }

  public boolean succeeded() {
    return failure == null;
  }
}
