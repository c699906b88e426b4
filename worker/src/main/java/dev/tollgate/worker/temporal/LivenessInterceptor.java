package dev.tollgate.worker.temporal;

import dev.tollgate.pipeline.TaskQueues;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats for the pipeline's stage activities that have a heartbeat timeout but no progress of
 * their own to report (validate, deploy): a scheduled task beats every third of the timeout while
 * the activity runs. The timeout is what lets Temporal notice a dead worker within half a minute
 * and retry the stage elsewhere, instead of waiting out a start-to-close timeout of 15-20 minutes.
 * A hung call inside a live worker is still bounded by the start-to-close timeout.
 *
 * <p>Training is left alone: it heartbeats its own progress, which a beat without details would
 * overwrite.
 */
final class LivenessInterceptor extends WorkerInterceptorBase {
  private static final Logger log = LoggerFactory.getLogger(LivenessInterceptor.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("tollgate-liveness").unstarted(r));

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        Duration every = beatEvery(context.getInfo());
        if (every == null) return super.execute(input);
        long millis = every.toMillis();
        var beats =
            timer.scheduleAtFixedRate(() -> beat(context), millis, millis, TimeUnit.MILLISECONDS);
        try {
          return super.execute(input);
        } finally {
          beats.cancel(false);
        }
      }
    };
  }

  /** Every third of the heartbeat timeout, or {@code null} when this interceptor stays out. */
  static Duration beatEvery(ActivityInfo info) {
    Duration timeout = info.getHeartbeatTimeout();
    if (timeout == null || timeout.isZero() || info.isLocal()) return null;
    if (TaskQueues.TRAINING.equals(info.getActivityTaskQueue())) return null;
    return timeout.dividedBy(3);
  }

  private static void beat(ActivityExecutionContext context) {
    try {
      context.heartbeat(null);
    } catch (ActivityCompletionException e) {
      // Cancelled or timed out: the activity thread finds out from its own calls or its result.
      log.debug("liveness heartbeat stopped: {}", e.toString());
    } catch (RuntimeException e) {
      log.warn("liveness heartbeat failed, will retry at the next tick", e);
    }
  }
}
