package dev.tollgate.policy;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The worker's approval policy, as workflows read it: through a (local) activity, so the policy in
 * force when a run started is recorded in its history and replays unchanged after the operator
 * edits the file. The workflow never takes a policy from whoever started it.
 */
@ActivityInterface
public interface PolicyActivities {

  /**
   * The policy for the model's approval gate in {@code query.environment()}: its own file (for that
   * environment, else for every one), else the {@code "*"} file, else — only on a worker with no
   * policy folder — {@link ApprovalPolicy#DEFAULT}. A worker with a folder but no policy for the
   * model refuses (non-retryable {@code TollgatePolicyRefused}), naming the folder.
   */
  @ActivityMethod
  ApprovalPolicy approvalPolicy(PolicyQuery query);

  /**
   * Whether {@code request.by()} may do the action on the model, by the model's policy (the one for
   * every environment); checks the voucher's seal where the policy requires identity; writes one
   * audit line whatever the answer.
   */
  @ActivityMethod
  ActionVerdict authorize(ActionRequest request);
}
