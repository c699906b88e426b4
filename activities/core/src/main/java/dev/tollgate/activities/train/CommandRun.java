package dev.tollgate.activities.train;

import dev.tollgate.activities.Echo;
import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.activities.train.command.CommandRequest;
import dev.tollgate.activities.train.command.PythonEnvs;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.activities.train.command.Workdirs;
import dev.tollgate.spec.TrainingCommandSpec;
import dev.tollgate.stages.TrainRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a spec's training command for the train stage: the worker's re-check of {@code workdir} and
 * {@code python.requirements} on real paths, the venv, the training rows as {@code train.csv}, the
 * runner with the heartbeat as its listener and the worker log as its sink; then its outcome as
 * every runner's ({@link RunnerOutcomes}: {@code train.log} kept as {@code
 * runs/<model>/<run>/train.log} in the artifact store whatever the outcome, the run folder
 * removed).
 */
final class CommandRun {
  private final TrainingCommands commands;
  private final ArtifactStore artifacts;

  /**
   * @param artifacts where {@code train.log} is kept; {@code null} keeps it nowhere (tests)
   */
  CommandRun(TrainingCommands commands, ArtifactStore artifacts) {
    this.commands = commands;
    this.artifacts = artifacts;
  }

  /**
   * The model the command made; {@code lineage} gets the command, the code's version, the
   * requirements' digest and where {@code train.log} was kept.
   */
  CommandOutcomes.Produced run(
      TrainRequest request,
      Dataset data,
      HoldoutSplit split,
      Heartbeats beats,
      Map<String, String> lineage) {
    TrainingCommandSpec spec = request.training().command();
    var runner = commands.runner(); // refused at once when commands are off (checked first too)
    Path specDir = Path.of(spec.specDir());
    Path workdir = checked(Path.of(spec.workdir()), specDir, "training.workdir");
    Path requirements =
        spec.requirements() == null
            ? null
            : checked(Path.of(spec.requirements()), specDir, "training.python.requirements");
    WorkerLogSink sink = new WorkerLogSink(request.model(), request.runId());
    try {
      CommandRequest command =
          new CommandRequest(
              spec.command(),
              workdir,
              csv -> TrainCsv.write(data, split.train(), csv),
              spec.params(),
              spec.env(),
              spec.timeout(),
              spec.progressRegex() == null ? null : Pattern.compile(spec.progressRegex()),
              null);
      // the registry keeps lineage in a column of 8000 characters: an argv of any length fits
      lineage.put("command", Echo.capped(Json.line(spec.command()), 2000));
      lineage.put("code_version", CodeVersion.of(workdir));
      if (requirements != null) {
        beats.phase("python environment", 0);
        Path venv = venv(requirements, sink);
        lineage.put("requirements_sha256", venv.getFileName().toString());
        command = command.withVenv(venv);
      }
      beats.phase("training", split.train().length);
      CommandHeartbeat heartbeat = new CommandHeartbeat(beats);
      CommandOutcome outcome = runner.run(command, heartbeat, sink);
      return RunnerOutcomes.settle(artifacts, request, outcome, heartbeat, lineage);
    } catch (IOException e) {
      throw new UncheckedIOException("the training command's run failed on this worker", e);
    }
  }

  static Path checked(Path path, Path specDir, String key) {
    try {
      return Workdirs.inside(path, specDir, key);
    } catch (Workdirs.Outside e) {
      throw Failures.invalidData(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + key + " " + path, e);
    }
  }

  private Path venv(Path requirements, WorkerLogSink sink) throws IOException {
    try {
      return commands.pythonEnvs().ensure(requirements, sink);
    } catch (PythonEnvs.Unavailable e) {
      // pip's own error: the same file fails the same way (a network error may deserve a retry,
      // but pip's exit code does not tell them apart)
      throw Failures.invalidData("training.python.requirements: " + e.getMessage());
    }
  }
}
