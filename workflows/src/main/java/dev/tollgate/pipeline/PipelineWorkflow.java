package dev.tollgate.pipeline;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One pipeline run: train → validate → approve → deploy → notify. Workflow ID {@code
 * pipeline/<model>/<run-id>} (see {@link WorkflowIds}).
 */
@WorkflowInterface
public interface PipelineWorkflow {

  @WorkflowMethod
  PipelineResult run(PipelineRequest request);

  /**
   * Approve, fire-and-forget. A signal cannot be refused, so an approval from someone not listed in
   * the spec, or after the decision, is recorded in the audit trail and otherwise ignored. Prefer
   * {@link #decide}, which refuses it to the caller.
   */
  @SignalMethod
  void approve(String by, String comment);

  /** Reject, fire-and-forget; the same rules as {@link #approve}. */
  @SignalMethod
  void reject(String by, String reason);

  /**
   * Approve or reject, with an answer: the validator refuses an approver not listed in the spec, a
   * second decision by the same person, and any decision when none is awaited.
   */
  @UpdateMethod
  DecisionRecord decide(DecisionRequest decision);

  @UpdateValidatorMethod(updateName = "decide")
  void validateDecide(DecisionRequest decision);

  /**
   * Cancel the run, with who and why ({@code tollgate cancel}): the worker authorises it by the
   * model's approval policy (action {@code cancel}); allowed, the run stops at its next safe point,
   * takes back what it deployed, archives its candidate and ends CANCELLED. The answer says whether
   * it was allowed, and why not. The validator refuses a request without a name or reason, a run
   * that is cancelled already or has finished its stages, and runs from before cancellation was an
   * outcome.
   */
  @UpdateMethod
  CancelRecord cancel(CancelRequest request);

  @UpdateValidatorMethod(updateName = "cancel")
  void validateCancel(CancelRequest request);

  /**
   * The approver a Slack user is ({@code notify.slack.approvers}), or {@code null}: Slack's buttons
   * decide as that name, through {@link #decide} and its validator.
   */
  @QueryMethod
  String approverForSlackUser(String slackUserId);

  /** Where the run is: stage, history with timings, figures, and who is asked while waiting. */
  @QueryMethod
  PipelineStatus status();
}
