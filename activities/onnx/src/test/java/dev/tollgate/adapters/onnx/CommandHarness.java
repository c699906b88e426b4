package dev.tollgate.adapters.onnx;

import dev.tollgate.activities.ActivityTesting;
import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.train.TrainActivitiesImpl;
import dev.tollgate.activities.train.command.CommandRunner;
import dev.tollgate.activities.train.command.PipBuilder;
import dev.tollgate.activities.train.command.PythonEnvs;
import dev.tollgate.activities.train.command.RunnerSettings;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingCommandSpec;
import dev.tollgate.spec.TrainingSpec;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The train activity of a spec with {@code training.command} or {@code import}, on Temporal's
 * {@link TestActivityEnvironment} (one attempt) with a real runner: a spec folder holding {@code
 * churn.csv} (seeded, two string classes, features f0..f3) and a {@code trainer/} folder with the
 * test's scripts, artifacts under {@code home/artifacts}, run folders under {@code home}.
 */
final class CommandHarness implements AutoCloseable {
  static final String MODEL = "churn";
  static final List<String> FEATURES = List.of("f0", "f1", "f2", "f3");

  final Path home;
  final Path specDir;
  final Path trainer;
  final Path artifacts;
  final ModelStore models;
  private final TestActivityEnvironment env;
  final TrainActivities train;

  CommandHarness(Path home, boolean commandsEnabled) throws IOException {
    this(home, commandsEnabled, (settings, store) -> c -> c);
  }

  /** What a test adds to the worker's runners (Ray), given the run settings and the store. */
  interface Extra {
    java.util.function.UnaryOperator<TrainingCommands> with(
        RunnerSettings settings, LocalArtifactStore store);
  }

  CommandHarness(Path home, boolean commandsEnabled, Extra extra) throws IOException {
    this.home = home;
    this.specDir = Files.createDirectories(home.resolve("specs/churn"));
    this.trainer = Files.createDirectories(specDir.resolve("trainer"));
    this.artifacts = home.resolve("artifacts");
    writeData(specDir.resolve("churn.csv"), 1000, 11);
    copyScript("train_classifier.py");
    copyScript("score_holdout.py");
    var store = new LocalArtifactStore(artifacts);
    models = new ModelStore(store);
    RunnerSettings settings =
        new RunnerSettings(
            home.resolve("training-runs"),
            Duration.ofSeconds(2),
            Duration.ofMillis(200),
            RunnerSettings.DEFAULT_LOG_LIMIT,
            java.util.Set.of());
    TrainingCommands commands =
        commandsEnabled
            ? TrainingCommands.enabled(
                new CommandRunner(settings),
                new PythonEnvs(
                    home.resolve("python-envs"),
                    PipBuilder.forWorker(settings, Duration.ofMinutes(5))))
            : TrainingCommands.disabled();
    commands = extra.with(settings, store).apply(commands);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new TrainActivitiesImpl(
            new DatasetLoader(), models, store, DatasetFiles.localOnly(), commands));
    train = env.newActivityStub(TrainActivities.class, ActivityTesting.OPTIONS);
  }

  private void copyScript(String name) throws IOException {
    Files.copy(Path.of("src/test/python", name), trainer.resolve(name));
  }

  /** label = yes when a noisy linear score of the features is positive. */
  static void writeData(Path file, int rows, long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder csv = new StringBuilder("f0,f1,f2,f3,label\n");
    for (int i = 0; i < rows; i++) {
      double[] f = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      double score = 1.5 * f[0] - f[1] + 0.5 * f[2] + 0.8 * r.nextGaussian();
      csv.append(
          String.format(
              Locale.ROOT,
              "%.6f,%.6f,%.6f,%.6f,%s%n",
              f[0],
              f[1],
              f[2],
              f[3],
              score > 0 ? "yes" : "no"));
    }
    Files.writeString(file, csv);
  }

  DataSpec data() {
    return new DataSpec(
        specDir.resolve("churn.csv").toUri().toString(), "label", FEATURES, 100, null);
  }

  /** A command run in {@code trainer/}, its spec's folder {@link #specDir}. */
  TrainingCommandSpec command(
      List<String> argv, Map<String, ParamValue> params, Map<String, String> env) {
    return new TrainingCommandSpec(
        argv,
        trainer.toString(),
        null,
        params,
        env,
        Duration.ofMinutes(2),
        null,
        null,
        null,
        specDir.toString());
  }

  TrainingCommandSpec importing(String uri) {
    return new TrainingCommandSpec(
        List.of(), null, null, Map.of(), Map.of(), null, null, null, uri, specDir.toString());
  }

  static TrainingSpec training(TrainingCommandSpec command) {
    return TrainingSpec.byCommand(command, 42, 0.2, null);
  }

  TrainedModel run(TrainingCommandSpec command) {
    return train.train(
        new TrainRequest(MODEL, "run-1", Task.CLASSIFICATION, data(), training(command)));
  }

  /** A shell script in {@code trainer/}, run as {@code [sh, name]}. */
  TrainingCommandSpec shell(String name, String body) throws IOException {
    Files.writeString(trainer.resolve(name), body);
    return command(List.of("sh", name), Map.of(), Map.of());
  }

  /** Run folders left under the runner's root (each run's is deleted when the stage ends). */
  long runFoldersLeft() throws IOException {
    Path root = home.resolve("training-runs");
    if (!Files.isDirectory(root)) return 0;
    try (var list = Files.list(root)) {
      return list.count();
    }
  }

  @Override
  public void close() {
    env.close();
  }
}
