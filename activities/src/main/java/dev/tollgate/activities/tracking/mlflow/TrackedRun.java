package dev.tollgate.activities.tracking.mlflow;

import java.util.Map;

/**
 * What a validation logs to MLflow about a Tollgate run: who it is, and its params, holdout metrics
 * and tags.
 *
 * @param version the candidate's version in Tollgate's registry
 */
public record TrackedRun(
    String model,
    int version,
    String runId,
    Map<String, String> params,
    Map<String, Double> metrics,
    Map<String, String> tags) {

  public TrackedRun {
    params = Map.copyOf(params);
    // MLflow's JSON has no NaN: an undefined metric is left out
    Map<String, Double> defined = new java.util.TreeMap<>();
    metrics.forEach(
        (k, v) -> {
          if (v != null && Double.isFinite(v)) defined.put(k, v);
        });
    metrics = Map.copyOf(defined);
    tags = Map.copyOf(tags);
  }
}
