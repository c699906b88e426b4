package dev.tollgate.activities.tracking;

import dev.tollgate.spec.TrackingSpec;
import dev.tollgate.stages.ValidationRequest;
import java.util.Map;

/**
 * Where runs are tracked beside Tollgate's own registry: for a spec with {@code tracking.mlflow},
 * the MLflow adapter's {@code MlflowTracker}. Validation {@link #open opens} a run's tracking
 * before its checks and finishes it after the reports; the registry {@link #moveChampion moves the
 * champion} with Production. Tracking mirrors Tollgate and never decides a run by itself (ADR
 * 0006): an implementation turns a failed call into a warning, and throws only to refuse a server
 * the worker does not let runs reach.
 */
public interface RunTracker {

  /**
   * Fails for good when the worker does not let runs reach {@code server}; a server that cannot be
   * resolved now passes (its calls then fail and warn, as an unreachable server's do).
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable, naming the spec key and the host
   */
  void checkAllowed(TrackingSpec.Mlflow server);

  /**
   * The run's tracking, found by its Tollgate run id or created, with the candidate's params, its
   * holdout {@code metrics} and tags logged (and the champion's metrics read when the spec gates on
   * them).
   */
  TrackingSession open(
      TrackingSpec.Mlflow server, ValidationRequest request, Map<String, Double> metrics);

  /**
   * Points the tracker's champion at the version mirroring Tollgate's {@code version}; harmless
   * when repeated.
   *
   * @return {@code null} when moved, else the warning
   */
  String moveChampion(TrackingSpec.Mlflow server, String model, int version);
}
