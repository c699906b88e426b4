package dev.tollgate.activities.stats;

import java.util.Arrays;

/**
 * PSI's reference quantile edges and both samples' bin counts from {@link PairedBuckets}: the
 * bucket holding each quantile's rank is found from the counts and gathered; the edge is then
 * picked from that sorted bucket, and the counts up to it are the counts of the buckets below plus
 * a binary search inside it. Gives exactly {@link Psi#edges} and {@link Psi#shares} without
 * sorting.
 */
final class QuantileCuts {
  private final int bins;
  private final int[] bucket;
  private final int[] offset;

  private QuantileCuts(int bins, int[] bucket, int[] offset) {
    this.bins = bins;
    this.bucket = bucket;
    this.offset = offset;
  }

  /** 0-based rank of the inverted-CDF quantile at {@code i/bins}: {@code ⌈i·n/bins⌉ − 1}. */
  static int rank(int i, int n, int bins) {
    return (int) (((long) i * n + bins - 1) / bins - 1);
  }

  /** Finds and marks the bucket of each quantile rank of the reference. */
  static QuantileCuts mark(PairedBuckets p, int bins) {
    Psi.checkBins(bins);
    int n = p.reference.length;
    int[] bucket = new int[bins - 1];
    int[] offset = new int[bins - 1];
    int j = 0;
    long below = 0; // reference values in buckets before j
    for (int i = 1; i < bins; i++) {
      int r = rank(i, n, bins);
      while (below + p.referenceCounts[j] <= r) {
        below += p.referenceCounts[j++];
      }
      bucket[i - 1] = j;
      offset[i - 1] = (int) (r - below);
      p.mark(j);
    }
    return new QuantileCuts(bins, bucket, offset);
  }

  /** Edges, shares and PSI, after {@link PairedBuckets#gather()}. */
  PsiResult psi(PairedBuckets p) {
    double[] ref = p.referenceGathered();
    double[] cur = p.currentGathered();
    double[] edges = new double[bins - 1];
    long[] refAtMost = new long[bins - 1];
    long[] curAtMost = new long[bins - 1];
    int kept = 0;
    int j = 0;
    long refBelow = 0;
    long curBelow = 0;
    for (int i = 0; i < bins - 1; i++) {
      int b = bucket[i];
      double edge = ref[p.referenceStart(b) + offset[i]];
      if (!(edge < p.referenceMax) || (kept > 0 && edge <= edges[kept - 1])) {
        continue;
      }
      while (j < b) {
        refBelow += p.referenceCounts[j];
        curBelow += p.currentCounts[j++];
      }
      edges[kept] = edge;
      refAtMost[kept] = refBelow + atMost(ref, p.referenceStart(b), p.referenceCounts[b], edge);
      curAtMost[kept] = curBelow + atMost(cur, p.currentStart(b), p.currentCounts[b], edge);
      kept++;
    }
    double[] refShares = shares(refAtMost, kept, p.reference.length);
    double[] curShares = shares(curAtMost, kept, p.current.length);
    return new PsiResult(
        Psi.index(refShares, curShares), Arrays.copyOf(edges, kept), refShares, curShares);
  }

  /** How many of the sorted {@code values[from, from+count)} are ≤ {@code edge}. */
  private static int atMost(double[] values, int from, int count, double edge) {
    int lo = from;
    int hi = from + count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= edge) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - from;
  }

  private static double[] shares(long[] atMost, int edges, int n) {
    double[] shares = new double[edges + 1];
    long previous = 0;
    for (int i = 0; i < edges; i++) {
      shares[i] = (double) (atMost[i] - previous) / n;
      previous = atMost[i];
    }
    shares[edges] = (double) (n - previous) / n;
    return shares;
  }
}
