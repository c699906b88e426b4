package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ONNX model goes through core's model store as the stages use it (validation and serving call
 * {@code ModelStore.load}): stored as {@code model.onnx} with format {@code onnx}, loaded back
 * through core's codec and this adapter's runtime, checked against the metadata's features, task
 * and classes; a bad file is refused as an artifact mismatch naming the file and the reason.
 */
class OnnxArtifactTest {
  @TempDir Path home;

  /** Stands for a model a training command left: the file's bytes, nothing loaded. */
  private record OnnxFile(byte[] bytes) implements Predictor {
    @Override
    public Predictions predict(Dataset data, int[] rows) {
      throw new UnsupportedOperationException("only stored");
    }

    @Override
    public ModelFormat format() {
      return ModelFormat.ONNX;
    }
  }

  private static ModelMetadata metadata(String task, List<String> classes) {
    return new ModelMetadata(
        "churn",
        "onnx",
        Map.of(),
        OnnxFixtures.FEATURES,
        "label",
        Map.of(),
        "d",
        400,
        200,
        24,
        0.33,
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

  @Test
  void aStoredOnnxClassifierLoadsAndScoresAsBefore() throws Exception {
    var holdout = OnnxFixtures.holdout("classifier.csv");
    Dataset data = holdout.dataset("label", true);
    ModelStore store = new ModelStore(home);
    var stored =
        store.store(
            metadata("classification", data.classes()),
            new OnnxFile(OnnxFixtures.model("classifier.onnx")));
    assertThat(Files.list(home.resolve("churn").resolve(stored.digest())))
        .extracting(p -> p.getFileName().toString())
        .contains("model.onnx", "metadata.json");
    var loaded = store.load(stored.uri(), stored.digest(), null);
    try (Predictor model = loaded.model()) {
      assertThat(loaded.metadata().modelFormat()).isEqualTo("onnx");
      Predictions p = model.predict(data, data.allRows());
      double[] high = holdout.numbers("p_high");
      for (int i = 0; i < data.rows(); i++) {
        assertThat(p.probabilities()[i][0]).isCloseTo(high[i], within(1e-5));
      }
    }
  }

  @Test
  void aBadStoredModelIsAnArtifactMismatchNamingTheFile() throws Exception {
    ModelStore store = new ModelStore(home);
    var stored =
        store.store(
            metadata("classification", List.of("high", "low", "mid")),
            new OnnxFile(OnnxFixtures.model("zipmap.onnx")));
    assertThatThrownBy(() -> store.load(stored.uri(), stored.digest(), null))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining(stored.digest() + "/model.onnx is not a usable model")
        .hasMessageContaining("convert with zipmap=False");
  }
}
