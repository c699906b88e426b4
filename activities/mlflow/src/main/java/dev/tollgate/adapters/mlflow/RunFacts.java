package dev.tollgate.adapters.mlflow;

import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.ValidationRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The params, metrics and tags of a validated candidate, as MLflow shows them. */
public final class RunFacts {
  private RunFacts() {}

  /**
   * @param metrics the candidate's holdout metrics, as validation scored them
   */
  public static TrackedRun of(ValidationRequest request, Map<String, Double> metrics) {
    PipelineSpec spec = request.spec();
    var training = spec.training();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("task", spec.task().name().toLowerCase(Locale.ROOT));
    // a command trains with its own code: its argv (or the import) stands where the algorithm would
    params.put(
        "algorithm",
        !training.byCommand()
            ? training.algorithm()
            : training.command().imported() ? "import" : "command");
    if (training.byCommand())
      training.command().params().forEach((k, v) -> params.put(k, shown(v)));
    new java.util.TreeMap<>(training.params()).forEach((k, v) -> params.put(k, shown(v)));
    params.put("seed", Long.toString(training.seed()));
    params.put("holdout", number(training.holdout()));
    if (training.search() != null) params.put("search", "true");
    params.put("data.train", spec.data().train());
    params.put("data.target", spec.data().target());
    params.put("data.features", String.join(",", spec.data().features()));
    params.put("train_rows", Integer.toString(request.trained().trainRows()));
    params.put("holdout_rows", Integer.toString(request.trained().holdoutRows()));
    Map<String, String> tags =
        new LinkedHashMap<>(MlflowTracker.sourceTags(spec.model(), request.candidate().version()));
    tags.put("tollgate.model_digest", request.candidate().modelDigest());
    tags.put("tollgate.data_sha256", request.trained().dataDigest());
    if (request.trigger() != null) tags.put("tollgate.trigger", request.trigger());
    return new TrackedRun(
        spec.model(), request.candidate().version(), request.runId(), params, metrics, tags);
  }

  /** A number as MLflow has always shown it ({@code 200}, {@code 0.05}); a text or flag as is. */
  private static String shown(ParamValue v) {
    return v instanceof ParamValue.Numeric n ? number(n.value()) : v.toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
