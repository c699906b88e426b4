package dev.tollgate.activities.train.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a training command's run ended. Every outcome names the run folder (which the caller removes
 * once it has kept what it needs) and its {@code train.log}.
 */
public sealed interface CommandOutcome {

  Path runFolder();

  default Path trainLog() {
    return runFolder().resolve("train.log");
  }

  /**
   * Exit 0 with a model.
   *
   * @param modelFiles the model folder's files, relative to it, sorted
   * @param reportedMetrics the command's own {@code metrics.json} (empty without one), kept as
   *     {@code reported.<name>}; Tollgate measures the model itself
   */
  record Succeeded(
      Path runFolder,
      Path modelDir,
      List<String> modelFiles,
      Map<String, Double> reportedMetrics,
      Duration took)
      implements CommandOutcome {}

  /**
   * The command ran and failed, or could not start.
   *
   * @param exitCode the exit code, or -1 when it never started
   * @param retryable true only for exit 75 (EX_TEMPFAIL)
   */
  record Failed(Path runFolder, String message, int exitCode, boolean retryable)
      implements CommandOutcome {}

  /** Tollgate stopped the command's group: a cancellation, the timeout or a worker shutdown. */
  record Stopped(Path runFolder, String reason, int processesStopped) implements CommandOutcome {}
}
