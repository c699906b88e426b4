package dev.tollgate.pipeline;

import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.PromoteRequest;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.SmokeTestResult;
import io.temporal.workflow.Workflow;

/**
 * Deploy, smoke-test, promote; a failed smoke test is compensated by a rollback of serving. With
 * {@code deploy.canary} (and a Production version to share the traffic with), the candidate first
 * serves its share, is smoke-tested there and bakes, then takes all the traffic and is smoke-tested
 * again. Specs with a canary did not exist before it, so older histories replay unchanged.
 */
final class DeployStage {
  /** How the stage ended: the last smoke test and the deployment it tested. */
  record Result(SmokeTestResult smoke, Deployment deployment) {}

  private final DeployActivities deploy;
  private final RegistryActivities registry;

  DeployStage(DeployActivities deploy, RegistryActivities registry) {
    this.deploy = deploy;
    this.registry = registry;
  }

  Result run(
      PipelineSpec spec,
      ModelVersion candidate,
      ModelVersion previous,
      String runId,
      String approvedBy) {
    DeploySpec ds = spec.deploy();
    DeployRequest request = new DeployRequest(candidate, ds, spec.data(), runId);
    if (ds.canary() != null && previous != null) {
      Deployment canary = deploy.deployCanary(request, ds.canary().percent());
      SmokeTestResult s = deploy.smokeTest(canary);
      if (!s.passed()) return undone(ds, canary, previous, s);
      Workflow.sleep(ds.canary().bake());
    }
    Deployment d = deploy.deploy(request);
    SmokeTestResult s = deploy.smokeTest(d);
    if (!s.passed()) return undone(ds, d, previous, s);
    registry.promote(new PromoteRequest(spec.model(), candidate.version(), runId, approvedBy));
    return new Result(s, d);
  }

  private Result undone(DeploySpec ds, Deployment d, ModelVersion previous, SmokeTestResult s) {
    if (ds.rollbackOnSmokeFailure()) deploy.rollback(d, previous);
    return new Result(s, d);
  }
}
