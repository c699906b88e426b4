package dev.tollgate.activities.train;

import dev.tollgate.activities.Echo;
import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.activities.train.command.ContainerPolicy;
import dev.tollgate.activities.train.command.ContainerRequest;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.spec.TrainingCommandSpec;
import dev.tollgate.stages.TrainRequest;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a spec's {@code runner: container} training for the train stage: the training rows as {@code
 * train.csv}, the container runner with the heartbeat as its listener and the worker log as its
 * sink; then its outcome as every runner's ({@link RunnerOutcomes}). The lineage names the image
 * and the id of the image that ran (the code's version: the image holds the code).
 */
final class ContainerTraining {
  private final TrainingCommands commands;
  private final ArtifactStore artifacts;

  ContainerTraining(TrainingCommands commands, ArtifactStore artifacts) {
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
    var runner = commands.containers(); // refused at once when containers are off (checked first)
    WorkerLogSink sink = new WorkerLogSink(request.model(), request.runId());
    ContainerRequest container =
        new ContainerRequest(
            request.model(),
            request.runId(),
            attempt(),
            spec.container(),
            spec.command(),
            csv -> TrainCsv.write(data, split.train(), csv),
            spec.params(),
            spec.env(),
            spec.timeout(),
            spec.progressRegex() == null ? null : Pattern.compile(spec.progressRegex()));
    lineage.put("image", Echo.capped(spec.container().image(), 500));
    if (!spec.command().isEmpty()) {
      lineage.put("command", Echo.capped(Json.line(spec.command()), 2000));
    }
    beats.phase("training", split.train().length);
    CommandHeartbeat heartbeat = new CommandHeartbeat(beats);
    CommandOutcome outcome;
    try {
      outcome =
          runner.run(container, heartbeat, sink, id -> lineage.put("code_version", "image:" + id));
    } catch (ContainerPolicy.Refused e) {
      throw Failures.unsupported(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("the training container's run failed on this worker", e);
    }
    return RunnerOutcomes.settle(artifacts, request, outcome, heartbeat, lineage);
  }

  /** The activity's attempt (1 outside an activity: tests). */
  static int attempt() {
    try {
      return Activity.getExecutionContext().getInfo().getAttempt();
    } catch (RuntimeException e) {
      return 1;
    }
  }
}
