package dev.tollgate.activities.data;

import dev.tollgate.activities.stats.Psi;

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
   * fewer bins (a column of 0/1 gets two), never empty ones from duplicate edges. The binning and
   * PSI are {@link Psi}'s, the one implementation the drift check uses too.
   */
  public static QuantileBins of(double[] reference, int bins) {
    double[] edges = Psi.edges(reference, bins);
    return new QuantileBins(edges, Psi.shares(edges, reference));
  }

  /** The share of {@code values} in each of this reference's bins. */
  public double[] sharesOf(double[] values) {
    return Psi.shares(edges, values);
  }

  /** Population stability index of {@code values} against this reference ({@link Psi#index}). */
  public double psi(double[] values) {
    return Psi.index(shares, sharesOf(values));
  }
}
