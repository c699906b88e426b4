package dev.tollgate.worker.slack;

import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;

/**
 * The pipeline run a Slack button names (its value is the workflow id), as seen when the click
 * arrives. Decisions go through the run's {@code decide} Update, so its validator (who may decide,
 * once, only while the gate is open, a rejection needs a reason) is the same for Slack as for the
 * CLI; nothing here re-implements those rules.
 */
record PendingRun(String workflowId, PipelineWorkflow workflow, PipelineStatus status) {

  /** Looks the run up; a run that is gone or has not started yet is a refusal, not an error. */
  static PendingRun load(WorkflowClient client, String workflowId) {
    if (workflowId == null || workflowId.isBlank()) {
      throw new SlackRefusal("this button names no pipeline run");
    }
    PipelineWorkflow workflow = client.newWorkflowStub(PipelineWorkflow.class, workflowId);
    try {
      return new PendingRun(workflowId, workflow, workflow.status());
    } catch (WorkflowNotFoundException e) {
      throw new SlackRefusal("the run " + workflowId + " no longer exists");
    }
  }

  /**
   * The model's name: from the status, else from the workflow id {@code pipeline/<model>/<run>}.
   */
  String model() {
    if (status != null && status.model() != null) return status.model();
    String rest =
        workflowId.startsWith(WorkflowIds.PIPELINE_PREFIX)
            ? workflowId.substring(WorkflowIds.PIPELINE_PREFIX.length())
            : workflowId;
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  /** "energy-load v3", or the model alone before the candidate is registered. */
  String label() {
    Integer version = status == null ? null : status.modelVersion();
    return version == null ? model() : model() + " v" + version;
  }

  /**
   * Refuses early when no decision is awaited, so an approver of a finished run is told that,
   * rather than that they are not an approver (the e-mail match needs the names the gate asks).
   */
  PendingRun requireAwaiting() {
    if (status == null) throw new SlackRefusal("the run " + workflowId + " has not started yet");
    if (status.approval() == null) {
      String where =
          status.outcome() != null ? "it ended " + status.outcome() : "it is at " + status.stage();
      throw new SlackRefusal("no decision is awaited on " + label() + ": " + where);
    }
    return this;
  }

  /**
   * The approver the spec maps a Slack user to ({@code notify.slack.approvers}): the caller's word,
   * which can only refuse the worker's own mapping ({@link SlackApprovers}), never make one.
   */
  String declaredApprover(String slackUserId) {
    return workflow.approverForSlackUser(slackUserId);
  }

  /** Whether this approval completes the quorum, so the message's buttons can go. */
  boolean settledBy(DecisionRequest decision) {
    if (!decision.approve() || status == null || status.approval() == null) return true;
    return status.approval().decisions().size() + 1 >= status.approval().needed();
  }

  /** Decides through the Update; the validator's refusal comes back as a {@link SlackRefusal}. */
  DecisionRecord decide(DecisionRequest decision) {
    try {
      return workflow.decide(decision);
    } catch (WorkflowException e) {
      throw new SlackRefusal(dev.tollgate.worker.approvals.UpdateRefusal.of(e));
    }
  }
}
