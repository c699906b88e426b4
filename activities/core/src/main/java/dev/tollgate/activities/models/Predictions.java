package dev.tollgate.activities.models;

/**
 * A model's answers for some rows, in row order.
 *
 * @param values regression: the predicted value; classification: the class index 0..k-1; anomaly: 1
 *     for a row flagged as an anomaly, else 0
 * @param probabilities classification: {@code [row][class]}, each row summing to 1; anomaly: {@code
 *     [row]{1 - score, score}} with the anomaly score in [0, 1]; regression: {@code null}
 */
public record Predictions(double[] values, double[][] probabilities) {

  public int size() {
    return values.length;
  }
}
