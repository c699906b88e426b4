package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.CsvLoader;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.Frames;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.data.QuantileBins;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.activity.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.data.formula.Formula;
import smile.regression.DataFrameRegression;

/**
 * Loads the data, holds out the spec's share with its seed, trains, scores the holdout and stores
 * the model content-addressed. Deterministic: a retried attempt starts over and produces the same
 * model bytes, which the store recognises, so no resume state is needed.
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
    if (request.task() != Task.REGRESSION) {
      throw Failures.unsupported(
          "task " + request.task() + " is not trained by this version; use task: regression");
    }
    HyperParams params = HyperParams.resolve(request.task(), request.training());
    Trainer trainer = Trainers.forAlgorithm(params.algorithm());
    try (Heartbeats beats = Heartbeats.start(Activity.getExecutionContext(), HEARTBEAT_EVERY)) {
      beats.phase("loading", 0);
      loader.checkFreshness(request.data(), Instant.now());
      Dataset data = loader.load(request.data());
      long seed = request.training().seed();
      HoldoutSplit split = HoldoutSplit.of(data.rows(), seed, request.training().holdout());

      beats.phase("training", split.train().length);
      long started = System.nanoTime();
      DataFrameRegression model = fit(trainer, data, split, params, seed);
      long trainMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

      beats.phase("scoring", split.holdout().length);
      double[] predicted = Frames.predict(model, data, split.holdout());
      Map<String, Double> metrics = RegressionScores.of(data.target(split.holdout()), predicted);

      beats.phase("storing", split.train().length);
      ModelMetadata metadata = metadata(request, params, data, split, metrics);
      ModelStore.Stored stored = models.store(metadata, model);
      log.info(
          "trained model={} run={} algorithm={} rows={} metrics={} digest={}",
          request.model(),
          request.runId(),
          params.algorithm(),
          data.rows(),
          metrics,
          stored.digest());
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

  private static DataFrameRegression fit(
      Trainer trainer, Dataset data, HoldoutSplit split, HyperParams params, long seed) {
    try {
      return trainer.fit(Formula.lhs(data.target()), Frames.of(data, split.train()), params, seed);
    } catch (IllegalArgumentException e) {
      // Smile refuses settings it cannot use on this data; the same input fails the same way.
      throw Failures.invalidData(
          "training " + params.algorithm() + " on " + data.source() + " failed: " + e.getMessage());
    }
  }

  private static ModelMetadata metadata(
      TrainRequest request,
      HyperParams params,
      Dataset data,
      HoldoutSplit split,
      Map<String, Double> metrics) {
    Map<String, QuantileBins> bins = new LinkedHashMap<>();
    for (int j = 0; j < data.features().size(); j++) {
      bins.put(
          data.features().get(j), QuantileBins.of(data.feature(j, split.train()), REFERENCE_BINS));
    }
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
        bins);
  }
}
