package dev.tollgate.adapters.mlflow;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a validation logs to MLflow about a Tollgate run: who it is, and its params, holdout metrics
 * and tags. Entries without a value (an undefined metric, a digest an older payload lacks) are left
 * out: MLflow's JSON has no NaN, and a missing value must not stop the run's logging.
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
    params = kept(params, v -> v != null);
    metrics = kept(metrics, v -> v != null && Double.isFinite(v));
    tags = kept(tags, v -> v != null);
  }

  private static <V> Map<String, V> kept(Map<String, V> all, Predicate<V> keep) {
    Map<String, V> out = new TreeMap<>();
    all.forEach(
        (k, v) -> {
          if (keep.test(v)) out.put(k, v);
        });
    return java.util.Collections.unmodifiableMap(out);
  }
}
