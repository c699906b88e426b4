package dev.tollgate.pipeline;

import io.temporal.activity.ActivityOptions;
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
