package dev.tollgate.worker.guardian;

import dev.tollgate.guardian.GuardianRequest;
import dev.tollgate.guardian.GuardianWorkflow;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.spec.PipelineSpec;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;

/**
 * Starts a model's guardian, or hands the running one a newer spec, in one call (signal-with-start:
 * no race between "is it running?" and "start it"). Used by {@code tollgate schedule enable} and by
 * the worker for the specs in its guardian folder.
 */
public final class GuardianLauncher {
  private GuardianLauncher() {}

  /** Whether the guardian was running before: it then got the spec as an update. */
  public static boolean enable(WorkflowClient client, PipelineSpec spec) {
    if (spec.schedule() == null) {
      throw new IllegalArgumentException(spec.source() + ": has no schedule section");
    }
    String id = WorkflowIds.guardian(spec.model());
    boolean running = isRunning(client, id);
    GuardianWorkflow guardian =
        client.newWorkflowStub(
            GuardianWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.PIPELINE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
    BatchRequest start = client.newSignalWithStartRequest();
    start.add(guardian::run, GuardianRequest.start(spec));
    start.add(guardian::updateSpec, spec);
    client.signalWithStart(start);
    return running;
  }

  private static boolean isRunning(WorkflowClient client, String id) {
    try {
      return client.newUntypedWorkflowStub(id).describe().getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }
}
