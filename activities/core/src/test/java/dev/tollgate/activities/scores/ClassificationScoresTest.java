package dev.tollgate.activities.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.activities.models.Predictions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each metric against a value worked out by hand in the comments. */
class ClassificationScoresTest {
  private static final double TOLERANCE = 1e-12;

  private static Predictions binary(double... p1) {
    double[] values = new double[p1.length];
    double[][] probabilities = new double[p1.length][];
    for (int i = 0; i < p1.length; i++) {
      values[i] = p1[i] > 0.5 ? 1 : 0;
      probabilities[i] = new double[] {1 - p1[i], p1[i]};
    }
    return new Predictions(values, probabilities);
  }

  @Test
  void binaryMetricsByHand() {
    int[] truth = {0, 0, 1, 1, 1, 0};
    // predicted 0, 1, 1, 0, 1, 0: TP 2 (rows 2, 4), FP 1 (row 1), FN 1 (row 3), TN 2
    Map<String, Double> m = ClassificationScores.of(truth, binary(0.1, 0.6, 0.8, 0.4, 0.9, 0.2), 2);

    assertThat(m.get("accuracy")).isCloseTo(4 / 6.0, within(TOLERANCE));
    assertThat(m.get("precision")).isCloseTo(2 / 3.0, within(TOLERANCE));
    assertThat(m.get("recall")).isCloseTo(2 / 3.0, within(TOLERANCE));
    assertThat(m.get("f1")).isCloseTo(2 / 3.0, within(TOLERANCE));
    // positives 0.8, 0.4, 0.9 against negatives 0.1, 0.6, 0.2: 3 + 2 + 3 of 9 pairs ordered
    assertThat(m.get("auc")).isCloseTo(8 / 9.0, within(TOLERANCE));
    // P(true class): 0.9, 0.4, 0.8, 0.4, 0.9, 0.8
    double logLoss = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.8)) / 3;
    assertThat(m.get("log_loss")).isCloseTo(logLoss, within(TOLERANCE));
  }

  @Test
  void tiedScoresCountHalfAndOneClassHasNoAuc() {
    assertThat(ClassificationScores.of(new int[] {0, 1}, binary(0.5, 0.5), 2).get("auc"))
        .isEqualTo(0.5);
    Map<String, Double> allZero = ClassificationScores.of(new int[] {0, 0}, binary(0.2, 0.7), 2);
    assertThat(allZero).doesNotContainKey("auc");
    assertThat(allZero.get("precision")).isZero(); // 0 of 1 predicted positives; 0/0 recall → 0
    assertThat(allZero.get("recall")).isZero();
  }

  @Test
  void multiClassMetricsAreMacroAveragesByHand() {
    int[] truth = {0, 0, 1, 1, 2, 2};
    double[][] p = {
      {0.7, 0.2, 0.1}, // → 0
      {0.3, 0.6, 0.1}, // → 1
      {0.1, 0.8, 0.1}, // → 1
      {0.2, 0.5, 0.3}, // → 1
      {0.1, 0.2, 0.7}, // → 2
      {0.5, 0.1, 0.4}, // → 0
    };
    var predictions = new Predictions(new double[] {0, 1, 1, 1, 2, 0}, p);
    Map<String, Double> m = ClassificationScores.of(truth, predictions, 3);

    assertThat(m.get("accuracy")).isCloseTo(4 / 6.0, within(TOLERANCE));
    // per class (precision, recall, f1): 0 → (1/2, 1/2, 1/2); 1 → (2/3, 1, 4/5); 2 → (1, 1/2, 2/3)
    assertThat(m.get("precision")).isCloseTo((0.5 + 2 / 3.0 + 1) / 3, within(TOLERANCE));
    assertThat(m.get("recall")).isCloseTo((0.5 + 1 + 0.5) / 3, within(TOLERANCE));
    assertThat(m.get("f1")).isCloseTo((0.5 + 0.8 + 2 / 3.0) / 3, within(TOLERANCE));
    // one-vs-rest: class 0 → 7/8, class 1 → 7/8, class 2 → 8/8
    assertThat(m.get("auc")).isCloseTo((7 / 8.0 + 7 / 8.0 + 1) / 3, within(TOLERANCE));
    double logLoss =
        -(Math.log(0.7)
                + Math.log(0.3)
                + Math.log(0.8)
                + Math.log(0.5)
                + Math.log(0.7)
                + Math.log(0.4))
            / 6;
    assertThat(m.get("log_loss")).isCloseTo(logLoss, within(TOLERANCE));
  }

  @Test
  void aCertainWrongAnswerCostsAClippedLogLoss() {
    var predictions = new Predictions(new double[] {1}, new double[][] {{0, 1}});
    assertThat(ClassificationScores.of(new int[] {0}, predictions, 2).get("log_loss"))
        .isCloseTo(-Math.log(1e-15), within(1e-9));
  }

  @Test
  void anomalyMetricsByHandAndWithoutLabels() {
    var predictions =
        new Predictions(
            new double[] {0, 1, 1, 0, 0},
            new double[][] {{0.7, 0.3}, {0.4, 0.6}, {0.3, 0.7}, {0.8, 0.2}, {0.5, 0.5}});
    Map<String, Double> m = AnomalyScores.of(new double[] {0, 0, 1, 0, 1}, predictions);
    // flagged rows 1, 2; anomalies rows 2, 4: TP 1, FP 1, FN 1
    assertThat(m.get("anomaly_share")).isCloseTo(0.4, within(TOLERANCE));
    assertThat(m.get("precision")).isCloseTo(0.5, within(TOLERANCE));
    assertThat(m.get("recall")).isCloseTo(0.5, within(TOLERANCE));
    assertThat(m.get("f1")).isCloseTo(0.5, within(TOLERANCE));
    // anomaly scores 0.7, 0.5 against 0.3, 0.6, 0.2: 3 + 2 of 6 pairs ordered
    assertThat(m.get("auc")).isCloseTo(5 / 6.0, within(TOLERANCE));

    assertThat(AnomalyScores.of(new double[5], predictions)).containsOnlyKeys("anomaly_share");
  }
}
