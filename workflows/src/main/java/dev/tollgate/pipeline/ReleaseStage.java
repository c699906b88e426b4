package dev.tollgate.pipeline;

import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.RollbackRequest;
import dev.tollgate.stages.SmokeTestResult;

/**
 * An approved candidate into production: deploy, smoke-test and promote ({@link DeployStage}), a
 * failed smoke test compensated by a rollback; then, if the spec asks for it, the degradation
 * watch, which puts the previous version back (serving and registry) when the model degrades.
 */
final class ReleaseStage {
  private final RunProgress run;
  private final RunState state;
  private final DeployActivities deploy;
  private final RegistryActivities registry;
  private final CandidateArchive archive;
  private final RunCancellation cancellation;

  ReleaseStage(
      RunProgress run,
      RunState state,
      DeployActivities deploy,
      RegistryActivities registry,
      CandidateArchive archive,
      RunCancellation cancellation) {
    this.run = run;
    this.state = state;
    this.deploy = deploy;
    this.registry = registry;
    this.archive = archive;
    this.cancellation = cancellation;
  }

  /** Deploy, smoke-test, then promote; a failed smoke test is compensated by a rollback. */
  void deployAndCheck() {
    DeployStage.Result deployed =
        state.stage(
            Stage.DEPLOYING,
            () ->
                new DeployStage(deploy, registry, cancellation, state::canary)
                    .run(run.spec, run.candidate, run.previous, run.runId, run.approvers()),
            DeploySummary::of);
    SmokeTestResult smoke = deployed.smoke();
    if (smoke.passed()) {
      run.outcome = Outcome.DEPLOYED;
      if (run.spec.deploy().watch() != null) watch(deployed.deployment());
      return;
    }
    run.failure = "smoke test failed: " + smoke.message();
    run.outcome = run.spec.deploy().rollbackOnSmokeFailure() ? Outcome.ROLLED_BACK : Outcome.FAILED;
    archive.archive(run.candidate, run.runId, "smoke_failed: " + smoke.message());
    state.markLastFailed(DeploySummary.failed(deployed, run.outcome == Outcome.ROLLED_BACK));
  }

  /**
   * The degradation watch; a degraded model goes back to the previous one, serving and registry.
   */
  private void watch(Deployment d) {
    DegradationWatch.Result w =
        state.stage(
            Stage.WATCHING,
            () ->
                new DegradationWatch(deploy, cancellation)
                    .run(run.spec, run.candidate, run.trained.metrics()),
            DegradationWatch.Result::describe);
    if (!w.degraded()) return;
    if (run.previous == null) {
      state.markLastFailed("degraded, and no earlier version to roll back to: " + w.reason());
      return;
    }
    deploy.rollback(d, run.previous);
    // Its own audit run id: this run's id already moved the candidate into Production.
    registry.restoreProduction(
        new RollbackRequest(
            run.spec.model(),
            run.previous.version(),
            run.runId + "-watch",
            "pipeline",
            "degraded: " + w.reason()));
    run.outcome = Outcome.ROLLED_BACK;
    run.failure = "degraded: " + w.reason();
    state.markLastFailed("rolled back: " + run.failure);
  }
}
