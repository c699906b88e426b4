package dev.tollgate.activities.train;

import dev.tollgate.activities.Echo;
import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.activities.train.ray.RayPolicy;
import dev.tollgate.activities.train.ray.RayRequest;
import dev.tollgate.spec.TrainingCommandSpec;
import dev.tollgate.stages.TrainRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a spec's {@code runner: ray} training for the train stage: the worker's re-check of {@code
 * workdir} (shipped to the cluster) and of {@code runtime_env.requirements} on real paths, the
 * training rows, the Ray runner with the heartbeat as its listener and as the attempt's memory of
 * the job it follows; then keeps {@code train.log} and removes the run folder, as {@link
 * CommandRun} does. The lineage names the cluster, the job, the command and the code's version.
 */
final class RayTraining {
  private final TrainingCommands commands;
  private final ArtifactStore artifacts;

  RayTraining(TrainingCommands commands, ArtifactStore artifacts) {
    this.commands = commands;
    this.artifacts = artifacts;
  }

  CommandOutcomes.Produced run(
      TrainRequest request,
      Dataset data,
      HoldoutSplit split,
      Heartbeats beats,
      Map<String, String> lineage) {
    TrainingCommandSpec spec = request.training().command();
    var runner = commands.ray(); // refused at once when Ray is off (checked first)
    Path specDir = Path.of(spec.specDir());
    // the spec's folder when the spec names none, as for a command
    Path workdir =
        CommandRun.checked(
            spec.workdir() == null ? specDir : Path.of(spec.workdir()),
            specDir,
            "training.workdir");
    List<String> requirements = requirementLines(spec, specDir);
    WorkerLogSink sink = new WorkerLogSink(request.model(), request.runId());
    RayRequest ray =
        new RayRequest(
            request.model(),
            request.runId(),
            execution(),
            ContainerTraining.attempt(),
            spec.command(),
            workdir,
            requirements,
            spec.ray(),
            csv -> TrainCsv.write(data, split.train(), csv),
            spec.params(),
            spec.env(),
            spec.timeout(),
            spec.progressRegex() == null ? null : Pattern.compile(spec.progressRegex()));
    lineage.put("command", Echo.capped(Json.line(spec.command()), 2000));
    lineage.put("code_version", CodeVersion.of(workdir));
    beats.phase("training", split.train().length);
    CommandHeartbeat heartbeat = new CommandHeartbeat(beats);
    CommandOutcome outcome;
    try {
      outcome = runner.run(ray, heartbeat, sink, heartbeat, lineage::put);
    } catch (RayPolicy.Refused e) {
      throw Failures.unsupported(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("the Ray job's run failed on this worker", e);
    }
    return RunnerOutcomes.settle(artifacts, request, outcome, heartbeat, lineage);
  }

  /** The workflow execution's run id ({@code null} outside an activity: tests). */
  private static String execution() {
    try {
      return io.temporal.activity.Activity.getExecutionContext().getInfo().getRunId();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@code runtime_env.requirements}' packages (no blanks, no comments), read on this worker. */
  private static List<String> requirementLines(TrainingCommandSpec spec, Path specDir) {
    if (spec.ray().requirements() == null) return List.of();
    Path file =
        CommandRun.checked(
            Path.of(spec.ray().requirements()), specDir, "training.runtime_env.requirements");
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw Failures.invalidData("training.runtime_env.requirements: cannot read " + file);
    }
    List<String> packages = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceFirst("(^|\\s+)#.*$", "").strip();
      if (line.isEmpty()) continue;
      // the same rules as runtime_env.pip: a file must not point pip at another index either
      String problem = dev.tollgate.spec.PipRequirement.problem(line);
      if (problem != null) {
        throw Failures.invalidData(
            "training.runtime_env.requirements, line "
                + (i + 1)
                + " of "
                + file.getFileName()
                + ": "
                + problem);
      }
      packages.add(line);
    }
    return List.copyOf(packages);
  }
}
