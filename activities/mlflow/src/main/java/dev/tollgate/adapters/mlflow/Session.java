package dev.tollgate.adapters.mlflow;

import dev.tollgate.activities.tracking.TrackingSession;
import dev.tollgate.spec.TrackingSpec;
import java.util.Map;

/**
 * One validation's MLflow tracking, between {@link MlflowTracker#open} and {@link #finish}: the
 * MLflow run (or the warning why there is none) and the champion's metrics (or why they could not
 * be read).
 */
public final class Session implements TrackingSession {
  private final TrackingSpec.Mlflow spec;
  private final TrackedRun run;
  private final MlflowRuns runs;
  private final MlflowModels models;
  private final MlflowRuns.Run opened;
  private final String warning;
  private final Champion champion;
  private final String championWarning;
  private final TrackingFailures failures;

  Session(
      TrackingSpec.Mlflow spec,
      TrackedRun run,
      MlflowRuns runs,
      MlflowModels models,
      MlflowRuns.Run opened,
      String warning,
      Champion champion,
      String championWarning,
      TrackingFailures failures) {
    this.spec = spec;
    this.run = run;
    this.runs = runs;
    this.models = models;
    this.opened = opened;
    this.warning = warning;
    this.champion = champion;
    this.championWarning = championWarning;
    this.failures = failures;
  }

  /** Why the run could not be logged, or {@code null}. */
  @Override
  public String warning() {
    return warning;
  }

  /** The champion, or {@code null} when no version holds the alias or it could not be read. */
  @Override
  public Champion champion() {
    return champion;
  }

  /** Why the champion could not be read, or {@code null}. */
  @Override
  public String championWarning() {
    return championWarning;
  }

  /** The MLflow run id, or {@code null} when there is no run. */
  public String mlflowRunId() {
    return opened == null ? null : opened.id();
  }

  /**
   * Uploads {@code artifacts} (path under the run's root to bytes), adds {@code tags}, registers
   * the model version (source: the run's {@code model/} folder) and marks the run finished.
   *
   * @return {@code null} when all went up, else the warning (also when the run was never opened)
   */
  @Override
  public String finish(Map<String, byte[]> artifacts, Map<String, String> tags) {
    if (opened == null) return warning;
    try {
      for (var a : artifacts.entrySet()) runs.upload(opened, a.getKey(), a.getValue());
      runs.log(opened, Map.of(), Map.of(), tags);
      models.register(spec.registeredModel(), run.version(), opened, run.runId());
      runs.finish(opened);
      return null;
    } catch (RuntimeException e) {
      return failures.record(run.model(), "log_artifacts", spec.uri(), e);
    }
  }
}
