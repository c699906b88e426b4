package dev.tollgate.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.TaskQueues;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The options the delivery workflow starts runs and calls GitHub with. */
class DeliveryOptionsTest {
  @Test
  void aRunOutlivesItsDeliveryAndIsNeverStartedTwice() {
    var o = DeliveryOptions.run("energy-load", "push-1a2b3c4-72d3162e", null);
    assertThat(o.getWorkflowId()).isEqualTo("pipeline/energy-load/push-1a2b3c4-72d3162e");
    assertThat(o.getTaskQueue()).isEqualTo(TaskQueues.PIPELINE);
    assertThat(o.getParentClosePolicy()).isEqualTo(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON);
    assertThat(o.getWorkflowIdReusePolicy())
        .isEqualTo(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
    assertThat(o.getWorkflowExecutionTimeout()).as("a push's run may wait days").isNull();
    assertThat(DeliveryOptions.run("m", "r", Duration.ofMinutes(30)).getWorkflowExecutionTimeout())
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void statusesAreRetriedForADayWithoutAnAttemptLimit() {
    var o = DeliveryOptions.post();
    assertThat(o.getScheduleToCloseTimeout()).isEqualTo(Duration.ofHours(24));
    assertThat(o.getRetryOptions().getMaximumAttempts()).isZero();
  }

  @Test
  void aMissingCommitIsNotRetried() {
    assertThat(DeliveryOptions.plan().getRetryOptions().getDoNotRetry())
        .contains(CommitActivities.COMMIT_NOT_FOUND);
    assertThat(DeliveryOptions.plan().getStartToCloseTimeout()).isEqualTo(Duration.ofMinutes(10));
  }
}
