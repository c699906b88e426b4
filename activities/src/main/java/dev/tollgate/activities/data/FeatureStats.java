package dev.tollgate.activities.data;

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

  /** The statistics of {@code values}; Welford's update, so large means keep their precision. */
  public static FeatureStats of(double[] values) {
    if (values.length == 0) {
      return new FeatureStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = 0;
    double m2 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      double delta = v - mean;
      mean += delta / (i + 1);
      m2 += delta * (v - mean);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double sd = values.length > 1 ? Math.sqrt(m2 / (values.length - 1)) : 0;
    return new FeatureStats(values.length, mean, sd, min, max);
  }
}
