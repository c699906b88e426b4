package dev.tollgate.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.temporal.api.activity.v1.ActivityOptions;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import org.junit.jupiter.api.Test;

/** A scheduled, not started training says it waits for a worker, and on which queue. */
class TrainingWaitTest {
  private static final long NOW = 1_000_000_000L;

  private static DescribeWorkflowExecutionResponse pending(
      PendingActivityState state, long scheduledMillis, String queue) {
    PendingActivityInfo.Builder a =
        PendingActivityInfo.newBuilder()
            .setActivityType(ActivityType.newBuilder().setName("Train"))
            .setState(state)
            .setScheduledTime(Timestamp.newBuilder().setSeconds(scheduledMillis / 1000));
    if (queue != null) {
      a.setActivityOptions(
          ActivityOptions.newBuilder().setTaskQueue(TaskQueue.newBuilder().setName(queue)));
    }
    return DescribeWorkflowExecutionResponse.newBuilder().addPendingActivities(a).build();
  }

  @Test
  void aRoutedTrainingNobodyTookNamesItsQueue() {
    assertThat(
            TrainingWait.of(
                pending(
                    PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED,
                    NOW - 130_000,
                    "tollgate-training-gpu"),
                NOW))
        .hasValueSatisfying(
            t ->
                assertThat(t)
                    .startsWith("waiting for a worker on queue gpu (tollgate-training-gpu), 2m")
                    .contains("tollgate worker --queues"));
    assertThat(
            TrainingWait.of(
                pending(PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED, NOW - 60_000, null),
                NOW))
        .hasValueSatisfying(t -> assertThat(t).startsWith("waiting for a worker on its training"));
  }

  @Test
  void aStartedOrJustScheduledTrainingSaysNothing() {
    assertThat(
            TrainingWait.of(
                pending(PendingActivityState.PENDING_ACTIVITY_STATE_STARTED, NOW - 130_000, null),
                NOW))
        .isEmpty();
    assertThat(
            TrainingWait.of(
                pending(PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED, NOW - 1_000, null),
                NOW))
        .isEmpty();
  }
}
