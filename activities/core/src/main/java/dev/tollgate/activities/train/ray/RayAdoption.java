package dev.tollgate.activities.train.ray;

import dev.tollgate.activities.Echo;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which job an attempt follows (docs/wip/i26-protocol.md, "Submission id"): the previous attempt's
 * when it still runs or succeeded with its results in the stage; otherwise a new one under this
 * attempt's id — unless the cluster already has a job under that id (then that one). Never a second
 * job for one attempt, never an old id reused.
 */
final class RayAdoption {
  private static final Logger log = LoggerFactory.getLogger(RayAdoption.class);

  /**
   * @param submit whether the runner submits it (false: it exists and is followed)
   * @param note what the runner found about the previous job, for the log; {@code null} if nothing
   */
  record Choice(String submissionId, boolean submit, String note) {}

  private RayAdoption() {}

  static Choice choose(
      RayCalls calls,
      RayJobs jobs,
      RayStage stage,
      Optional<RayJobMemory.Ref> previous,
      String ownId)
      throws RayException, RayCalls.Stopped, InterruptedException {
    String note = null;
    if (previous.isPresent() && !previous.get().submissionId().equals(ownId)) {
      String old = previous.get().submissionId();
      Optional<RayJobs.Job> job = calls.call("job " + old, () -> jobs.job(old));
      if (job.isEmpty()) {
        note = lostMessage(jobs, old, previous.get().session()) + "; submitting " + ownId;
      } else if (!job.get().status().terminal()) {
        return new Choice(old, false, "following job " + old + " of the previous attempt");
      } else if (job.get().status() == RayJobs.Status.SUCCEEDED && hasResults(stage, old)) {
        return new Choice(old, false, "collecting job " + old + " of the previous attempt");
      } else {
        note =
            "job "
                + old
                + " of the previous attempt ended "
                + job.get().status()
                + "; submitting "
                + ownId;
      }
    }
    if (note != null) log.warn("{}", note);
    boolean exists = calls.call("job " + ownId, () -> jobs.job(ownId)).isPresent();
    return new Choice(ownId, !exists, exists ? join(note, "following job " + ownId) : note);
  }

  /** How many earlier attempts' ids {@link #earlierJob} looks up at most. */
  static final int EARLIER_ATTEMPTS = 5;

  /**
   * The latest earlier attempt's job the cluster has, when the heartbeat did not say which one: a
   * worker killed within the heartbeat's throttle after it submitted left no details, but the ids
   * are the run's own (its execution and attempt), so the next attempt can still find the job.
   */
  static Optional<RayJobMemory.Ref> earlierJob(
      RayCalls calls, RayJobs jobs, java.util.function.IntFunction<String> idOf, int attempt)
      throws RayException, RayCalls.Stopped, InterruptedException {
    for (int a = attempt - 1; a >= 1 && a >= attempt - EARLIER_ATTEMPTS; a--) {
      String id = idOf.apply(a);
      if (calls.call("job " + id, () -> jobs.job(id)).isPresent()) {
        return Optional.of(new RayJobMemory.Ref(id, null));
      }
    }
    return Optional.empty();
  }

  private static boolean hasResults(RayStage stage, String id) {
    try {
      return stage.manifest(id).isPresent();
    } catch (RayStage.BadResult e) {
      return false;
    }
  }

  /** Why the cluster does not know {@code id}: its head restarted (another session), or not. */
  static String lostMessage(RayJobs jobs, String id, String session) {
    String now;
    try {
      now = jobs.session();
    } catch (RayException e) {
      now = null;
    }
    if (session != null && now != null && !now.equals(session)) {
      return "the Ray head at "
          + jobs.address()
          + " restarted (session "
          + Echo.capped(session, 80)
          + " → "
          + Echo.capped(now, 80)
          + ") and lost job "
          + id;
    }
    return "job " + id + " is gone from the Ray cluster at " + jobs.address() + " (deleted?)";
  }

  private static String join(String a, String b) {
    return a == null ? b : a + "; " + b;
  }
}
