package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void aStoredOnnxClassifierLoadsAndScoresAsBefore() throws Exception {
    var holdout = OnnxFixtures.holdout("classifier.csv");
    Dataset data = holdout.dataset("label", true);
    ModelStore store = new ModelStore(home);
    var stored =
        store.store(
            OnnxArtifacts.metadata("churn", "classification", data.classes()),
            ModelFormat.ONNX,
            OnnxFixtures.model("classifier.onnx"));
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
            OnnxArtifacts.metadata("churn", "classification", List.of("high", "low", "mid")),
            ModelFormat.ONNX,
            OnnxFixtures.model("zipmap.onnx"));
    assertThatThrownBy(() -> store.load(stored.uri(), stored.digest(), null))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining(stored.digest() + "/model.onnx is not a usable model")
        .hasMessageContaining("convert with zipmap=False");
  }
}
