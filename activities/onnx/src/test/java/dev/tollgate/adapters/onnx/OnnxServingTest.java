package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ServingAnswer;
import dev.tollgate.activities.serving.ServingError;
import dev.tollgate.activities.serving.ServingPointer;
import dev.tollgate.stages.ModelVersion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local serving, unchanged, answers with a deployed ONNX model: the JSON rows the predict endpoint
 * takes are encoded with the model's schema and scored on the one session serving loaded, the class
 * label and its probability as scikit-learn gives them.
 */
class OnnxServingTest {
  @TempDir Path home;

  @Test
  void aDeployedOnnxClassifierAnswersPredictions() throws Exception {
    List<String> classes = List.of("high", "low", "mid");
    var metadata = OnnxArtifacts.metadata("churn", "classification", classes);
    ModelStore store = new ModelStore(new LocalArtifactStore(home.resolve("artifacts")));
    var stored = store.store(metadata, ModelFormat.ONNX, OnnxFixtures.model("classifier.onnx"));
    var version = new ModelVersion("churn", 1, "run-1", stored.uri(), stored.digest(), Map.of());
    Path serving = home.resolve("serving");
    ServingPointer.of(version, "run-1", "churn", null)
        .write(serving.resolve("churn").resolve("current.json"));

    var holdout = OnnxFixtures.holdout("classifier.csv");
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int j = 0; j < OnnxFixtures.FEATURES.size(); j++) {
        row.put(OnnxFixtures.FEATURES.get(j), holdout.features()[j][i]);
      }
      rows.add(row);
    }
    ServingAnswer answer = new ModelServing(serving, store).predict("churn", rows, null);

    assertThat(answer.version()).isEqualTo(1);
    String[] predicted = holdout.column("predicted");
    for (int i = 0; i < rows.size(); i++) {
      assertThat(answer.predictions().get(i)).isEqualTo(predicted[i]);
      double expected = holdout.numbers("p_" + predicted[i])[i];
      assertThat(answer.scores().get(i)).isCloseTo(expected, within(1e-5));
    }
  }

  @Test
  void aSwappedOutVersionsSessionIsClosed() throws Exception {
    ModelStore store = new ModelStore(new LocalArtifactStore(home.resolve("artifacts")));
    var metadata = OnnxArtifacts.metadata("price", "regression", null);
    var v1 = store.store(metadata, ModelFormat.ONNX, OnnxFixtures.model("regressor.onnx"));
    var v2 = store.store(metadata, ModelFormat.ONNX, OnnxFixtures.model("by_name.onnx"));
    Path serving = home.resolve("serving");
    Path pointer = serving.resolve("price").resolve("current.json");
    ModelServing models = new ModelServing(serving, store);
    Map<String, Object> row = Map.of("f0", 0.1, "f1", 0.2, "f2", 0.3, "f3", 0.4);
    int open = OnnxModel.openSessions();

    ServingPointer.of(
            new ModelVersion("price", 1, "r1", v1.uri(), v1.digest(), Map.of()),
            "r1",
            "price",
            null)
        .write(pointer);
    assertThat(models.predict("price", List.of(row), null).version()).isEqualTo(1);
    assertThat(OnnxModel.openSessions()).isEqualTo(open + 1);

    ServingPointer.of(
            new ModelVersion("price", 2, "r2", v2.uri(), v2.digest(), Map.of()),
            "r2",
            "price",
            null)
        .write(pointer);
    models.refresh("price"); // as a deploy does: the next request reads the new pointer
    assertThat(models.predict("price", List.of(row), null).version()).isEqualTo(2);
    // v2's session is open, v1's was closed at the swap: one session per served version.
    assertThat(OnnxModel.openSessions()).isEqualTo(open + 1);
  }

  @Test
  void aRequestTheModelAnswersWithNaNIsRefusedAs422() throws Exception {
    ModelStore store = new ModelStore(new LocalArtifactStore(home.resolve("artifacts")));
    var stored =
        store.store(
            OnnxArtifacts.metadata("broken", "regression", null),
            ModelFormat.ONNX,
            OnnxFixtures.model("nan.onnx"));
    Path serving = home.resolve("serving");
    ServingPointer.of(
            new ModelVersion("broken", 1, "r1", stored.uri(), stored.digest(), Map.of()),
            "r1",
            "broken",
            null)
        .write(serving.resolve("broken").resolve("current.json"));
    Map<String, Object> row = Map.of("f0", 0.1, "f1", 0.2, "f2", 0.3, "f3", 0.4);
    assertThatThrownBy(() -> new ModelServing(serving, store).predict("broken", List.of(row), null))
        .isInstanceOfSatisfying(ServingError.class, e -> assertThat(e.status()).isEqualTo(422))
        .hasMessageContaining("predicted NaN for 1 of 1 rows");
  }
}
