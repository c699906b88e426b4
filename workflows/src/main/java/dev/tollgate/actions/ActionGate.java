package dev.tollgate.actions;

import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.pipeline.StageOptions;
import dev.tollgate.policy.ActionRequest;
import dev.tollgate.policy.ActionVerdict;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.PolicyActivities;
import dev.tollgate.policy.Voucher;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

/**
 * The check at the start of a workflow that is itself a production action ({@code tollgate
 * rollback}, {@code tollgate models alias}): the worker authorises it by the model's approval
 * policy (a local activity, so the answer is in the workflow's history, and the worker writes it to
 * its audit log), and a refusal fails the workflow with the reason before anything moves (issue
 * 21).
 */
public final class ActionGate {
  private ActionGate() {}

  /**
   * @throws ApplicationFailure ({@value FailureTypes#ACTION_REFUSED}, not retried) when refused
   */
  public static void authorise(
      PolicyAction action, String model, String by, String detail, Voucher voucher) {
    PolicyActivities policies =
        Workflow.newLocalActivityStub(PolicyActivities.class, StageOptions.policyLocal());
    ActionVerdict v =
        policies.authorize(
            new ActionRequest(action, model, by, detail, voucher, Workflow.currentTimeMillis()));
    if (!v.allowed()) {
      throw ApplicationFailure.newNonRetryableFailure(
          action.value() + " of " + model + " by " + by + " refused: " + v.note(),
          FailureTypes.ACTION_REFUSED);
    }
  }
}
