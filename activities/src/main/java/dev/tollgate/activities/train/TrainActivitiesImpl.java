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
import dev.tollgate.stages.TrialResult;
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
    try (Heartbeats beats = Heartbeats.start(Activity.getExecutionContext(), HEARTBEAT_EVERY)) {
      Fitted fitted = fitAndScore(request, beats);
      beats.phase("storing", fitted.split().train().length);
      ModelMetadata metadata =
          metadata(request, fitted.params(), fitted.data(), fitted.split(), fitted.metrics());
      ModelStore.Stored stored = models.store(metadata, fitted.model());
      log.info(
          "trained model={} run={} algorithm={} rows={} metrics={} digest={}",
          request.model(),
          request.runId(),
          fitted.params().algorithm(),
          fitted.data().rows(),
          fitted.metrics(),
          stored.digest());
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
      DataFrameRegression model,
      Dataset data,
      HoldoutSplit split,
      HyperParams params,
      Map<String, Double> metrics,
      long trainMillis) {}

  private Fitted fitAndScore(TrainRequest request, Heartbeats beats) {
    if (request.task() != Task.REGRESSION) {
      throw Failures.unsupported(
          "task " + request.task() + " is not trained by this version; use task: regression");
    }
    HyperParams params = HyperParams.resolve(request.task(), request.training());
    Trainer trainer = Trainers.forAlgorithm(params.algorithm());
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
    return new Fitted(model, data, split, params, metrics, trainMillis);
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
