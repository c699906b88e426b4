package dev.tollgate.activities.stats;

/**
 * A population stability index with the bins behind it, for reports and histograms.
 *
 * @param psi {@code Σ (a − e) ln(a / e)} over bins, see {@link Psi#index}
 * @param edges ascending, distinct inner cut points from the reference; bin {@code i} is {@code
 *     (edges[i−1], edges[i]]}, the first and last bins open-ended
 * @param referenceShares share of reference values per bin ({@code edges.length + 1} entries)
 * @param currentShares share of current values per bin
 */
public record PsiResult(
    double psi, double[] edges, double[] referenceShares, double[] currentShares) {

  public PsiResult {
    edges = edges.clone();
    referenceShares = referenceShares.clone();
    currentShares = currentShares.clone();
  }

  @Override
  public double[] edges() {
    return edges.clone();
  }

  @Override
  public double[] referenceShares() {
    return referenceShares.clone();
  }

  @Override
  public double[] currentShares() {
    return currentShares.clone();
  }
}
