package dev.tollgate.pipeline;

import dev.tollgate.spec.TrainingCommandSpec;
import dev.tollgate.spec.TrainingSpec;
import io.temporal.activity.ActivityOptions;
import java.time.Duration;

/**
 * Where a run's training goes: the spec's {@code training.task_queue} (a worker pool, {@code
 * tollgate worker --queues gpu}) or the default training queue. Applied to the train stub, so the
 * trials of a search would follow it too. Deterministic: the spec alone decides.
 */
public final class TrainingRoute {
  /**
   * How long a routed training may wait for a worker of its pool to take it. Without it, a run
   * whose queue nobody polls (a typo, the GPU box down) would wait in TRAINING forever, silently;
   * with it, the run fails saying so. Temporal does not retry this timeout. Long enough for a busy
   * pool to finish a training or two of the default size.
   */
  public static final Duration WAIT_FOR_WORKER = Duration.ofHours(1);

  private TrainingRoute() {}

  /** The Temporal task queue of {@code training}'s train activity. */
  public static String taskQueue(TrainingSpec training) {
    TrainingCommandSpec command = training == null ? null : training.command();
    return TaskQueues.training(command == null ? null : command.taskQueue());
  }

  /** {@code options} on the run's training queue; a routed one with {@link #WAIT_FOR_WORKER}. */
  public static ActivityOptions apply(ActivityOptions options, TrainingSpec training) {
    String queue = taskQueue(training);
    ActivityOptions.Builder routed = ActivityOptions.newBuilder(options).setTaskQueue(queue);
    if (!queue.equals(TaskQueues.TRAINING)) routed.setScheduleToStartTimeout(WAIT_FOR_WORKER);
    return routed.build();
  }
}
