package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ModelCompatibility;
import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.data.ReferenceSample;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.scores.Scores;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.TrialResult;
import io.temporal.activity.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the data, holds out the spec's share with its seed, trains, scores the holdout and stores
 * the model content-addressed. Deterministic: a retried attempt (after a worker crash, say) starts
 * over from the data, ignoring the heartbeat details of the attempt before, and produces the same
 * model bytes, which the store recognises, so no resume state is needed. The heartbeat details
 * ({@link dev.tollgate.stages.TrainProgress}) only report how far the attempt got.
 */
public final class TrainActivitiesImpl implements TrainActivities {
  private static final Logger log = LoggerFactory.getLogger(TrainActivitiesImpl.class);

  private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);

  private final DatasetLoader loader;
  private final ModelStore models;
  private final CommandTraining commands;

  /** Catalogue algorithms and imports of local files; training commands refused (tests, tools). */
  public TrainActivitiesImpl(DatasetLoader loader, ModelStore models) {
    this(loader, models, null, DatasetFiles.localOnly(), TrainingCommands.disabled());
  }

  /**
   * @param artifacts where a training command's {@code train.log} is kept, beside the models
   * @param files what an import's URI may read (the worker's data roots and buckets)
   * @param commands whether this worker runs {@code training.command}, and its runner
   */
  public TrainActivitiesImpl(
      DatasetLoader loader,
      ModelStore models,
      ArtifactStore artifacts,
      DatasetFiles files,
      TrainingCommands commands) {
    this.loader = loader;
    this.models = models;
    this.commands = new CommandTraining(loader, models, artifacts, files, commands);
  }

  @Override
  public TrainedModel train(TrainRequest request) {
    try (Heartbeats beats = Heartbeats.start(Activity.getExecutionContext(), HEARTBEAT_EVERY)) {
      if (request.training().byCommand()) return commands.train(request, beats);
      Fitted fitted = fitAndScore(request, beats);
      beats.phase("storing", fitted.split().train().length);
      ModelMetadata metadata =
          metadata(
              request,
              fitted.params(),
              fitted.data(),
              fitted.split(),
              fitted.metrics(),
              fitted.model());
      ModelStore.Stored stored = models.store(metadata, fitted.model());
      models.storeReference(
          stored.uri(),
          ReferenceSample.of(fitted.data(), fitted.split().train(), request.training().seed()));
      log.info(
          "trained model={} run={} algorithm={} rows={} metrics={} digest={} millis={}",
          request.model(),
          request.runId(),
          fitted.params().algorithm(),
          fitted.data().rows(),
          fitted.metrics(),
          stored.digest(),
          fitted.trainMillis());
      return new TrainedModel(
          stored.uri(),
          stored.digest(),
          fitted.data().sha256(),
          fitted.split().train().length,
          fitted.split().holdout().length,
          fitted.metrics(),
          fitted.trainMillis());
    }
  }

  @Override
  public TrialResult trial(TrainRequest request) {
    try (Heartbeats beats = Heartbeats.start(Activity.getExecutionContext(), HEARTBEAT_EVERY)) {
      Fitted fitted = fitAndScore(request, beats);
      log.info(
          "trial model={} run={} params={} metrics={}",
          request.model(),
          request.runId(),
          request.training().params(),
          fitted.metrics());
      return new TrialResult(
          -1, request.training().params(), fitted.metrics(), null, fitted.trainMillis());
    }
  }

  /** A model fitted on the training rows and scored on the holdout: what train and trial share. */
  private record Fitted(
      Predictor model,
      Dataset data,
      HoldoutSplit split,
      HyperParams params,
      Map<String, Double> metrics,
      long trainMillis) {}

  private Fitted fitAndScore(TrainRequest request, Heartbeats beats) {
    Task task = request.task();
    if (request.training().byCommand()) {
      throw Failures.unsupported("a search trial runs a catalogue algorithm, not a command");
    }
    // Resolved now so a bad value is refused before the data is loaded, and again once the
    // training set's size is known: some defaults depend on it (AlgorithmCatalogue.sizedDefaults).
    HyperParams params = HyperParams.resolve(task, request.training());
    Trainer trainer = Trainers.forAlgorithm(task, params.algorithm());
    beats.phase("loading", 0);
    loader.checkFreshness(request.data(), Instant.now());
    Dataset data = loader.load(request.data(), task, request.training());
    long seed = request.training().seed();
    HoldoutSplit split = HoldoutSplit.of(data, request.training());
    if (task == Task.CLASSIFICATION) {
      ClassTargets.requireTwoClasses(data, split.train());
    } else if (task == Task.REGRESSION) {
      RegressionTargets.requireVariation(data, split.train());
    }

    params = HyperParams.resolve(task, request.training(), split.train().length);
    beats.phase("training", split.train().length);
    long started = System.nanoTime();
    Predictor model = fit(trainer, new TrainingSet(data, split.train()), params, seed, beats);
    long trainMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

    beats.phase("scoring", split.holdout().length);
    Predictions predicted = model.predict(data, split.holdout());
    Map<String, Double> metrics = Scores.of(task, data, split.holdout(), predicted);
    return new Fitted(model, data, split, params, metrics, trainMillis);
  }

  private static Predictor fit(
      Trainer trainer, TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    try {
      return trainer.fit(set, params, seed, progress);
    } catch (IllegalArgumentException e) {
      // The library refuses settings it cannot use on this data; the same input fails the same
      // way, so retrying is pointless.
      throw Failures.invalidData(
          "training "
              + params.algorithm()
              + " on "
              + set.data().source()
              + " failed: "
              + e.getMessage());
    }
  }

  private static ModelMetadata metadata(
      TrainRequest request,
      HyperParams params,
      Dataset data,
      HoldoutSplit split,
      Map<String, Double> metrics,
      Predictor model) {
    boolean xgboost = model.format() == ModelFormat.XGBOOST_UBJ;
    return new TrainedMetadata(
            params.algorithm(),
            params.described(),
            model.format(),
            ModelCompatibility.smileVersion(),
            xgboost ? XgboostTrainer.version() : null)
        .of(request, data, split, metrics, null, null);
  }
}
