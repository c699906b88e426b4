package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.models.ModelCodec;
import dev.tollgate.activities.models.ModelContract;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import org.junit.jupiter.api.Test;

/**
 * Java's ONNX Runtime scores models trained and exported by the real Python libraries as those
 * libraries do: scikit-learn's predict_proba and predict, LightGBM's predict, within 1e-5.
 */
class OnnxScoresTest {
  private static final double TOLERANCE = 1e-5;

  @Test
  void scikitLearnClassifierMatchesPredictProbaAndPredict() throws Exception {
    var holdout = OnnxFixtures.holdout("classifier.csv");
    Dataset data = holdout.dataset("label", true);
    var contract = new ModelContract("classification", data.features(), data.classes());
    // Through core's codec: the runtime is found on the classpath as the worker would find it.
    try (Predictor model =
        ModelCodec.decode(ModelFormat.ONNX, OnnxFixtures.model("classifier.onnx"), contract)) {
      Predictions predictions = model.predict(data, data.allRows());
      String[] predicted = holdout.column("predicted");
      for (int c = 0; c < data.classes().size(); c++) {
        double[] expected = holdout.numbers("p_" + data.classes().get(c));
        for (int i = 0; i < data.rows(); i++) {
          assertThat(predictions.probabilities()[i][c]).isCloseTo(expected[i], within(TOLERANCE));
        }
      }
      for (int i = 0; i < data.rows(); i++) {
        assertThat(data.classes().get((int) predictions.values()[i])).isEqualTo(predicted[i]);
      }
      assertThat(model.format()).isEqualTo(ModelFormat.ONNX);
      assertThat(model.bytes()).isEqualTo(OnnxFixtures.model("classifier.onnx"));
    }
  }

  @Test
  void lightGbmRegressorMatchesItsPredict() throws Exception {
    assertValuesMatch("regressor.onnx", "regressor.csv");
  }

  @Test
  void oneInputPerFeatureIsFedByName() throws Exception {
    assertValuesMatch("by_name.onnx", "by_name.csv");
  }

  @Test
  void anIsolationForestRescaledByTheContractsRecipeGivesScikitLearnsAnomalyScores()
      throws Exception {
    var rows = OnnxFixtures.holdout("isolation.csv");
    Dataset data = rows.dataset("y", false);
    var contract = new ModelContract("anomaly", data.features(), null);
    try (Predictor model =
        new OnnxModelRuntime().load(OnnxFixtures.model("isolation.onnx"), contract)) {
      Predictions predictions = model.predict(data, data.allRows());
      double[] expected = rows.numbers("score");
      for (int i = 0; i < data.rows(); i++) {
        assertThat(predictions.probabilities()[i][1]).isCloseTo(expected[i], within(TOLERANCE));
        assertThat(predictions.values()[i]).isEqualTo(expected[i] >= 0.5 ? 1.0 : 0.0);
      }
    }
  }

  @Test
  void aClosedModelRefusesToScoreAndClosesOnce() throws Exception {
    var holdout = OnnxFixtures.holdout("regressor.csv");
    Dataset data = holdout.dataset("y", false);
    Predictor model =
        new OnnxModelRuntime()
            .load(
                OnnxFixtures.model("regressor.onnx"),
                new ModelContract("regression", data.features(), null));
    model.close();
    model.close();
    assertThatThrownBy(() -> model.predict(data, data.allRows())).hasMessageContaining("closed");
  }

  private static void assertValuesMatch(String model, String csv) throws Exception {
    var holdout = OnnxFixtures.holdout(csv);
    Dataset data = holdout.dataset("y", false);
    var contract = new ModelContract("regression", data.features(), null);
    try (Predictor loaded = new OnnxModelRuntime().load(OnnxFixtures.model(model), contract)) {
      // Scored twice on the same session: a reused session answers the same.
      for (int round = 0; round < 2; round++) {
        Predictions predictions = loaded.predict(data, data.allRows());
        double[] expected = holdout.numbers("predicted");
        assertThat(predictions.probabilities()).isNull();
        for (int i = 0; i < data.rows(); i++) {
          assertThat(predictions.values()[i]).isCloseTo(expected[i], within(TOLERANCE));
        }
      }
    }
  }
}
