package dev.tollgate.pipeline;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retry policy of every stage, in one place. Business failures ({@link FailureTypes})
 * are never retried; infrastructure failures are, with backoff.
 */
public final class StageOptions {
  private StageOptions() {}

  /** Training: long, heartbeats, on its own task queue. */
  public static ActivityOptions train() {
    return base(Duration.ofHours(2), 3)
        .setTaskQueue(TaskQueues.TRAINING)
        // 30 s: a dead training worker is noticed (and the attempt retried) within half a minute,
        // and the SDK forwards progress heartbeats about every 24 s for `tollgate status`.
        .setHeartbeatTimeout(LIVENESS)
        .build();
  }

  /**
   * Training by the spec's command (or an import): the command's own {@code training.timeout} plus
   * {@link #COMMAND_MARGIN} for loading the data, storing and measuring the model, so the runner's
   * timeout (which stops the process group and says so) fires before Temporal's. The heartbeat
   * timeout is {@link #COMMAND_HEARTBEAT}: the runner heartbeats every few seconds while the
   * command runs, and a dead worker is noticed within a minute. Exit 75 is retried (3 attempts in
   * all).
   */
  public static ActivityOptions trainCommand(dev.tollgate.spec.TrainingCommandSpec command) {
    Duration timeout =
        command.timeout() == null
            ? dev.tollgate.spec.TrainingCommandSpec.DEFAULT_TIMEOUT
            : command.timeout();
    return base(timeout.plus(COMMAND_MARGIN), 3)
        .setTaskQueue(TaskQueues.TRAINING)
        .setHeartbeatTimeout(COMMAND_HEARTBEAT)
        // a cancelled run ends once the command's process group has ended, not before: a run
        // that says CANCELLED while the team's code still runs would be a lie (found by
        // TrainingCommandKillIT; with the default the processes outlived the outcome by seconds)
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .build();
  }

  /** What a command's train stage does besides the command: load, split, store, measure. */
  public static final Duration COMMAND_MARGIN = Duration.ofMinutes(10);

  /** A training command's heartbeat timeout (issue 24: 60 s). */
  public static final Duration COMMAND_HEARTBEAT = Duration.ofSeconds(60);

  /**
   * Validation and deploy heartbeat through the worker's liveness interceptor: without a heartbeat
   * timeout, a worker killed in the middle of the stage would hold the run for the whole
   * start-to-close timeout (15-20 minutes) before the retry (found by StageKillIT).
   */
  public static ActivityOptions validate() {
    return base(Duration.ofMinutes(20), 3).setHeartbeatTimeout(LIVENESS).build();
  }

  /** How soon a dead worker is noticed in a stage that heartbeats. */
  public static final Duration LIVENESS = Duration.ofSeconds(30);

  /** Registry calls are short and idempotent: retry them more. */
  public static ActivityOptions registry() {
    return base(Duration.ofSeconds(30), 10).build();
  }

  /**
   * Registry calls as local activities in a pipeline run (ADR 0008): the registry policy (30 s an
   * attempt, 10 attempts backing off to a minute), the first 10 s of retries in the worker and
   * later ones on durable timers, like {@link #notifyLocal}.
   */
  public static LocalActivityOptions registryLocal() {
    return local(registry(), Duration.ofSeconds(10));
  }

  /**
   * The approval policy's reads and checks: local activities over a few small files, so a run
   * records the policy in force without a task queue or a workflow task of its own. A folder that
   * cannot be read is retried for a while (a remounted volume), a refusal never.
   */
  public static LocalActivityOptions policyLocal() {
    return local(base(Duration.ofSeconds(10), 5).build(), Duration.ofSeconds(10));
  }

  public static ActivityOptions deploy() {
    return base(Duration.ofMinutes(15), 3).setHeartbeatTimeout(LIVENESS).build();
  }

  /**
   * Notification must never decide an outcome. Tried again (backing off to once a minute, sooner
   * when Slack's Retry-After says so) for up to {@link #NOTIFY_DELIVERY} in all, which rides out a
   * Slack outage of a few minutes; after that the run goes on and the loss is counted.
   */
  public static ActivityOptions notifyStage() {
    return ActivityOptions.newBuilder(base(Duration.ofSeconds(30), 0).build())
        .setScheduleToCloseTimeout(NOTIFY_DELIVERY)
        .build();
  }

  /**
   * Notification as a local activity in a pipeline run (ADR 0007): run by the workflow's own
   * worker, with no task queue and no workflow task of its own, on the same retry policy and
   * delivery deadline as {@link #notifyStage}. While an attempt runs the workflow task stays open,
   * but the SDK completes it with the commands made so far every 8 s (80 % of its 10 s timeout), so
   * a hanging Slack holds a deploy back by at most that; retries after the first 10 s wait on
   * durable timers rather than in the worker.
   */
  public static LocalActivityOptions notifyLocal() {
    return local(notifyStage(), Duration.ofSeconds(10));
  }

  /** A remote activity's timeouts and retry policy for a local one. */
  private static LocalActivityOptions local(ActivityOptions remote, Duration localRetryThreshold) {
    LocalActivityOptions.Builder local =
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(remote.getStartToCloseTimeout())
            .setLocalRetryThreshold(localRetryThreshold)
            .setRetryOptions(remote.getRetryOptions());
    // The registry's policy has no overall deadline (its attempts bound it); the SDK refuses null.
    if (remote.getScheduleToCloseTimeout() != null) {
      local.setScheduleToCloseTimeout(remote.getScheduleToCloseTimeout());
    }
    return local.build();
  }

  /** How long a notification may take to be delivered, retries included. */
  public static final Duration NOTIFY_DELIVERY = Duration.ofMinutes(10);

  private static ActivityOptions.Builder base(Duration startToClose, int maxAttempts) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.PIPELINE)
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(1))
                .setMaximumAttempts(maxAttempts)
                .setDoNotRetry(FailureTypes.ALL.toArray(String[]::new))
                .build());
  }
}
