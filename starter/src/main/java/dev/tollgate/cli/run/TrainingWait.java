package dev.tollgate.cli.run;

import dev.tollgate.pipeline.TaskQueues;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import java.util.Optional;

/**
 * A training no worker has taken yet: the train activity is scheduled, not started. Said in {@code
 * tollgate status} and a followed run's progress, so a run routed to a queue nobody polls ({@code
 * training.task_queue: gpu} with no {@code tollgate worker --queues gpu}) does not wait silently.
 */
final class TrainingWait {
  /** Shorter waits are a worker about to poll, not news. */
  static final long QUIET_MILLIS = 5_000;

  private TrainingWait() {}

  /** "waiting for a worker on queue gpu (tollgate-training-gpu), 2m 10s", or empty. */
  static Optional<String> of(DescribeWorkflowExecutionResponse description, long nowMillis) {
    return description.getPendingActivitiesList().stream()
        .filter(a -> a.getActivityType().getName().equals(TrainingProgress.ACTIVITY_TYPE))
        .filter(a -> a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED)
        .findFirst()
        .flatMap(a -> describe(a, nowMillis));
  }

  private static Optional<String> describe(PendingActivityInfo a, long nowMillis) {
    long since =
        a.hasScheduledTime() ? a.getScheduledTime().getSeconds() * 1000 : nowMillis - QUIET_MILLIS;
    long waited = nowMillis - since;
    if (waited < QUIET_MILLIS) return Optional.empty();
    String queue =
        a.hasActivityOptions() && a.getActivityOptions().hasTaskQueue()
            ? a.getActivityOptions().getTaskQueue().getName()
            : "";
    String where =
        queue.isEmpty()
            ? "its training queue"
            : "queue " + TaskQueues.shortName(queue) + " (" + queue + ")";
    return Optional.of(
        "waiting for a worker on "
            + where
            + ", "
            + dev.tollgate.cli.common.Show.duration(waited)
            + " (tollgate worker --queues NAME polls a training queue)");
  }
}
