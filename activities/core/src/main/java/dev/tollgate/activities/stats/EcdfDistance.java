package dev.tollgate.activities.stats;

/**
 * The largest gaps between the two empirical CDFs, {@code max(F_ref − F_cur)} and {@code max(F_cur
 * − F_ref)}, evaluated as SciPy does: at every observed value, each CDF counting the values {@code
 * ≤} it (so ties move both CDFs at once), each CDF computed as {@code count / n} in double, so the
 * result is bit-for-bit numpy's.
 *
 * <p>On {@link PairedBuckets}: the gap at each bucket's end is exact from the counts. Inside a
 * bucket with {@code a} reference and {@code c} current values, starting at gap {@code s} and
 * ending at {@code e}, the gap stays within {@code [max(s − c/n₂, e − a/n₁), min(s + a/n₁, e +
 * c/n₂)]}; only buckets whose bounds reach the best end-of-bucket gap are gathered and walked value
 * by value.
 */
final class EcdfDistance {
  /** Rounding slack on the bounds: marking one bucket too many costs time, one too few is wrong. */
  private static final double SLACK = 1e-12;

  private EcdfDistance() {}

  /** Marks the buckets in which the supremum in either direction might lie. */
  static void markCandidates(PairedBuckets p) {
    double n1 = p.reference.length;
    double n2 = p.current.length;
    long c1 = 0;
    long c2 = 0;
    double up = 0;
    double down = 0;
    for (int j = 0; j < p.buckets; j++) {
      c1 += p.referenceCounts[j];
      c2 += p.currentCounts[j];
      double gap = c1 / n1 - c2 / n2;
      up = Math.max(up, gap);
      down = Math.min(down, gap);
    }
    double threshold = Math.max(up, -down) - SLACK;
    c1 = 0;
    c2 = 0;
    double start = 0;
    for (int j = 0; j < p.buckets; j++) {
      int a = p.referenceCounts[j];
      int c = p.currentCounts[j];
      c1 += a;
      c2 += c;
      double end = c1 / n1 - c2 / n2;
      if (a > 0
          && c > 0) { // a one-sided bucket moves the gap monotonically: its end is its extreme
        double highest = Math.min(start + a / n1, end + c / n2);
        double lowest = Math.max(start - c / n2, end - a / n1);
        if (highest >= threshold || -lowest >= threshold) {
          p.mark(j);
        }
      }
      start = end;
    }
  }

  /**
   * {@code {max(F_ref − F_cur), max(F_cur − F_ref)}}, both ≥ 0, after {@link #markCandidates} and
   * {@link PairedBuckets#gather()}.
   */
  static double[] extremes(PairedBuckets p) {
    double n1 = p.reference.length;
    double n2 = p.current.length;
    double[] ref = p.referenceGathered();
    double[] cur = p.currentGathered();
    long c1 = 0;
    long c2 = 0;
    double up = 0;
    double down = 0;
    for (int j = 0; j < p.buckets; j++) {
      int a = p.referenceCounts[j];
      int c = p.currentCounts[j];
      if (a + c == 0) {
        continue;
      }
      if (!p.isMarked(j) || a == 0 || c == 0) {
        c1 += a;
        c2 += c;
        double gap = c1 / n1 - c2 / n2;
        up = Math.max(up, gap);
        down = Math.min(down, gap);
        continue;
      }
      int i = p.referenceStart(j);
      int iEnd = i + a;
      int k = p.currentStart(j);
      int kEnd = k + c;
      while (i < iEnd || k < kEnd) {
        double v = (k >= kEnd || (i < iEnd && ref[i] <= cur[k])) ? ref[i] : cur[k];
        while (i < iEnd && ref[i] == v) {
          i++;
          c1++;
        }
        while (k < kEnd && cur[k] == v) {
          k++;
          c2++;
        }
        double gap = c1 / n1 - c2 / n2;
        up = Math.max(up, gap);
        down = Math.min(down, gap);
      }
    }
    return new double[] {up, -down};
  }
}
