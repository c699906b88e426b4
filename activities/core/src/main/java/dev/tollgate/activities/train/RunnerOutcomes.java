package dev.tollgate.activities.train;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ModelNames;
import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.activities.train.command.RunFolders;
import dev.tollgate.stages.TrainRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the train stage does with a training runner's outcome, whichever runner ran it ({@link
 * CommandRun}, {@link ContainerTraining}): keeps {@code train.log} as the run's artifact whatever
 * the outcome, turns the outcome into the model it produced or the failure the activity ends with
 * ({@link CommandOutcomes}), and removes the run folder.
 */
final class RunnerOutcomes {
  private static final Logger log = LoggerFactory.getLogger(RunnerOutcomes.class);

  private RunnerOutcomes() {}

  /**
   * The model {@code outcome} produced; else throws its failure (a stop the heartbeat saw wins over
   * a success that raced it). {@code train.log} is kept first and the run folder removed last.
   *
   * @param artifacts where {@code train.log} is kept; {@code null} keeps it nowhere (tests)
   */
  static CommandOutcomes.Produced settle(
      ArtifactStore artifacts,
      TrainRequest request,
      CommandOutcome outcome,
      CommandHeartbeat heartbeat,
      Map<String, String> lineage) {
    try {
      keepLog(artifacts, request, outcome.trainLog(), lineage);
      if (outcome instanceof CommandOutcome.Succeeded ok) {
        heartbeat.rethrowIfStopped();
        return CommandOutcomes.produced(ok);
      }
      throw CommandOutcomes.failure(outcome, heartbeat);
    } finally {
      deleteQuietly(outcome.runFolder());
    }
  }

  /**
   * Keeps {@code trainLog} as {@code runs/<model>/<run>/train.log} in the artifact store and names
   * it in {@code lineage} ({@code train_log}); a log that cannot be kept is a WARN, not a failure.
   */
  static void keepLog(
      ArtifactStore artifacts, TrainRequest request, Path trainLog, Map<String, String> lineage) {
    if (artifacts == null || trainLog == null || !Files.isRegularFile(trainLog)) return;
    try {
      String key =
          "runs/" + ModelNames.check(request.model()) + "/" + request.runId() + "/train.log";
      lineage.put("train_log", artifacts.put(key, trainLog).uri());
    } catch (RuntimeException e) {
      // the outcome matters more than its log: say so in the worker log and go on
      log.warn("train.log of run {} not kept: {}", request.runId(), e.toString());
    }
  }

  /** Removes a run folder; one that cannot be removed is left (and said at DEBUG). */
  static void deleteQuietly(Path runFolder) {
    try {
      RunFolders.delete(runFolder);
    } catch (IOException | RuntimeException e) {
      log.debug("run folder {} left: {}", runFolder, e.toString());
    }
  }
}
