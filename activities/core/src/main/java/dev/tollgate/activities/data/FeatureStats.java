package dev.tollgate.activities.data;

import dev.tollgate.activities.stats.Moments;

/**
 * Summary statistics of one model input over the rows the model was trained on, stored in the
 * model's metadata beside its histogram ({@link QuantileBins}): what a reviewer, a drift report or
 * a serving check compares new data with. Values are taken after the missing-value policy, so they
 * are the values the model saw.
 *
 * @param count rows
 * @param mean arithmetic mean
 * @param sd sample standard deviation (n − 1); 0 for a single row
 * @param min smallest value
 * @param max largest value
 */
public record FeatureStats(long count, double mean, double sd, double min, double max) {

  /**
   * The statistics of {@code values}: mean and variance from {@link Moments}, as the drift
   * reference ({@code reference.json}) computes them, so the two never disagree.
   */
  public static FeatureStats of(double[] values) {
    if (values.length == 0) {
      return new FeatureStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    Moments moments = Moments.of(values);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double sd = values.length > 1 ? Math.sqrt(moments.variance()) : 0;
    return new FeatureStats(values.length, moments.mean(), sd, min, max);
  }
}
