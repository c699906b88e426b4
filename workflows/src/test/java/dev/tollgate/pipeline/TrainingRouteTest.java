package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.spec.TrainingSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TimeoutFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code training.task_queue}: the train stub's queue, and a run whose queue nobody polls. */
class TrainingRouteTest {
  private static PipelineSpec spec(String route) {
    String yaml =
        PipelineFixture.SPEC
            .formatted(1)
            .replace(
                "  algorithm: gradient_boosting\n  params: { trees: 50, max_depth: 4 }\n",
                "  command: [python3, train.py]\n" + route);
    return SpecParser.parse(yaml, "test.yaml", Path.of("/specs"));
  }

  @Test
  void theSpecsQueueFoldedAndWaitingBoundedOnlyWhenRouted() {
    TrainingSpec gpu = spec("  task_queue: GPU\n").training();
    ActivityOptions routed = TrainingRoute.apply(StageOptions.trainCommand(gpu.command()), gpu);
    assertThat(routed.getTaskQueue()).isEqualTo("tollgate-training-gpu");
    assertThat(routed.getScheduleToStartTimeout()).isEqualTo(TrainingRoute.WAIT_FOR_WORKER);
    assertThat(routed.getStartToCloseTimeout())
        .isEqualTo(StageOptions.trainCommand(gpu.command()).getStartToCloseTimeout());
    assertThat(routed.getHeartbeatTimeout()).isEqualTo(StageOptions.COMMAND_HEARTBEAT);

    for (String plain : new String[] {"", "  task_queue: training\n", "  task_queue: Pipeline\n"}) {
      ActivityOptions o = TrainingRoute.apply(StageOptions.train(), spec(plain).training());
      assertThat(o.getTaskQueue()).as(plain).isEqualTo(TaskQueues.TRAINING);
      assertThat(o.getScheduleToStartTimeout()).as(plain).isNull();
    }
    assertThat(TrainingRoute.taskQueue(PipelineFixture.spec(1).training()))
        .isEqualTo(TaskQueues.TRAINING);
  }

  /**
   * What a run says when its routed training timed out waiting for a worker. (The time-skipping
   * test server keeps time skipping locked while an activity task waits for a poller, so the
   * timeout itself is not reached here; the dev server enforces it.)
   */
  @Test
  void aTrainingNobodyTookSaysWhichSettingToCheck() {
    ActivityFailure timedOut =
        new ActivityFailure(
            "timed out",
            5,
            0,
            "Train",
            "7",
            RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
            "",
            new TimeoutFailure("timeout", null, TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START));
    assertThat(Failures.describe(timedOut))
        .isEqualTo(
            "Train: no worker took it within 1h: is a worker polling the spec's"
                + " training.task_queue (tollgate worker --queues NAME)?");
  }
}
