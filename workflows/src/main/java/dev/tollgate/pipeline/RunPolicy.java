package dev.tollgate.pipeline;

import dev.tollgate.policy.ApprovalPolicy;
import dev.tollgate.policy.PolicyActivities;
import dev.tollgate.policy.PolicyQuery;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.PipelineSpec;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * A run's approval gate follows the worker's approval policy, not the spec alone (issue 21): the
 * run asks its worker for the policy through a local activity (recorded in the history, so replay
 * uses the policy in force when the run started, whatever the file says later) and holds the spec's
 * approval section to it ({@link EffectiveApproval}).
 */
final class RunPolicy {
  private RunPolicy() {}

  /**
   * The effective approval for {@code spec}.
   *
   * @throws dev.tollgate.policy.PolicyRefusal when the spec asks less than the policy allows
   * @throws io.temporal.failure.ActivityFailure when the worker has no policy for the model
   */
  static EffectiveApproval forRun(PipelineSpec spec) {
    PolicyActivities policies =
        Workflow.newLocalActivityStub(PolicyActivities.class, StageOptions.policyLocal());
    ApprovalPolicy policy =
        policies.approvalPolicy(new PolicyQuery(spec.model(), gateEnvironment(spec.deploy())));
    return EffectiveApproval.of(spec, policy);
  }

  /** The environment the approval gate guards: the last of the environments, else production. */
  static String gateEnvironment(DeploySpec deploy) {
    List<DeploySpec.Environment> envs = deploy.environments();
    return envs.isEmpty() ? PolicyQuery.PRODUCTION : envs.getLast().name();
  }
}
