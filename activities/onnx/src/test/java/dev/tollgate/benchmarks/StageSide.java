package dev.tollgate.benchmarks;

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
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The train stage as the pipeline runs it: {@link TrainActivitiesImpl} (which hands a command spec
 * to CommandTraining) through a stub on Temporal's activity test environment, with the worker's
 * runner defaults (RunnerSettings.defaults: 5 s heartbeat tick, 10 s grace). A fresh artifact store
 * per call, so every round stores its model as a first run does. Timed from the call to its result:
 * load, split, train.csv, the command, ONNX checks, scoring the holdout, storing, train.log.
 */
final class StageSide {
  /** As StageOptions.trainCommand: heartbeat 60 s; one attempt (a failure ends the benchmark). */
  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(40))
          .setHeartbeatTimeout(Duration.ofSeconds(60))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();

  record Result(double seconds, TrainedModel trained) {}

  private final Path home;
  private final String name;

  StageSide(Path home, String name) {
    this.home = home;
    this.name = name;
  }

  Result run(DataSpec data, TrainingSpec training) {
    Path worker = home.resolve("worker");
    RunnerSettings settings = RunnerSettings.defaults(worker);
    TrainingCommands commands =
        TrainingCommands.enabled(
            new CommandRunner(settings),
            new PythonEnvs(
                worker.resolve("python-envs"),
                PipBuilder.forWorker(settings, Duration.ofMinutes(5))));
    var store = new LocalArtifactStore(home.resolve("artifacts").resolve(name));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(
          new TrainActivitiesImpl(
              new DatasetLoader(),
              new ModelStore(store),
              store,
              DatasetFiles.localOnly(),
              commands));
      TrainActivities train = env.newActivityStub(TrainActivities.class, OPTIONS);
      TrainRequest request = new TrainRequest("churn", name, Task.CLASSIFICATION, data, training);
      long t0 = System.nanoTime();
      TrainedModel trained = train.train(request);
      return new Result((System.nanoTime() - t0) / 1e9, trained);
    } finally {
      env.close();
    }
  }
}
