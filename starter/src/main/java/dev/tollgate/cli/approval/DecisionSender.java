package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.Show;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.PipelineWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;

/**
 * Sends an approver's decision through the {@code decide} Update, so a refusal (not an approver,
 * decided already, nothing awaited) comes back to the person instead of vanishing like a signal.
 * Shared by {@code approve}, {@code reject} and the demo's prompt.
 */
public final class DecisionSender {
  private DecisionSender() {}

  /**
   * @return the decision as the workflow recorded it
   * @throws CliFailure with the workflow's reason (exit code 1) when it is refused
   */
  public static DecisionRecord send(
      WorkflowClient client, String workflowId, DecisionRequest decision) {
    PipelineWorkflow workflow = client.newWorkflowStub(PipelineWorkflow.class, workflowId);
    try {
      return workflow.decide(decision);
    } catch (WorkflowUpdateException e) {
      throw new CliFailure(
          ExitCodes.NOT_DONE,
          "refused by "
              + workflowId
              + ": "
              + Failures.describe(e.getCause() == null ? e : e.getCause()),
          e);
    } catch (WorkflowNotFoundException e) {
      throw noSuchRun(workflowId, e);
    } catch (RuntimeException e) {
      if (hasStatus(e, Status.Code.NOT_FOUND)) throw noSuchRun(workflowId, e);
      throw e;
    }
  }

  private static CliFailure noSuchRun(String workflowId, RuntimeException e) {
    return new CliFailure(
        ExitCodes.NOT_DONE,
        "no running pipeline "
            + workflowId
            + " to decide on: it does not exist here or has ended (`tollgate status` tells"
            + " which).",
        e);
  }

  private static boolean hasStatus(Throwable e, Status.Code code) {
    for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof StatusRuntimeException s && s.getStatus().getCode() == code) return true;
    }
    return false;
  }

  /** "approved by alice at 2026-11-22 10:20:01 UTC". */
  public static String describe(DecisionRecord d) {
    return (d.approve() ? "approved" : "rejected")
        + " by "
        + d.by()
        + " at "
        + Show.time(d.atMillis())
        + (d.accepted() ? "" : " but not accepted: " + d.note());
  }
}
