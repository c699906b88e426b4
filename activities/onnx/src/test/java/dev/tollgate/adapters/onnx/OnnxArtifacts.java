package dev.tollgate.adapters.onnx;

import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import java.util.List;
import java.util.Map;

/**
 * What a training command will leave for the store: an ONNX file as a {@link Predictor} that is
 * only bytes, and the metadata the stages read (features, task, classes, format).
 */
final class OnnxArtifacts {
  private OnnxArtifacts() {}

  /** The file's bytes to store; never scored (the store loads its own copy). */
  record OnnxFile(byte[] bytes) implements Predictor {
    @Override
    public Predictions predict(Dataset data, int[] rows) {
      throw new UnsupportedOperationException("only stored");
    }

    @Override
    public ModelFormat format() {
      return ModelFormat.ONNX;
    }
  }

  static OnnxFile file(String fixture) throws Exception {
    return new OnnxFile(OnnxFixtures.model(fixture));
  }

  /** Metadata of a model over the fixtures' four features with target {@code label}. */
  static ModelMetadata metadata(String model, String task, List<String> classes) {
    return metadata(model, task, "label", classes);
  }

  static ModelMetadata metadata(String model, String task, String target, List<String> classes) {
    return new ModelMetadata(
        model,
        "onnx",
        Map.of(),
        OnnxFixtures.FEATURES,
        target,
        Map.of(),
        "d",
        0,
        0,
        42,
        0.2,
        null,
        "25",
        "2026-12-07T00:00:00Z",
        null,
        Map.of(),
        task,
        null,
        null,
        classes,
        null,
        null,
        null,
        null,
        null);
  }
}
