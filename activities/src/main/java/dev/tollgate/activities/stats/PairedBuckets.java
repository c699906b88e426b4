package dev.tollgate.activities.stats;

import java.util.Arrays;

/**
 * A reference and a current sample spread over one shared grid of equal-width buckets between their
 * joint minimum and maximum. The bucket of a value never decreases as the value grows (subtraction
 * and multiplication round monotonically), so bucket counts are an exact coarse ECDF of both
 * samples: everything below bucket {@code j} is smaller than everything in it.
 *
 * <p>This is what makes drift over a million rows cheap: instead of sorting both samples (the
 * textbook KS), two linear passes count the buckets, the callers mark the few buckets where an
 * answer can lie (where the KS supremum might be, where a PSI quantile falls), and one more pass
 * gathers only those values, which are then sorted bucket by bucket. The answers stay exact; the
 * worst case (everything in one bucket, e.g. one huge outlier) degrades to sorting, not to error.
 */
final class PairedBuckets {
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
    Range r = Range.of(reference, "reference");
    Range c = Range.of(current, "current");
    this.referenceMax = r.max;
    this.low = Math.min(r.min, c.min);
    this.buckets = bucketCount(reference.length + current.length);
    double width = Math.max(r.max, c.max) - low;
    this.scale =
        width > 0 ? buckets / width : 0; // an infinite width puts all in bucket 0: slow, right
    this.referenceCounts = new int[buckets];
    this.currentCounts = new int[buckets];
    this.referenceMoments = count(reference, r, referenceCounts);
    this.currentMoments = count(current, c, currentCounts);
    this.marked = new boolean[buckets];
  }

  /** Counts both samples into buckets (two passes over each; no copy, no sort). */
  static PairedBuckets of(double[] reference, double[] current) {
    return new PairedBuckets(reference, current);
  }

  /** At least 16 values per bucket on average, at most 65,536 buckets: counts stay in L2 cache. */
  private static int bucketCount(long values) {
    long target = Math.max(16, Math.min(1 << 16, values / 16));
    return Integer.highestOneBit((int) target);
  }

  int bucketOf(double v) {
    // v − low ≥ 0 for every value (low is the minimum); the cast maps NaN (from −∞ − −∞) to 0 and
    // +∞ to Integer.MAX_VALUE, so one min() is all the clamping needed, and no branch.
    return Math.min((int) ((v - low) * scale), buckets - 1);
  }

  private Moments count(double[] values, Range range, int[] counts) {
    double mean = range.sum / values.length;
    double squares = 0;
    for (double v : values) {
      counts[bucketOf(v)]++;
      double d = v - mean;
      squares += d * d;
    }
    double variance = values.length > 1 ? squares / (values.length - 1) : Double.NaN;
    return new Moments(values.length, mean, variance);
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
    referenceGathered = gather(reference, referenceCounts, referenceStart);
    currentGathered = gather(current, currentCounts, currentStart);
  }

  private double[] gather(double[] values, int[] counts, int[] start) {
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
    for (double v : values) {
      int j = bucketOf(v);
      if (marked[j]) {
        out[fill[j]++] = v;
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

  /** Minimum, maximum and compensated sum of one sample, refusing NaN. */
  private record Range(double min, double max, double sum) {
    static Range of(double[] values, String name) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      Moments.Accumulator sum = new Moments.Accumulator();
      for (double v : values) {
        if (v != v) {
          throw new IllegalArgumentException(
              name + " values contain NaN; remove missing values before drift statistics");
        }
        min = v < min ? v : min;
        max = v > max ? v : max;
        sum.add(v);
      }
      return new Range(min, max, sum.total());
    }
  }
}
