package dev.tollgate.guardian;

import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.ChildWorkflowOptions;
import java.time.Duration;

/** The guardian's activity and child-workflow options, in one place. */
public final class GuardianOptions {
  private GuardianOptions() {}

  /** Reading the newest data: as long as validation's read, retried on infrastructure errors. */
  public static ActivityOptions inspect() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.PIPELINE)
        .setStartToCloseTimeout(Duration.ofMinutes(20))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(1))
                .setMaximumAttempts(3)
                .setDoNotRetry(FailureTypes.ALL.toArray(String[]::new))
                .build())
        .build();
  }

  /**
   * A run the guardian starts: its own workflow ID, so a retried tick cannot start a second one
   * (REJECT_DUPLICATE), and abandoned when the guardian ends or continues as new, so disabling a
   * guardian never cancels a run waiting for its approver.
   */
  public static ChildWorkflowOptions run(String model, String runId) {
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(WorkflowIds.pipeline(model, runId))
        .setTaskQueue(TaskQueues.PIPELINE)
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
  }
}
