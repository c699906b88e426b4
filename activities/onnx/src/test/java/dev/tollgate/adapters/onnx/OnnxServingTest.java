package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ServingAnswer;
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
    var stored = store.store(metadata, OnnxArtifacts.file("classifier.onnx"));
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
}
