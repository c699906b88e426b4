package dev.tollgate.activities.stats;

/**
 * Count, mean and sample variance (divisor {@code n − 1}, numpy's {@code ddof=1}; NaN for a single
 * value) of one sample. The mean uses Neumaier's compensated sum and the variance a second pass
 * over the deviations, so a large offset (values around 1e9 that differ by 1) does not cancel away
 * the spread.
 */
public record Moments(long count, double mean, double variance) {

  public static Moments of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    Accumulator sum = new Accumulator();
    for (double v : values) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("values contain NaN; remove missing values first");
      }
      sum.add(v);
    }
    double mean = sum.total() / values.length;
    double squares = 0;
    for (double v : values) {
      double d = v - mean;
      squares += d * d;
    }
    double variance = values.length > 1 ? squares / (values.length - 1) : Double.NaN;
    return new Moments(values.length, mean, variance);
  }

  /** Neumaier's compensated summation: the running sum plus the low-order bits it dropped. */
  static final class Accumulator {
    private double sum;
    private double compensation;

    void add(double v) {
      double t = sum + v;
      if (Math.abs(sum) >= Math.abs(v)) {
        compensation += (sum - t) + v;
      } else {
        compensation += (v - t) + sum;
      }
      sum = t;
    }

    double total() {
      return sum + compensation;
    }
  }
}
