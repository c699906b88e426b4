package dev.tollgate.pipeline;

import dev.tollgate.stages.Outcome;
import io.temporal.failure.ActivityFailure;
import java.util.List;

/**
 * What a cancel does to a run once its stages stopped (ADR 0010). Before the outcome was decided:
 * what was deployed is taken back, the candidate archived (reason {@code cancelled}), and the run
 * ends CANCELLED. After it (a degradation watch, a gate's archiving): the outcome stands, and the
 * cancel is noted.
 */
final class RunCancelled {
  private final RunProgress run;
  private final RunState state;
  private final RunCancellation cancellation;
  private final CandidateArchive archive;

  RunCancelled(
      RunProgress run, RunState state, RunCancellation cancellation, CandidateArchive archive) {
    this.run = run;
    this.state = state;
    this.cancellation = cancellation;
    this.archive = archive;
  }

  void cancelled(CancelRecord c) {
    if (run.outcome != null) {
      run.cancelledBy =
          c.withNote("came after the outcome " + run.outcome.name() + ": nothing undone");
      state.setCancellation(run.cancelledBy);
      state.stoppedByCancel("stopped: cancelled " + c.describe());
      return;
    }
    List<String> done = cancellation.undo(run.failed);
    if (run.candidate != null) {
      try {
        archive.archive(run.candidate, run.runId, c.archiveReason());
        done.add(run.candidate.label() + " archived");
      } catch (ActivityFailure e) {
        String f = "archiving " + run.candidate.label() + " failed: " + Failures.describe(e);
        done.add(f);
        run.failed.add(f);
      }
    }
    run.outcome = Outcome.CANCELLED;
    run.cancelledBy = c.withNote(done.isEmpty() ? "nothing to undo" : String.join("; ", done));
    state.setCancellation(run.cancelledBy);
    state.stoppedByCancel("cancelled " + c.describe());
  }
}
