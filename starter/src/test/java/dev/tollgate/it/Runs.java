package dev.tollgate.it;

import java.time.Duration;
import java.util.function.Supplier;

/** Follows a run through {@code tollgate status} (a CLI process per look), as a person would. */
final class Runs {
  private final Cli cli;
  private final Supplier<String> hint;

  /** {@code hint}: where to look when a wait times out (the worker's and server's logs). */
  Runs(Cli cli, Supplier<String> hint) {
    this.cli = cli;
    this.hint = hint;
  }

  RunStatus status(String run) {
    return RunStatus.of(cli.status(run));
  }

  /**
   * Waits until {@code status} reports {@code stage} (e.g. AWAITING_APPROVAL); fails at once when
   * the run ends without getting there.
   */
  RunStatus awaitStage(String run, String stage, Duration timeout) {
    RunStatus seen =
        Await.until(
            run + " to reach stage " + stage,
            timeout,
            () -> status(run),
            s -> s.result().exitCode() == 0 && (stage.equals(s.stage()) || s.finished()),
            hint);
    if (!stage.equals(seen.stage())) {
      throw new AssertionError(
          run + " ended before reaching stage " + stage + ":\n" + seen + "\n" + hint.get());
    }
    return seen;
  }

  /** Waits until the run has ended and {@code status} prints its outcome. */
  RunStatus awaitFinished(String run, Duration timeout) {
    return Await.until(run + " to finish", timeout, () -> status(run), RunStatus::finished, hint);
  }
}
