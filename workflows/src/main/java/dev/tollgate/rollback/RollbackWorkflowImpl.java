package dev.tollgate.rollback;

import dev.tollgate.actions.ActionGate;
import dev.tollgate.pipeline.Failures;
import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.pipeline.StageOptions;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.DeployAuthority;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.EventHeader;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.RollbackFinished;
import dev.tollgate.stages.RollbackPlan;
import dev.tollgate.stages.RollbackRequest;
import dev.tollgate.stages.SmokeTestResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

/**
 * plan → deploy the target → smoke test → registry, or undo the deploy. A refused plan (unknown
 * version, one that never served) fails the workflow with the registry's message, before anything
 * moves. Notify runs whatever the end.
 *
 * <p>A cancel sent to Temporal does not stop the saga half-way (issue 22), where serving would run
 * the target while the registry still names the version it replaced: the saga runs in a detached
 * cancellation scope and finishes (a few minutes at most), and the SDK then closes the execution as
 * Canceled. A rollback is itself the undo; to change course, roll back again.
 */
public class RollbackWorkflowImpl implements RollbackWorkflow {
  private final RegistryActivities registry =
      Workflow.newActivityStub(RegistryActivities.class, StageOptions.registry());
  private final DeployActivities deploy =
      Workflow.newActivityStub(DeployActivities.class, StageOptions.deploy());
  private final NotifyActivities notify =
      Workflow.newActivityStub(NotifyActivities.class, StageOptions.notifyStage());

  private String step = "planning";

  @Override
  public RollbackResult run(RollbackRun request) {
    RollbackResult[] result = new RollbackResult[1];
    Workflow.newDetachedCancellationScope(() -> result[0] = saga(request)).run();
    return result[0];
  }

  private RollbackResult saga(RollbackRun request) {
    RollbackRequest r = request.rollback();
    ActionGate.authorise(
        PolicyAction.ROLLBACK, r.model(), r.by(), RollbackRun.detail(r), request.voucher());
    RollbackPlan plan;
    try {
      plan = registry.planRollback(r);
    } catch (ActivityFailure e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "rollback of " + r.model() + " refused: " + Failures.message(e),
          "TollgateRollbackRefused");
    }
    PipelineSpec spec = spec(request, plan);
    int from = plan.current().version();
    int to = plan.target().version();
    step = "deploying v" + to;
    Deployment d =
        deploy.deploy(
            new DeployRequest(
                plan.target(),
                spec.deploy(),
                spec.data(),
                r.runId(),
                null,
                DeployAuthority.rollback(r.by(), r.reason())));
    step = "smoke-testing v" + to;
    SmokeTestResult smoke = deploy.smokeTest(d);
    RollbackResult result;
    if (smoke.passed()) {
      step = "moving the registry";
      registry.restoreProduction(new RollbackRequest(r.model(), to, r.runId(), r.by(), r.reason()));
      result = new RollbackResult(r.model(), from, to, true, smoke.message());
    } else {
      step = "restoring v" + from;
      deploy.rollback(d, plan.current());
      result =
          new RollbackResult(
              r.model(),
              from,
              to,
              false,
              "v"
                  + to
                  + " failed its smoke test ("
                  + smoke.message()
                  + "); v"
                  + from
                  + " serves still");
    }
    step = "notifying";
    publish(r, result);
    step = "done";
    return result;
  }

  @Override
  public String step() {
    return step;
  }

  /** The caller's spec, else the one the target was built with. */
  private static PipelineSpec spec(RollbackRun request, RollbackPlan plan) {
    if (request.spec() != null) return request.spec();
    if (plan.targetSpecJson() != null) return SpecJson.read(plan.targetSpecJson());
    throw ApplicationFailure.newNonRetryableFailure(
        plan.target().label()
            + " was registered before the registry kept specs: give its spec with"
            + " --spec FILE (for the deploy target and the smoke-test rows)",
        "TollgateRollbackRefused");
  }

  private void publish(RollbackRequest r, RollbackResult result) {
    try {
      notify.publish(
          new RollbackFinished(
              new EventHeader(
                  r.model(), r.runId(), Workflow.getInfo().getWorkflowId(), result.headline()),
              result.fromVersion(),
              result.toVersion(),
              result.restored(),
              r.by(),
              r.reason()));
    } catch (ActivityFailure e) {
      Workflow.getLogger(RollbackWorkflowImpl.class)
          .warn("notification failed: {}", Failures.message(e));
    }
  }
}
