package dev.tollgate.activities.stats;

import java.util.Arrays;

/**
 * Population stability index (PSI) of a current sample against a reference.
 *
 * <p>The exact definition, which {@code make_stats_fixtures.py} implements independently in numpy:
 *
 * <ol>
 *   <li>Edges: for {@code i = 1 … bins−1}, the reference's inverted-CDF quantile at {@code i/bins},
 *       i.e. the order statistic {@code sorted[⌈i·n/bins⌉ − 1]} (numpy's {@code
 *       method='inverted_cdf'}, computed in integers). Edges equal to the reference maximum, and
 *       repeated edges, are dropped, so heavy ties give fewer bins rather than empty ones.
 *   <li>Bins are right-closed, {@code (edges[i−1], edges[i]]}, the outer ones open-ended; a value's
 *       bin is the number of edges below it ({@code searchsorted(edges, v, side='left')}).
 *   <li>Shares {@code e_i}, {@code a_i} = count in bin / sample size, each floored at {@link
 *       #EPSILON} = 1e-4 so that an empty bin contributes a large but finite term.
 *   <li>{@code PSI = Σ_i (a_i − e_i) · ln(a_i / e_i)}.
 * </ol>
 *
 * This is the same convention as {@code data.QuantileBins}, which stores a reference's edges and
 * shares in model metadata. Categorical PSI applies steps 3–4 to per-category shares.
 */
public final class Psi {
  public static final int DEFAULT_BINS = 10;

  /** Floor for empty bins: the usual 1e-4 convention (one in ten thousand). */
  public static final double EPSILON = 1e-4;

  private Psi() {}

  /** PSI over {@link #DEFAULT_BINS} reference quantile bins. */
  public static PsiResult numeric(double[] reference, double[] current) {
    return numeric(reference, current, DEFAULT_BINS);
  }

  /** PSI over {@code bins} reference quantile bins, without sorting either sample. */
  public static PsiResult numeric(double[] reference, double[] current, int bins) {
    PairedBuckets p = PairedBuckets.of(reference, current);
    QuantileCuts cuts = QuantileCuts.mark(p, bins);
    p.gather();
    return cuts.psi(p);
  }

  /** PSI of per-category counts; index {@code i} is the same category in both arrays. */
  public static double categorical(long[] referenceCounts, long[] currentCounts) {
    if (referenceCounts.length != currentCounts.length) {
      throw new IllegalArgumentException(
          "category counts must align, got "
              + referenceCounts.length
              + " and "
              + currentCounts.length);
    }
    return index(shares(referenceCounts, "reference"), shares(currentCounts, "current"));
  }

  /** {@code Σ (a − e) ln(a / e)} with both shares floored at {@link #EPSILON}. */
  public static double index(double[] expected, double[] actual) {
    if (expected.length != actual.length) {
      throw new IllegalArgumentException(
          "shares must align, got " + expected.length + " and " + actual.length);
    }
    double psi = 0;
    for (int i = 0; i < expected.length; i++) {
      double e = Math.max(expected[i], EPSILON);
      double a = Math.max(actual[i], EPSILON);
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  /** The reference's inner quantile edges (step 1), by sorting a copy: for stored references. */
  public static double[] edges(double[] reference, int bins) {
    checkBins(bins);
    if (reference.length == 0) {
      throw new IllegalArgumentException("no reference values to bin");
    }
    double[] sorted = reference.clone();
    Arrays.sort(sorted);
    double max = sorted[sorted.length - 1];
    double[] edges = new double[bins - 1];
    int kept = 0;
    for (int i = 1; i < bins; i++) {
      double edge = sorted[QuantileCuts.rank(i, sorted.length, bins)];
      if (edge < max && (kept == 0 || edge > edges[kept - 1])) {
        edges[kept++] = edge;
      }
    }
    return Arrays.copyOf(edges, kept);
  }

  /** The share of {@code values} in each bin of {@code edges} (steps 2–3 before the floor). */
  public static double[] shares(double[] edges, double[] values) {
    long[] counts = new long[edges.length + 1];
    for (double v : values) {
      counts[edgesBelow(edges, v)]++;
    }
    double[] shares = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      shares[i] = values.length == 0 ? 0 : (double) counts[i] / values.length;
    }
    return shares;
  }

  /**
   * The number of edges below {@code v}, by primitive comparison ({@code Arrays.binarySearch} would
   * tell −0.0 from 0.0, numpy does not).
   */
  private static int edgesBelow(double[] edges, double v) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static void checkBins(int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("PSI needs at least 2 bins, got " + bins);
    }
  }

  private static double[] shares(long[] counts, String name) {
    long total = 0;
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException(name + " counts must not be negative, got " + c);
      }
      total += c;
    }
    if (total == 0) {
      throw new IllegalArgumentException(name + " counts are all zero");
    }
    double[] shares = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      shares[i] = (double) counts[i] / total;
    }
    return shares;
  }
}
