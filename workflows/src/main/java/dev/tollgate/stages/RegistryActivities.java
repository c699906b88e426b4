package dev.tollgate.stages;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The model registry: versions with their lineage, stages, aliases and an audit row for every move.
 * Every call is idempotent on (model, version, run id): a retried activity never adds a version, a
 * stage move or an audit row twice. Moves of one model are serialized (a row lock).
 */
@ActivityInterface
public interface RegistryActivities {

  /**
   * Registers a trained model as a new candidate version. Calling it again for the same run returns
   * the same version (retries do not create versions).
   */
  @ActivityMethod
  ModelVersion registerCandidate(RegisterRequest request);

  /** The current Production version, or {@code null} when the model was never deployed. */
  @ActivityMethod
  ModelVersion currentProduction(String model);

  /**
   * {@link #registerCandidate} and {@link #currentProduction} in one activity: one round trip to
   * the server where a run needs both (issue 12, engine overhead). Idempotent as both are.
   */
  default RegisteredCandidate registerCandidateAndReadProduction(RegisterRequest request) {
    ModelVersion candidate = registerCandidate(request);
    return new RegisteredCandidate(candidate, currentProduction(request.model()));
  }

  /**
   * Marks a version as Production (alias {@code champion}); the previous one is archived. Same call
   * twice is a no-op.
   */
  @ActivityMethod
  void promote(PromoteRequest request);

  /**
   * Marks a version as Staging (alias {@code challenger}) after it passed its smoke test in a
   * pre-production environment; the previous Staging version is archived. Same call twice is a
   * no-op.
   */
  @ActivityMethod
  void stageVersion(StageRequest request);

  /** Archives a version with its reason ({@code smoke_failed}, ...). Same call twice is a no-op. */
  @ActivityMethod
  void archive(ArchiveRequest request);

  /**
   * Checks a rollback without moving anything: a Production version to leave, a target that exists
   * and once served (was Production or Staging). Refusals are non-retryable, naming the version.
   */
  @ActivityMethod
  RollbackPlan planRollback(RollbackRequest request);

  /** Moves Production back to the plan's target, archiving the current one, with audit rows. */
  @ActivityMethod
  void restoreProduction(RollbackRequest request);

  /** Points an alias at a version ({@code challenger} or a free name; not {@code champion}). */
  @ActivityMethod
  void setAlias(AliasRequest request);

  /** A model's versions, aliases and audit trail ({@code tollgate models show}). */
  @ActivityMethod
  ModelRecord describeModel(String model);

  /** Every model's versions and aliases, without the audit trail ({@code tollgate models list}). */
  @ActivityMethod
  List<ModelRecord> listModels();
}
