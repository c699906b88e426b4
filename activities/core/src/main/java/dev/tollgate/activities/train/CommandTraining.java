package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingCommandSpec;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The train stage of a spec with {@code training.command} (on the worker, {@code runner: container}
 * in a container: issue 25, or {@code runner: ray} as a Ray job: issue 26) or {@code
 * training.import} (issue 24): Tollgate loads and splits the data exactly as for a catalogue
 * algorithm, the command trains on the training rows only (or the model is imported), and Tollgate
 * measures the model itself on the holdout the command never saw ({@link OutsideModels}). A worker
 * without training commands refuses a command at once, before it reads any data.
 */
final class CommandTraining {
  private static final Logger log = LoggerFactory.getLogger(CommandTraining.class);

  private final DatasetLoader loader;
  private final TrainingCommands commands;
  private final CommandRun run;
  private final ContainerTraining container;
  private final RayTraining ray;
  private final ImportedModels imports;
  private final OutsideModels outside;

  /**
   * @param artifacts where each run's {@code train.log} is kept ({@code null}: not kept)
   * @param files how an import's URI is read (the worker's data roots and buckets)
   */
  CommandTraining(
      DatasetLoader loader,
      ModelStore models,
      ArtifactStore artifacts,
      DatasetFiles files,
      TrainingCommands commands) {
    this.loader = loader;
    this.commands = commands;
    this.run = new CommandRun(commands, artifacts);
    this.container = new ContainerTraining(commands, artifacts);
    this.ray = new RayTraining(commands, artifacts);
    this.imports = new ImportedModels(files);
    this.outside = new OutsideModels(models);
  }

  TrainedModel train(TrainRequest request, Heartbeats beats) {
    TrainingCommandSpec spec = request.training().command();
    if (spec.inContainer() && !commands.containersEnabled()) {
      throw Failures.unsupported(TrainingCommands.CONTAINERS_DISABLED);
    }
    if (spec.onRay() && !commands.rayEnabled()) {
      throw Failures.unsupported(TrainingCommands.RAY_DISABLED);
    }
    if (!spec.imported() && !spec.inContainer() && !spec.onRay() && !commands.isEnabled()) {
      throw Failures.unsupported(TrainingCommands.DISABLED);
    }
    Task task = request.task();
    beats.phase("loading", 0);
    loader.checkFreshness(request.data(), Instant.now());
    Dataset data = loader.load(request.data(), task, request.training());
    HoldoutSplit split = HoldoutSplit.of(data, request.training());
    if (task == Task.CLASSIFICATION) {
      ClassTargets.requireTwoClasses(data, split.train());
    } else if (task == Task.REGRESSION) {
      RegressionTargets.requireVariation(data, split.train());
    }
    Map<String, String> lineage = new LinkedHashMap<>();
    long started = System.nanoTime();
    byte[] bytes;
    String origin;
    Map<String, Double> reported;
    if (spec.imported()) {
      beats.phase("importing", 0);
      bytes = imports.read(spec.importUri());
      origin = "the imported model " + spec.importUri();
      reported = Map.of();
      lineage.put("import_uri", spec.importUri());
    } else {
      CommandOutcomes.Produced made =
          spec.inContainer()
              ? container.run(request, data, split, beats, lineage)
              : spec.onRay()
                  ? ray.run(request, data, split, beats, lineage)
                  : run.run(request, data, split, beats, lineage);
      bytes = made.bytes();
      origin = "the training command's " + made.file();
      reported = made.reportedMetrics();
    }
    long trainMillis = (System.nanoTime() - started) / 1_000_000;
    beats.phase("scoring", split.holdout().length);
    OutsideModels.Measured measured =
        outside.measureAndStore(request, data, split, bytes, origin, reported, lineage);
    log.info(
        "trained model={} run={} by={} rows={} metrics={} reported={} digest={} millis={}",
        request.model(),
        request.runId(),
        spec.imported()
            ? "import"
            : spec.inContainer() ? "container" : spec.onRay() ? "ray" : "command",
        data.rows(),
        measured.metrics(),
        reported,
        measured.stored().digest(),
        trainMillis);
    return new TrainedModel(
        measured.stored().uri(),
        measured.stored().digest(),
        data.sha256(),
        split.train().length,
        split.holdout().length,
        measured.metrics(),
        trainMillis,
        lineage);
  }
}
