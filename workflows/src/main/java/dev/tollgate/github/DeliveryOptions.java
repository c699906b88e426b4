package dev.tollgate.github;

import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.ChildWorkflowOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The delivery workflow's activity and child-workflow options, in one place. */
final class DeliveryOptions {
  private DeliveryOptions() {}

  /**
   * How long a status or the comment is retried while GitHub is down or rate-limited: a day, after
   * which it is given up (noted in the history; the runs are not affected).
   */
  static final Duration POST_FOR = Duration.ofHours(24);

  /**
   * Fetching the commit and parsing the specs: ten minutes an attempt (a large repository's first
   * fetch), four attempts; a commit the remote does not have is not retried.
   */
  static ActivityOptions plan() {
    List<String> doNotRetry = new ArrayList<>(FailureTypes.ALL);
    doNotRetry.add(CommitActivities.COMMIT_NOT_FOUND);
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.PIPELINE)
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(5))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(1))
                .setMaximumAttempts(4)
                .setDoNotRetry(doNotRetry.toArray(String[]::new))
                .build())
        .build();
  }

  /**
   * A status or the comment: GitHub down or rate-limited fails the attempt retryably, and the
   * activity names the next retry's delay itself (GitHub's reset time); so no attempt limit, only
   * {@link #POST_FOR} in all. An attempt is one HTTP exchange (the adapter's own limit is 30 s).
   */
  static ActivityOptions post() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.PIPELINE)
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setScheduleToCloseTimeout(POST_FOR)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(10))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(10))
                .setDoNotRetry(FailureTypes.ALL.toArray(String[]::new))
                .build())
        .build();
  }

  /**
   * A run the delivery starts: its own workflow ID (a replayed start cannot start a second run),
   * abandoned when the delivery ends or is cancelled (cancelling a delivery never stops a run), and
   * for a pull request's check run the spec's {@code pull_request.timeout} as its whole limit.
   *
   * @param timeout the check run's limit, or {@code null} for a push's run (no limit: it may wait
   *     days for its approver)
   */
  static ChildWorkflowOptions run(String model, String runId, Duration timeout) {
    ChildWorkflowOptions.Builder b =
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(WorkflowIds.pipeline(model, runId))
            .setTaskQueue(TaskQueues.PIPELINE)
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
    if (timeout != null) b.setWorkflowExecutionTimeout(timeout);
    return b.build();
  }
}
