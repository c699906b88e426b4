package dev.tollgate.activities.stats;

/**
 * A running sum of positive terms given by their logarithms, kept as {@code scaled · e^max} so that
 * terms far below or above double range (e^-800, e^+800) still add up correctly.
 */
final class LogSum {
  private double max = Double.NEGATIVE_INFINITY;
  private double scaled;

  /**
   * Adds {@code e^logTerm}; returns the term relative to the current scale ({@code e^(l − max)}).
   */
  double add(double logTerm) {
    if (logTerm > max) {
      scaled = scaled * Math.exp(max - logTerm) + 1;
      max = logTerm;
      return 1;
    }
    double relative = Math.exp(logTerm - max);
    scaled += relative;
    return relative;
  }

  /** The sum relative to the current scale: {@code sum / e^max}. */
  double scaled() {
    return scaled;
  }

  double log() {
    return max + Math.log(scaled);
  }

  double value() {
    return scaled * Math.exp(max);
  }
}
