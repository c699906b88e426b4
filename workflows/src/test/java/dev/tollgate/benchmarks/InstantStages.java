package dev.tollgate.benchmarks;

import dev.tollgate.stages.AliasRequest;
import dev.tollgate.stages.ArchiveRequest;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.LiveScore;
import dev.tollgate.stages.LiveScoreRequest;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.PromoteRequest;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.RollbackPlan;
import dev.tollgate.stages.RollbackRequest;
import dev.tollgate.stages.SmokeTestResult;
import dev.tollgate.stages.StageRequest;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.TrialResult;
import dev.tollgate.stages.ValidateActivities;
import dev.tollgate.stages.ValidationRequest;
import dev.tollgate.stages.ValidationVerdict;
import java.util.List;
import java.util.Map;

/**
 * Tollgate's stage interfaces answering at once with realistic shapes (a model version, a passed
 * verdict): what is left of a run's cost is the engine's, the workflow's commands and payloads.
 */
final class InstantStages
    implements TrainActivities,
        ValidateActivities,
        RegistryActivities,
        DeployActivities,
        NotifyActivities {
  static final Map<String, Double> METRICS = Map.of("rmse", 41.2, "r2", 0.87, "mae", 30.0);

  @Override
  public TrainedModel train(TrainRequest r) {
    return new TrainedModel("file:/artifacts/abc/", "abc", "d1", 800, 200, METRICS, 12);
  }

  @Override
  public TrialResult trial(TrainRequest r) {
    return new TrialResult(0, Map.of(), METRICS, null, 1);
  }

  @Override
  public ValidationVerdict validate(ValidationRequest r) {
    ValidatedRuns.validated();
    return new ValidationVerdict(
        true,
        List.of(new CheckResult("rmse", 41.2, "≤ 75.0", CheckResult.Status.PASS, "rmse 41.2 ≤ 75")),
        "file:/reports/v1/validation.json",
        "r1");
  }

  @Override
  public ModelVersion registerCandidate(RegisterRequest r) {
    return new ModelVersion(r.model(), 1, r.runId(), r.artifactUri(), r.modelDigest(), METRICS);
  }

  @Override
  public ModelVersion currentProduction(String model) {
    return null;
  }

  @Override
  public void promote(PromoteRequest r) {}

  @Override
  public void stageVersion(StageRequest r) {}

  @Override
  public void archive(ArchiveRequest r) {}

  @Override
  public RollbackPlan planRollback(RollbackRequest r) {
    throw new UnsupportedOperationException("not in a pipeline run");
  }

  @Override
  public void restoreProduction(RollbackRequest r) {}

  @Override
  public void setAlias(AliasRequest r) {}

  @Override
  public ModelRecord describeModel(String model) {
    return new ModelRecord(model, List.of(), Map.of(), List.of());
  }

  @Override
  public List<ModelRecord> listModels() {
    return List.of();
  }

  @Override
  public Deployment deploy(DeployRequest r) {
    return new Deployment(r.version(), "local", "/serving/" + r.version().model(), null);
  }

  @Override
  public SmokeTestResult smokeTest(Deployment d) {
    return new SmokeTestResult(true, 20, "20 rows scored");
  }

  @Override
  public Deployment deployCanary(DeployRequest r, int percent) {
    return deploy(r);
  }

  @Override
  public LiveScore scoreLive(LiveScoreRequest r) {
    return new LiveScore("rmse", 41.2, 100);
  }

  @Override
  public void rollback(Deployment failed, ModelVersion previous) {}

  @Override
  public void publish(PipelineEvent event) {}
}
