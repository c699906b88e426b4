package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One model's runs of one spec, started and approved from the CLI as an operator does: {@link
 * #deploy} takes a run to its approval, {@link #approve} to its end.
 */
record ModelRuns(Cli cli, Runs runs, String model, Path spec) {

  /** Starts run {@code run} and waits until it awaits approval. */
  void deploy(String run) {
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", run);
    assertThat(started.exitCode()).as(started.toString()).isZero();
    runs.awaitStage(model + "/" + run, "AWAITING_APPROVAL", Duration.ofMinutes(3));
  }

  /** Approves run {@code run}; its outcome must start with {@code outcome}. */
  RunStatus approve(String run, String outcome) {
    ProcResult approved = cli.approve(model + "/" + run, "alice");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    RunStatus done = runs.awaitFinished(model + "/" + run, Duration.ofMinutes(2));
    assertThat(done.outcome()).as(done.toString()).startsWith(outcome);
    return done;
  }
}
