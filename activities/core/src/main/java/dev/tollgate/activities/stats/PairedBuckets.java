package dev.tollgate.activities.stats;

import java.util.Arrays;

/**
 * A reference and a current sample spread over one shared grid of equal-width buckets. The bucket
 * of a value never decreases as the value grows (subtraction, multiplication and clamping are all
 * monotone in floating point), so bucket counts are an exact coarse ECDF of both samples: every
 * value in a lower bucket is smaller than every value in a higher one.
 *
 * <p>This is what makes drift over a million rows cheap: instead of sorting both samples (the
 * textbook KS), one linear pass per sample counts the buckets (and sums for the mean and variance),
 * the callers mark the few buckets where an answer can lie (where the KS supremum might be, where a
 * PSI quantile falls), and the values of only those buckets are gathered, by the bucket numbers the
 * counting pass wrote down, and sorted bucket by bucket. The answers stay exact; the worst case
 * (everything in one bucket) degrades to sorting, not to error.
 *
 * <p>The grid spans the range of a strided sample of about 2,000 values per side, not the true
 * minimum and maximum, which would cost another pass; values beyond it fall into the end buckets,
 * which is still monotone. When the sample has no spread or is not finite, the true range is used.
 */
final class PairedBuckets {
  private static final int SAMPLE = 2048;

  final double[] reference;
  final double[] current;
  final int buckets;
  final int[] referenceCounts;
  final int[] currentCounts;
  final double referenceMax;
  final Moments referenceMoments;
  final Moments currentMoments;

  private final double low;
  private final double scale;
  private final boolean[] marked;
  private final char[] referenceBucket;
  private final char[] currentBucket;
  private int[] referenceStart;
  private int[] currentStart;
  private double[] referenceGathered;
  private double[] currentGathered;

  private PairedBuckets(double[] reference, double[] current) {
    if (reference.length == 0 || current.length == 0) {
      throw new IllegalArgumentException(
          "both samples need values, got " + reference.length + " and " + current.length);
    }
    this.reference = reference;
    this.current = current;
    this.buckets = bucketCount(reference.length + current.length);
    double[] range = sampledRange(reference, current);
    if (!(range[1] > range[0]) || !Double.isFinite(range[1] - range[0])) {
      range = exactRange(reference, current);
    }
    this.low = range[0];
    double width = range[1] - range[0];
    // An infinite width (values at ±∞ or ±1e308) puts everything in one bucket: slow, right.
    this.scale = width > 0 && Double.isFinite(width) ? buckets / width : 0;
    this.referenceCounts = new int[buckets];
    this.currentCounts = new int[buckets];
    this.referenceBucket = new char[reference.length];
    this.currentBucket = new char[current.length];
    Pass r = count(reference, referenceCounts, referenceBucket, "reference");
    Pass c = count(current, currentCounts, currentBucket, "current");
    this.referenceMax = r.max;
    this.referenceMoments = r.moments;
    this.currentMoments = c.moments;
    this.marked = new boolean[buckets];
  }

  /** Counts both samples into buckets (one pass over each; no copy, no sort). */
  static PairedBuckets of(double[] reference, double[] current) {
    return new PairedBuckets(reference, current);
  }

  /**
   * At least 16 values per bucket on average, at most 65,536 buckets: the counts stay in L2 cache
   * and a bucket number fits in a {@code char}.
   */
  private static int bucketCount(long values) {
    long target = Math.max(16, Math.min(1 << 16, values / 16));
    return Integer.highestOneBit((int) target);
  }

  int bucketOf(double v) {
    // Below the grid the product is negative and the cast truncates it to ≤ 0; above, the cast
    // saturates (+∞ → Integer.MAX_VALUE); NaN (from ∞ − ∞ or ∞·0) casts to 0. Two clamps, no
    // branch.
    return Math.max(0, Math.min((int) ((v - low) * scale), buckets - 1));
  }

  /** Minimum and maximum over every {@code step}-th value of both samples. */
  private static double[] sampledRange(double[] a, double[] b) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] values : new double[][] {a, b}) {
      int step = Math.max(1, values.length / SAMPLE);
      for (int i = 0; i < values.length; i += step) {
        double v = values[i];
        min = v < min ? v : min;
        max = v > max ? v : max;
      }
    }
    return new double[] {min, max};
  }

  private static double[] exactRange(double[] a, double[] b) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] values : new double[][] {a, b}) {
      for (double v : values) {
        min = v < min ? v : min;
        max = v > max ? v : max;
      }
    }
    return new double[] {min, max};
  }

  /**
   * The counting pass: bucket counts, each value's bucket, the maximum, and the mean and variance
   * from sums of deviations from a provisional mean (the first value), which keeps a large common
   * offset (values around 1e9 that differ by 1) from cancelling away the spread.
   */
  private Pass count(double[] values, int[] counts, char[] bucketOfValue, String name) {
    double shift = values[0];
    double sum = 0;
    double squares = 0;
    double max = Double.NEGATIVE_INFINITY;
    boolean nan = false;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      nan |= v != v;
      int j = bucketOf(v);
      counts[j]++;
      bucketOfValue[i] = (char) j;
      max = v > max ? v : max;
      double d = v - shift;
      sum += d;
      squares += d * d;
    }
    if (nan) {
      throw new IllegalArgumentException(
          name + " values contain NaN; remove missing values before drift statistics");
    }
    int n = values.length;
    double mean = shift + sum / n;
    double variance = n > 1 ? Math.max(0, (squares - sum * sum / n) / (n - 1)) : Double.NaN;
    return new Pass(max, new Moments(n, mean, variance));
  }

  /** Asks for the values of bucket {@code j} to be gathered and sorted by {@link #gather()}. */
  void mark(int bucket) {
    marked[bucket] = true;
  }

  boolean isMarked(int bucket) {
    return marked[bucket];
  }

  /** Copies the values of the marked buckets out of both samples, sorted within each bucket. */
  void gather() {
    referenceStart = new int[buckets];
    currentStart = new int[buckets];
    referenceGathered = gather(reference, referenceBucket, referenceCounts, referenceStart);
    currentGathered = gather(current, currentBucket, currentCounts, currentStart);
  }

  private double[] gather(double[] values, char[] bucketOfValue, int[] counts, int[] start) {
    int total = 0;
    for (int j = 0; j < buckets; j++) {
      if (marked[j]) {
        start[j] = total;
        total += counts[j];
      }
    }
    double[] out = new double[total];
    if (total == 0) {
      return out;
    }
    int[] fill = start.clone();
    for (int i = 0; i < values.length; i++) {
      int j = bucketOfValue[i];
      if (marked[j]) {
        out[fill[j]++] = values[i];
      }
    }
    for (int j = 0; j < buckets; j++) {
      if (marked[j] && counts[j] > 1) {
        Arrays.sort(out, start[j], start[j] + counts[j]);
      }
    }
    return out;
  }

  double[] referenceGathered() {
    return referenceGathered;
  }

  double[] currentGathered() {
    return currentGathered;
  }

  /** Where bucket {@code j}'s sorted reference values start in {@link #referenceGathered()}. */
  int referenceStart(int bucket) {
    return referenceStart[bucket];
  }

  int currentStart(int bucket) {
    return currentStart[bucket];
  }

  private record Pass(double max, Moments moments) {}
}
