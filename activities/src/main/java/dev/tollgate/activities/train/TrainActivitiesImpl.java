package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.CsvLoader;
import dev.tollgate.activities.data.DataFreshness;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.data.QuantileBins;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.activity.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.regression.DataFrameRegression;

/**
 * Loads the data, holds out the spec's share with its seed, trains, scores the holdout and stores
 * the model content-addressed. Deterministic: a retried attempt (after a worker crash, say) starts
 * over from the data, ignoring the heartbeat details of the attempt before, and produces the same
 * model bytes, which the store recognises, so no resume state is needed. The heartbeat details
 * ({@link dev.tollgate.stages.TrainProgress}) only report how far the attempt got.
 */
public final class TrainActivitiesImpl implements TrainActivities {
  private static final Logger log = LoggerFactory.getLogger(TrainActivitiesImpl.class);

  /** Quantile bins per feature kept as the drift reference. */
  public static final int REFERENCE_BINS = 10;

  private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);

  private final CsvLoader loader;
  private final ModelStore models;

  public TrainActivitiesImpl(CsvLoader loader, ModelStore models) {
    this.loader = loader;
    this.models = models;
  }

  @Override
  public TrainedModel train(TrainRequest request) {
    Task task = request.task();
    HyperParams params = HyperParams.resolve(task, request.training());
    Trainer trainer = Trainers.forAlgorithm(task, params.algorithm());
    try (Heartbeats beats = Heartbeats.start(Activity.getExecutionContext(), HEARTBEAT_EVERY)) {
      beats.phase("loading", 0);
      DataFreshness.check(request.data(), Instant.now());
      Dataset data = loader.load(request.data());
      if (task == Task.CLASSIFICATION) {
        data = ClassTargets.indexed(data);
      }
      long seed = request.training().seed();
      HoldoutSplit split = HoldoutSplit.of(data.rows(), seed, request.training().holdout());
      if (task == Task.CLASSIFICATION) {
        ClassTargets.requireTwoClasses(data, split.train());
      }

      beats.phase("training", split.train().length);
      long started = System.nanoTime();
      Predictor model = fit(trainer, new TrainingSet(data, split.train()), params, seed, beats);
      long trainMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

      beats.phase("scoring", split.holdout().length);
      Predictions predicted = model.predict(data, split.holdout());
      Map<String, Double> metrics = Scores.of(task, data, split.holdout(), predicted);

      beats.phase("storing", split.train().length);
      ModelMetadata metadata = metadata(request, params, data, split, metrics, model);
      ModelStore.Stored stored = models.store(metadata, model);
      log.info(
          "trained model={} run={} algorithm={} rows={} metrics={} digest={} millis={}",
          request.model(),
          request.runId(),
          params.algorithm(),
          data.rows(),
          metrics,
          stored.digest(),
          trainMillis);
      return new TrainedModel(
          stored.uri(),
          stored.digest(),
          data.sha256(),
          split.train().length,
          split.holdout().length,
          metrics,
          trainMillis);
    }
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
    Map<String, QuantileBins> bins = new LinkedHashMap<>();
    for (int j = 0; j < data.features().size(); j++) {
      bins.put(
          data.features().get(j), QuantileBins.of(data.feature(j, split.train()), REFERENCE_BINS));
    }
    boolean xgboost = model.format() == ModelFormat.XGBOOST_UBJ;
    return new ModelMetadata(
        request.model(),
        params.algorithm(),
        params.values(),
        data.features(),
        data.target(),
        metrics,
        data.sha256(),
        split.train().length,
        split.holdout().length,
        request.training().seed(),
        request.training().holdout(),
        DataFrameRegression.class.getPackage().getImplementationVersion(),
        Runtime.version().toString(),
        Instant.now().toString(),
        null,
        bins,
        request.task().name().toLowerCase(Locale.ROOT),
        model.format().file(),
        model.format().id(),
        request.task() == Task.CLASSIFICATION ? data.classes() : null,
        xgboost ? XgboostTrainer.version() : null);
  }
}
