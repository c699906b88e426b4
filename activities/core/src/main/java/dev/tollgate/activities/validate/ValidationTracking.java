package dev.tollgate.activities.validate;

import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.tracking.RunTracker;
import dev.tollgate.activities.tracking.TrackingSession;
import dev.tollgate.spec.TrackingSpec;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.ValidationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation's side of the MLflow bridge, for a spec with {@code tracking.mlflow}: opens the MLflow
 * run before the checks (so the champion gate has its metrics and an unreachable server is in the
 * report), and logs the written reports and the model files after them. A failure becomes a skipped
 * check named {@value #CHECK} with the warning: it never fails the validation. A URI the worker's
 * allow-list refuses does: that is not an outage but a spec asking for a host it may not reach.
 */
final class ValidationTracking {
  static final String CHECK = "mlflow";

  private final RunTracker tracker;

  /**
   * @param tracker {@code null}: tracking sections are ignored (tools and tests without it)
   */
  ValidationTracking(RunTracker tracker) {
    this.tracker = tracker;
  }

  /**
   * Refuses, before validation does any work, a {@code tracking.mlflow.uri} the worker does not let
   * runs reach: the run fails naming the key and the host, nothing half-logged anywhere.
   */
  void checkAllowed(ValidationRequest request) {
    TrackingSpec.Mlflow m = mlflow(request);
    if (m != null) tracker.checkAllowed(m);
  }

  /** The run's tracking, or {@code null} when the spec (or this worker) has none. */
  TrackingSession open(ValidationRequest request, Map<String, Double> metrics) {
    TrackingSpec.Mlflow m = mlflow(request);
    return m == null ? null : tracker.open(m, request, metrics);
  }

  /** The champion gate's checks, and the warning when the run could not be logged. */
  List<CheckResult> checks(
      ValidationRequest request, TrackingSession s, Map<String, Double> metrics) {
    if (s == null) return List.of();
    List<CheckResult> out = new ArrayList<>();
    TrackingSpec.Champion gate = mlflow(request).champion();
    if (gate != null) out.addAll(ChampionCheck.run(gate, s, metrics));
    if (s.warning() != null) out.add(warning(s.warning()));
    return out;
  }

  /**
   * Uploads the reports (the bytes just written, by file name) and the model files, registers the
   * model version and closes the MLflow run.
   *
   * @return {@code checks}, with the warning added when this part failed
   */
  List<CheckResult> finish(
      TrackingSession s,
      List<CheckResult> checks,
      boolean passed,
      Map<String, byte[]> reportFiles,
      ModelStore models,
      String modelUri) {
    if (s == null || s.warning() != null) return checks;
    String late;
    try {
      Map<String, byte[]> files = new LinkedHashMap<>();
      reportFiles.forEach((name, bytes) -> files.put("validation/" + name, bytes));
      models.files(modelUri).forEach((name, bytes) -> files.put("model/" + name, bytes));
      late = s.finish(files, Map.of("tollgate.validation", passed ? "passed" : "failed"));
    } catch (RuntimeException e) {
      late = "MLflow: the model files could not be read for upload (" + e + ")";
    }
    if (late == null) return checks;
    List<CheckResult> out = new ArrayList<>(checks);
    out.add(warning(late));
    return out;
  }

  private TrackingSpec.Mlflow mlflow(ValidationRequest request) {
    var tracking = request.spec().tracking();
    return tracker == null || tracking == null ? null : tracking.mlflow();
  }

  private static CheckResult warning(String warning) {
    return Checks.skipped(
        CHECK, "logged to MLflow", warning + "; the run goes on without tracking");
  }
}
