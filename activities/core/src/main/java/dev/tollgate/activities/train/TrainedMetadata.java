package dev.tollgate.activities.train;

import dev.tollgate.activities.TollgateVersion;
import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.FeatureStats;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.data.QuantileBins;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.stats.Psi;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.TrainRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The metadata stored beside a model the train stage produced, by a catalogue trainer or by the
 * team's command: one place for what both record (the data, the split, the holdout metrics, the
 * drift reference of the training rows), so validation and serving read every model alike.
 *
 * @param algorithm the catalogue algorithm, or {@code command}/{@code import}
 * @param params the hyperparameters as recorded
 * @param format the stored model's format
 * @param smileVersion Smile's version for a Smile model, else {@code null}
 * @param xgboostVersion XGBoost's version for an XGBoost model, else {@code null}
 */
record TrainedMetadata(
    String algorithm,
    Map<String, Object> params,
    ModelFormat format,
    String smileVersion,
    String xgboostVersion) {

  /**
   * The metadata of the model trained on {@code split}'s training rows and measured on its holdout.
   */
  ModelMetadata of(
      TrainRequest request,
      Dataset data,
      HoldoutSplit split,
      Map<String, Double> metrics,
      Map<String, Double> reported,
      Map<String, String> lineage) {
    Map<String, QuantileBins> bins = new LinkedHashMap<>();
    Map<String, FeatureStats> stats = new LinkedHashMap<>();
    for (int j = 0; j < data.features().size(); j++) {
      double[] values = data.feature(j, split.train());
      bins.put(data.features().get(j), QuantileBins.of(values, Psi.DEFAULT_BINS));
      stats.put(data.features().get(j), FeatureStats.of(values));
    }
    return new ModelMetadata(
        request.model(),
        algorithm,
        params,
        data.features(),
        data.target(),
        metrics,
        data.sha256(),
        split.train().length,
        split.holdout().length,
        request.training().seed(),
        request.training().holdout(),
        smileVersion,
        Runtime.version().toString(),
        Instant.now().toString(),
        null,
        bins,
        request.task().name().toLowerCase(Locale.ROOT),
        format.file(),
        format.id(),
        request.task() == Task.CLASSIFICATION ? data.classes() : null,
        xgboostVersion,
        data.report().summary(),
        data.schema(),
        TollgateVersion.get(),
        stats,
        reported,
        lineage);
  }
}
