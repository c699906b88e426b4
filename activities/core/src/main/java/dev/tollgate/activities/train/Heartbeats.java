package dev.tollgate.activities.train;

import dev.tollgate.activities.train.ray.RayJobMemory;
import dev.tollgate.stages.TrainProgress;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.ActivityWorkerShutdownException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long activity's heartbeat going while a call that has no progress callback (Smile's fit)
 * blocks the activity thread: a daemon thread re-sends the latest progress every few seconds. The
 * activity thread sends at each phase change itself, which is where a cancellation surfaces as an
 * exception. Trainers that count their trees report through {@link #built}, from whichever thread
 * grows them, and ask {@link #checkStopped} after each tree: once a heartbeat has learnt that the
 * activity was cancelled (a cancelled run), the training stops there with that exception instead of
 * fitting to the end. Close it in a finally block.
 */
final class Heartbeats implements AutoCloseable, TreeProgress {
  private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

  private final ActivityExecutionContext context;
  private final ScheduledExecutorService timer;
  private final long started = System.nanoTime();
  private volatile TrainProgress progress = new TrainProgress("starting", 0, 0, 0, 0);

  /** Why the activity must stop, once a heartbeat learnt it; else {@code null}. */
  private volatile ActivityCompletionException stoppedBy;

  /**
   * The previous attempt's last details (read before this attempt's first heartbeat hides them).
   */
  private final TrainProgress previous;

  /** The Ray job this attempt follows, sent with every heartbeat; else {@code null}. */
  private volatile RayJobMemory.Ref rayJob;

  private Heartbeats(ActivityExecutionContext context, Duration every) {
    this.context = context;
    this.previous = previousDetails(context);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("tollgate-heartbeat").unstarted(r));
    long millis = every.toMillis();
    timer.scheduleAtFixedRate(this::beatQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  static Heartbeats start(ActivityExecutionContext context, Duration every) {
    return new Heartbeats(context, every);
  }

  /** Records a new phase and heartbeats at once, from the activity thread. */
  void phase(String phase, int rows) {
    checkStopped();
    progress = new TrainProgress(phase, rows, 0, 0, elapsedMillis());
    try {
      context.heartbeat(stamped(progress));
    } catch (ActivityWorkerShutdownException e) {
      log.info("heartbeat not sent, the worker is stopping: {}", e.toString());
    } catch (ActivityCompletionException e) {
      stoppedBy = e;
      throw e;
    }
  }

  /** Throws the cancellation (or timeout) a heartbeat learnt of, from whichever thread asks. */
  @Override
  public void checkStopped() {
    ActivityCompletionException e = stoppedBy;
    if (e != null) throw e;
  }

  /**
   * Records trees built in the current phase. Only the timer sends it: Temporal throttles
   * heartbeats anyway, and a pool thread of Smile's forest must not receive the cancellation.
   */
  @Override
  public void built(int done, int total) {
    TrainProgress current = progress;
    progress = new TrainProgress(current.phase(), current.rows(), done, total, elapsedMillis());
  }

  /**
   * Records a training command's progress line: {@code done} of {@code total} with the command's
   * own words ({@code ""} when it said none, which still marks the progress as a command's). Sent
   * by the timer, as {@link #built}.
   */
  void reported(int done, int total, String text) {
    TrainProgress current = progress;
    progress =
        new TrainProgress(
            current.phase(),
            current.rows(),
            done,
            total,
            elapsedMillis(),
            text == null ? "" : text);
  }

  /** The previous attempt's last heartbeat details, if it sent any. */
  Optional<TrainProgress> previous() {
    return Optional.ofNullable(previous);
  }

  /**
   * Names the Ray job this attempt follows in every heartbeat from now on, and sends one at once: a
   * worker killed right after the submission leaves the id for the next attempt.
   */
  void rayJob(RayJobMemory.Ref job) {
    rayJob = job;
    beatQuietly();
  }

  private TrainProgress stamped(TrainProgress p) {
    RayJobMemory.Ref job = rayJob;
    return job == null ? p : p.withRayJob(job.submissionId(), job.session());
  }

  private static TrainProgress previousDetails(ActivityExecutionContext context) {
    try {
      return context.getHeartbeatDetails(TrainProgress.class).orElse(null);
    } catch (RuntimeException e) {
      // details of another shape (an older worker's): nothing to adopt
      log.info("previous attempt's heartbeat details not read: {}", e.toString());
      return null;
    }
  }

  long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  private void beatQuietly() {
    TrainProgress current = progress;
    try {
      context.heartbeat(stamped(current.at(elapsedMillis())));
    } catch (ActivityWorkerShutdownException e) {
      // The worker is stopping, not the run: the training is not failed for it (its attempt ends
      // with the process and is retried after its heartbeat timeout), so the stop logs no trace.
      log.info("heartbeat stopped: {}", e.toString());
      timer.shutdown();
    } catch (ActivityCompletionException e) {
      // Cancelled or timed out: the trainer learns it after its next tree (checkStopped), the
      // activity thread at its next phase() call.
      stoppedBy = e;
      log.info("heartbeat stopped: {}", e.toString());
      timer.shutdown();
    } catch (RuntimeException e) {
      log.warn("heartbeat failed, will retry at the next tick", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
