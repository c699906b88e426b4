package dev.tollgate.pipeline;

import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.DeployAuthority;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.PromoteRequest;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.SmokeTestResult;
import dev.tollgate.stages.StageRequest;
import dev.tollgate.stages.TestedDeployment;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.function.Consumer;

/**
 * Deploy, smoke-test, promote; a failed smoke test is compensated by a rollback of serving. With
 * {@code deploy.canary} (and a Production version to share the traffic with), the candidate first
 * serves its share, is smoke-tested there and bakes, then takes all the traffic and is smoke-tested
 * again. A deploy and its smoke test are one activity (ADR 0007).
 *
 * <p>A cancel ({@link RunCancellation}) never cuts a deploy or a smoke test short: it stops the
 * canary's bake, or the stage before it promotes; each deployment it made is registered to be taken
 * back, so the previous version serves again.
 */
final class DeployStage {
  /**
   * How the stage ended: the last smoke test and the deployment it tested, and the canary as it
   * last stood ({@code null}: none), which {@link DeploySummary} puts into words.
   */
  record Result(SmokeTestResult smoke, Deployment deployment, CanaryStatus canary) {
    Result(SmokeTestResult smoke, Deployment deployment) {
      this(smoke, deployment, null);
    }
  }

  /** The key of what serves in production, for {@link RunCancellation#undoOnCancel}. */
  private static final String PRODUCTION = "production";

  private final DeployActivities deploy;
  private final RegistryActivities registry;

  /** Told where a canary is (for the status query), and {@code null} once the stage is over. */
  private final Consumer<CanaryStatus> canaryProgress;

  private final RunCancellation cancellation;

  DeployStage(DeployActivities deploy, RegistryActivities registry, RunCancellation cancellation) {
    this(deploy, registry, cancellation, c -> {});
  }

  DeployStage(
      DeployActivities deploy,
      RegistryActivities registry,
      RunCancellation cancellation,
      Consumer<CanaryStatus> canaryProgress) {
    this.deploy = deploy;
    this.registry = registry;
    this.cancellation = cancellation;
    this.canaryProgress = canaryProgress;
  }

  /**
   * A pre-production environment: deploy there, smoke-test, mark the version Staging. A failed
   * smoke test takes the deployment back (the environment's previous version serves again).
   */
  Result inEnvironment(
      PipelineSpec spec, DeploySpec.Environment env, ModelVersion candidate, String runId) {
    DeploySpec ds = spec.deploy().in(env);
    String name = env.servingName(spec.model(), false);
    TestedDeployment tested =
        deploy.deployAndSmokeTest(new DeployRequest(candidate, ds, spec.data(), runId, name));
    Deployment d = tested.deployment();
    SmokeTestResult s = tested.smoke();
    if (!s.passed()) {
      if (ds.rollbackOnSmokeFailure()) deploy.rollback(d, null);
      return new Result(s, d);
    }
    cancellation.undoOnCancel(
        env.name(),
        env.name()
            + ": "
            + candidate.label()
            + " taken back, what served there before serves again",
        () -> deploy.rollback(d, null));
    registry.stageVersion(new StageRequest(spec.model(), candidate.version(), runId, env.name()));
    return new Result(s, d);
  }

  /**
   * @param approvers the approvals that settled the gate, in order: kept with what serves, and the
   *     registry's promotion is by them all ("alice, bob")
   */
  Result run(
      PipelineSpec spec,
      ModelVersion candidate,
      ModelVersion previous,
      String runId,
      List<String> approvers) {
    DeploySpec ds = production(spec.deploy());
    DeployRequest request =
        new DeployRequest(
            candidate, ds, spec.data(), runId, null, DeployAuthority.approved(approvers));
    String approvedBy = String.join(", ", approvers);
    CanaryStatus canary = null;
    try {
      if (ds.canary() != null && previous != null) {
        canary =
            CanaryStatus.started(
                candidate.version(), ds.canary().percent(), previous.version(), ds.canary().bake());
        canaryProgress.accept(canary);
        Deployment onShare = deploy.deployCanary(request, ds.canary().percent());
        cancellation.undoOnCancel(
            PRODUCTION,
            "canary of " + candidate.label() + " withdrawn, v" + previous.version() + " serves all",
            () -> deploy.rollback(onShare, previous));
        SmokeTestResult s = deploy.smokeTest(onShare);
        if (!s.passed()) return undone(ds, onShare, previous, s, canary);
        // Workflow time: the same on replay, so the query's bake end never moves.
        canary = canary.baking(Workflow.currentTimeMillis() + ds.canary().bake().toMillis());
        canaryProgress.accept(canary);
        cancellation.interruptible(
            () -> {
              Workflow.sleep(ds.canary().bake());
              return null;
            });
        canary = canary.baked();
        canaryProgress.accept(canary);
      }
      TestedDeployment tested = deploy.deployAndSmokeTest(request);
      Deployment d = tested.deployment();
      cancellation.undoOnCancel(
          PRODUCTION,
          previous == null
              ? candidate.label() + " taken out of serving (no earlier version)"
              : "v" + previous.version() + " serves again",
          () -> deploy.rollback(d, previous));
      SmokeTestResult s = tested.smoke();
      if (!s.passed()) return undone(ds, d, previous, s, canary);
      cancellation.checkpoint(); // the last point a cancel stops the stage: next it promotes
      registry.promote(new PromoteRequest(spec.model(), candidate.version(), runId, approvedBy));
      return new Result(s, d, canary);
    } finally {
      canaryProgress.accept(null); // the stage is over: its summary tells the canary's outcome
    }
  }

  /** The production environment's deploy section: the last environment's, else the section's. */
  private static DeploySpec production(DeploySpec ds) {
    if (ds.environments().isEmpty()) return ds;
    DeploySpec.Environment prod = ds.environments().getLast();
    return new DeploySpec(
        prod.target(),
        ds.rollbackOnSmokeFailure(),
        ds.rollbackOnDegradation(),
        prod.ecs(),
        ds.canary(),
        ds.watch(),
        null);
  }

  private Result undone(
      DeploySpec ds, Deployment d, ModelVersion previous, SmokeTestResult s, CanaryStatus canary) {
    if (ds.rollbackOnSmokeFailure()) deploy.rollback(d, previous);
    return new Result(s, d, canary);
  }
}
