package dev.tollgate.activities.scores;

import java.util.Map;
import java.util.TreeMap;

/**
 * Holdout metrics of a regression model: mae, rmse, r2 and mape. mape is a ratio (0.05 = 5%) over
 * the rows whose true value is not 0; a metric that is undefined on the data (r2 of a constant
 * target, mape of an all-zero one) is left out rather than reported as NaN, and a threshold on it
 * then fails with "not produced".
 */
public final class RegressionScores {
  private RegressionScores() {}

  public static Map<String, Double> of(double[] truth, double[] predicted) {
    if (truth.length != predicted.length || truth.length == 0) {
      throw new IllegalArgumentException(
          "need equally many truths and predictions, got "
              + truth.length
              + " and "
              + predicted.length);
    }
    int n = truth.length;
    double absolute = 0;
    double squared = 0;
    double percentage = 0;
    int nonZero = 0;
    double mean = 0;
    for (double y : truth) {
      mean += y / n;
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      double error = truth[i] - predicted[i];
      absolute += Math.abs(error);
      squared += error * error;
      total += (truth[i] - mean) * (truth[i] - mean);
      if (truth[i] != 0) {
        percentage += Math.abs(error / truth[i]);
        nonZero++;
      }
    }
    Map<String, Double> metrics = new TreeMap<>();
    metrics.put("mae", absolute / n);
    metrics.put("rmse", Math.sqrt(squared / n));
    if (total > 0) {
      metrics.put("r2", 1 - squared / total);
    }
    if (nonZero > 0) {
      metrics.put("mape", percentage / nonZero);
    }
    return metrics;
  }
}
