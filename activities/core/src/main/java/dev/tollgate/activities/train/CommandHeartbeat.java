package dev.tollgate.activities.train;

import dev.tollgate.activities.train.command.CommandRunner;
import dev.tollgate.activities.train.command.RunListener;
import dev.tollgate.activities.train.ray.RayJobMemory;
import io.temporal.client.ActivityCompletionException;
import java.util.Optional;

/**
 * The training command runner's {@link RunListener} on the train activity's {@link Heartbeats}. A
 * progress line becomes the heartbeat's progress ({@code done} of {@value #SCALE}, so {@code
 * TrainProgress.fraction()} is the line's fraction) with the line's text, which also tells the CLI
 * to show a percentage rather than trees; a cancellation or heartbeat timeout the heartbeat learnt
 * stops the command's whole group at the runner's next tick, and {@link #rethrowIfStopped} then
 * ends the activity with it, as Temporal expects of a cancelled activity. For a Ray job it is also
 * the attempt's memory of the job it follows (the heartbeat details), which the next attempt reads.
 */
final class CommandHeartbeat implements RunListener, RayJobMemory {
  static final int SCALE = 1000;

  private final Heartbeats heartbeats;
  private volatile ActivityCompletionException stoppedBy;

  CommandHeartbeat(Heartbeats heartbeats) {
    this.heartbeats = heartbeats;
  }

  @Override
  public void progress(double fraction, String text) {
    heartbeats.reported((int) Math.round(fraction * SCALE), SCALE, text);
  }

  /** Asked by {@link CommandRunner} every tick, from the activity's thread. */
  @Override
  public String stopReason() {
    try {
      heartbeats.checkStopped();
      return null;
    } catch (ActivityCompletionException e) {
      stoppedBy = e;
      return "the run was cancelled or its heartbeat timed out ("
          + e.getClass().getSimpleName()
          + ")";
    }
  }

  /** The Ray job the previous attempt followed (its last heartbeat details), if any. */
  @Override
  public Optional<Ref> previous() {
    return heartbeats
        .previous()
        .filter(p -> p.raySubmissionId() != null)
        .map(p -> new Ref(p.raySubmissionId(), p.raySession()));
  }

  /** Records the Ray job this attempt follows in its heartbeat details. */
  @Override
  public void following(Ref ref) {
    heartbeats.rayJob(ref);
  }

  /** After the runner returned: the cancellation the activity must end with, if there was one. */
  void rethrowIfStopped() {
    ActivityCompletionException e = stoppedBy;
    if (e != null) throw e;
  }
}
