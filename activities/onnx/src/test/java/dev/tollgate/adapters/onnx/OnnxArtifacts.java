package dev.tollgate.adapters.onnx;

import dev.tollgate.activities.artifacts.ModelMetadata;
import java.util.List;
import java.util.Map;

/**
 * The metadata a training command's ONNX model will be stored with: what the stages read (features,
 * target, task, classes) to check and score it.
 */
final class OnnxArtifacts {
  private OnnxArtifacts() {}

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
        null,
        null,
        null);
  }
}
