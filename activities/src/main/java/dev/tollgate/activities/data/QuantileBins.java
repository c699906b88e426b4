package dev.tollgate.activities.data;

import java.util.Arrays;

/**
 * A reference distribution of one feature: quantile cut points and the share of reference rows in
 * each bin. Stored in model metadata, so a later run (or the drift guardian) compares new data with
 * what the model was trained on without reading the old dataset again.
 *
 * @param edges ascending, distinct cut points; bin {@code i} is {@code (edges[i-1], edges[i]]}, the
 *     first and last bins are open-ended
 * @param shares share of reference rows per bin, {@code edges.length + 1} entries summing to 1
 */
public record QuantileBins(double[] edges, double[] shares) {

  /** Floor for empty bins, so PSI stays finite (the usual 1e-4 convention). */
  private static final double EPSILON = 1e-4;

  public QuantileBins {
    edges = edges.clone();
    shares = shares.clone();
    if (shares.length != edges.length + 1) {
      throw new IllegalArgumentException(
          edges.length + " edges need " + (edges.length + 1) + " shares, got " + shares.length);
    }
  }

  /**
   * Cuts {@code reference} at its quantiles into at most {@code bins} bins. Repeated values give
   * fewer bins (a column of 0/1 gets two), never empty ones from duplicate edges.
   */
  public static QuantileBins of(double[] reference, int bins) {
    if (reference.length == 0) {
      throw new IllegalArgumentException("no reference values to bin");
    }
    double[] sorted = reference.clone();
    Arrays.sort(sorted);
    double[] edges =
        java.util.stream.IntStream.range(1, bins)
            .mapToDouble(i -> sorted[(int) Math.ceil((double) i * sorted.length / bins) - 1])
            .filter(edge -> edge < sorted[sorted.length - 1])
            .distinct()
            .toArray();
    return new QuantileBins(edges, countShares(edges, reference));
  }

  /** The share of {@code values} in each of this reference's bins. */
  public double[] sharesOf(double[] values) {
    return countShares(edges, values);
  }

  /**
   * Population stability index of {@code values} against this reference: {@code Σ (a − e) ln(a /
   * e)} over bins. Below 0.1 is usually read as stable, above 0.25 as a major shift.
   */
  public double psi(double[] values) {
    double[] actual = sharesOf(values);
    double psi = 0;
    for (int i = 0; i < shares.length; i++) {
      double e = Math.max(shares[i], EPSILON);
      double a = Math.max(actual[i], EPSILON);
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  private static double[] countShares(double[] edges, double[] values) {
    double[] counts = new double[edges.length + 1];
    for (double v : values) {
      int at = Arrays.binarySearch(edges, v);
      counts[at >= 0 ? at : -at - 1]++;
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] = values.length == 0 ? 0 : counts[i] / values.length;
    }
    return counts;
  }
}
