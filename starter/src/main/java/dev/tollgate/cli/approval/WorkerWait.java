package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --wait-for-worker DURATION}: how long a command whose answer needs a worker (an approval's
 * validator runs on one) waits for one to poll, instead of failing at once.
 */
final class WorkerWait {
  @Option(
      names = "--wait-for-worker",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "When no worker is polling the run's task queue, wait up to DURATION (e.g. 60s, 5m) for"
              + " one before giving up, instead of failing within a few seconds (exit code 1).")
  Duration duration;

  /** Zero when not given: check once. */
  Duration orZero() {
    return duration == null ? Duration.ZERO : duration;
  }
}
