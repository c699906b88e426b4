package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.data.ReferenceSample;
import dev.tollgate.activities.models.ModelCodec;
import dev.tollgate.activities.models.ModelContract;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.UnusablePredictions;
import dev.tollgate.activities.scores.Scores;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.TrainRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A model Tollgate did not train (a command's {@code model.onnx}, an import), measured and stored
 * as Tollgate's own are: loaded through {@link ModelCodec} against the spec's contract (the ONNX
 * runtime's checks: opset, inputs, outputs, ZipMap), the holdout the command never saw scored with
 * {@link Scores#of} (those are the run's metrics, so every gate works unchanged), then stored with
 * the same metadata (features, target, task, classes, drift bins, stats and reference sample from
 * the training rows). A model that fails a check is refused before anything is stored.
 */
final class OutsideModels {
  private final ModelStore models;

  OutsideModels(ModelStore models) {
    this.models = models;
  }

  /** What the stage measured and stored. */
  record Measured(ModelStore.Stored stored, Map<String, Double> metrics) {}

  Measured measureAndStore(
      TrainRequest request,
      Dataset data,
      HoldoutSplit split,
      byte[] bytes,
      String origin,
      Map<String, Double> reported,
      Map<String, String> lineage) {
    Task task = request.task();
    String taskName = task.name().toLowerCase(Locale.ROOT);
    var contract =
        new ModelContract(
            taskName, data.features(), task == Task.CLASSIFICATION ? data.classes() : null);
    Map<String, Double> metrics;
    try (Predictor model = decode(bytes, contract, origin)) {
      Predictions predicted;
      try {
        predicted = model.predict(data, split.holdout());
      } catch (UnusablePredictions e) {
        throw Failures.artifactMismatch(origin + " cannot be measured: " + e.getMessage());
      }
      metrics = Scores.of(task, data, split.holdout(), predicted);
    }
    ModelMetadata metadata = metadata(request, data, split, metrics, reported, lineage);
    ModelStore.Stored stored = models.store(metadata, ModelFormat.ONNX, bytes);
    models.storeReference(
        stored.uri(), ReferenceSample.of(data, split.train(), request.training().seed()));
    return new Measured(stored, metrics);
  }

  private static Predictor decode(byte[] bytes, ModelContract contract, String origin) {
    try {
      return ModelCodec.decode(ModelFormat.ONNX, bytes, contract);
    } catch (IllegalArgumentException e) {
      throw Failures.artifactMismatch(origin + " is not a usable model: " + e.getMessage());
    }
  }

  private static ModelMetadata metadata(
      TrainRequest request,
      Dataset data,
      HoldoutSplit split,
      Map<String, Double> metrics,
      Map<String, Double> reported,
      Map<String, String> lineage) {
    var command = request.training().command();
    Map<String, Object> params = new LinkedHashMap<>();
    command.params().forEach((k, v) -> params.put(k, v.toString()));
    String algorithm = command.imported() ? "import" : "command";
    return new TrainedMetadata(algorithm, params, ModelFormat.ONNX, null, null)
        .of(request, data, split, metrics, reported, lineage);
  }
}
