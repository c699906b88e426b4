package dev.tollgate.worker.guardian;

import dev.tollgate.guardian.ActionRecord;
import dev.tollgate.guardian.GuardianControl;
import dev.tollgate.guardian.GuardianRequest;
import dev.tollgate.guardian.GuardianWorkflow;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.policy.Voucher;
import dev.tollgate.spec.PipelineSpec;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;

/**
 * Starts a model's guardian, or asks the running one to take a newer spec, in one call: a start
 * that finds the guardian running becomes its {@code control} Update, whose answer says whether the
 * worker allowed the change (a running guardian takes a new spec only from the worker's specs
 * folder or sealed by a worker: docs/security.md). Used by {@code tollgate schedule enable} and by
 * the worker for the specs in its guardian folder.
 */
public final class GuardianLauncher {
  private GuardianLauncher() {}

  /**
   * What enabling did.
   *
   * @param answer {@code null} when a new guardian started; else the running one's answer
   */
  public record Enabled(ActionRecord answer) {
    public boolean started() {
      return answer == null;
    }
  }

  /**
   * @param by who asks (for the action log); with {@code voucher}, the name a worker verified
   * @throws io.temporal.client.WorkflowUpdateException when the running guardian refuses the
   *     request's shape (another model, no schedule)
   */
  public static Enabled enable(
      WorkflowClient client, PipelineSpec spec, String by, Voucher voucher) {
    if (spec.schedule() == null) {
      throw new IllegalArgumentException(spec.source() + ": has no schedule section");
    }
    String id = WorkflowIds.guardian(spec.model());
    GuardianWorkflow guardian =
        client.newWorkflowStub(
            GuardianWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.PIPELINE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(guardian::run, GuardianRequest.start(spec));
      return new Enabled(null);
    } catch (WorkflowExecutionAlreadyStarted e) {
      GuardianWorkflow running = client.newWorkflowStub(GuardianWorkflow.class, id);
      return new Enabled(running.control(GuardianControl.specChange(spec, by, voucher)));
    }
  }
}
