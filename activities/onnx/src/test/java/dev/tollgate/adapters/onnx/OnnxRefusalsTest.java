package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.models.ModelContract;
import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.UnusablePredictions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each bad ONNX model is refused when it is loaded (or, for NaN answers, when it scores the
 * holdout) with what is wrong and how to export it right; the models are made with the real
 * converters and the onnx package (make_fixtures.py).
 */
class OnnxRefusalsTest {
  private static final List<String> CLASSES = List.of("high", "low", "mid");
  private static final ModelContract CLASSIFIER =
      new ModelContract("classification", OnnxFixtures.FEATURES, CLASSES);
  private static final ModelContract REGRESSOR =
      new ModelContract("regression", OnnxFixtures.FEATURES, null);

  private static Predictor load(String model, ModelContract contract) throws Exception {
    return new OnnxModelRuntime().load(OnnxFixtures.model(model), contract);
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThatThrownBy(() -> new OnnxModelRuntime().load(new byte[0], REGRESSOR))
        .hasMessage("the ONNX file is empty");
  }

  @Test
  void bytesThatAreNotOnnxAreRefused() {
    byte[] text = "{\"learner\": \"not an onnx file\"}".getBytes();
    assertThatThrownBy(() -> new OnnxModelRuntime().load(text, REGRESSOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is not an ONNX model");
  }

  @Test
  void aTruncatedFileIsRefused() throws Exception {
    byte[] whole = OnnxFixtures.model("regressor.onnx");
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> new OnnxModelRuntime().load(half, REGRESSOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an ONNX model");
  }

  @Test
  void aTooNewOpsetIsRefusedWithTheTargetOpsetToExportWith() {
    assertThatThrownBy(() -> load("opset_too_new.onnx", CLASSIFIER))
        .hasMessageContaining("opset 99 of domain ai.onnx")
        .hasMessageContaining("export with target_opset=26");
  }

  @Test
  void aTooNewIrVersionIsRefused() {
    assertThatThrownBy(() -> load("ir_too_new.onnx", CLASSIFIER))
        .hasMessageContaining("IR version is 99")
        .hasMessageContaining("up to 13")
        .hasMessageContaining("target_opset=");
  }

  @Test
  void aZipMapOutputIsRefusedWithZipmapFalse() {
    assertThatThrownBy(() -> load("zipmap.onnx", CLASSIFIER))
        .hasMessageContaining("'output_probability' is a sequence of maps")
        .hasMessageContaining("convert with zipmap=False");
  }

  @Test
  void aModelOfTheWrongWidthIsRefused() {
    assertThatThrownBy(() -> load("wide.onnx", CLASSIFIER))
        .hasMessageContaining("input 'X' has shape [N, 5]")
        .hasMessageContaining("the spec has 4 features");
  }

  @Test
  void perFeatureInputsWithOtherNamesAreRefused() {
    var renamed = new ModelContract("regression", List.of("a", "f1", "f2", "f3"), null);
    assertThatThrownBy(() -> load("by_name.onnx", renamed))
        .hasMessageContaining("one per feature, named after it")
        .hasMessageContaining("none is named [a]");
  }

  @Test
  void aRegressorIsNotAClassifier() {
    assertThatThrownBy(() -> load("regressor.onnx", CLASSIFIER))
        .hasMessageContaining("needs a probability tensor [N, 3]")
        .hasMessageContaining("'variable' a float tensor");
  }

  @Test
  void classesOtherThanTheDatasAreRefusedWithoutNamingThem() {
    var other = new ModelContract("classification", OnnxFixtures.FEATURES, List.of("a", "b", "c"));
    assertThatThrownBy(() -> load("classifier.onnx", other))
        .hasMessageContaining("3 of its 3 class labels are not values of the data's target")
        .hasMessageNotContaining("high");
  }

  @Test
  void nanPredictionsOnTheHoldoutAreRefused() throws Exception {
    Dataset data = OnnxFixtures.holdout("regressor.csv").dataset("y", false);
    try (Predictor model = load("nan.onnx", REGRESSOR)) {
      assertThatThrownBy(() -> model.predict(data, data.allRows()))
          .isInstanceOf(UnusablePredictions.class)
          .hasMessageContaining("predicted NaN for " + data.rows() + " of " + data.rows())
          .hasMessageContaining("holdout.csv");
    }
  }

  @Test
  void scikitLearnsRawIsolationForestExportIsRefusedWithTheRecipe() throws Exception {
    Dataset data = OnnxFixtures.holdout("isolation.csv").dataset("y", false);
    var contract = new ModelContract("anomaly", data.features(), null);
    try (Predictor model =
        new OnnxModelRuntime().load(OnnxFixtures.model("isolation_raw.onnx"), contract)) {
      assertThatThrownBy(() -> model.predict(data, data.allRows()))
          .isInstanceOf(UnusablePredictions.class)
          .hasMessageContaining("must lie in [0, 1]")
          .hasMessageContaining("decision_function")
          .hasMessageContaining("training-contract.md");
    }
  }
}
