package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.TrainingSpec;
import java.util.Arrays;
import java.util.Random;

/**
 * Which rows train the model and which are held out to score it. A pure function of the data and
 * the spec, so train and validate (and a retried attempt) see the same holdout without passing row
 * lists through the workflow. With {@code data.timestamp} the holdout is the latest rows, as a
 * model is used on data newer than what it learnt from; otherwise a seeded random sample.
 *
 * @param train row indices, ascending
 * @param holdout row indices, ascending
 */
public record HoldoutSplit(int[] train, int[] holdout) {

  /** The split the spec asks for: by time when the dataset has timestamps, else seeded random. */
  public static HoldoutSplit of(Dataset data, TrainingSpec training) {
    return data.timestamps() != null
        ? byTime(data.timestamps(), training.holdout())
        : of(data.rows(), training.seed(), training.holdout());
  }

  /**
   * Shuffles {@code 0..rows-1} with {@code new Random(seed)} (Fisher–Yates) and holds out the first
   * {@code round(rows × share)} of them, at least one row and never all of them.
   */
  public static HoldoutSplit of(int rows, long seed, double share) {
    int held = held(rows, share);
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    Random random = new Random(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] holdout = Arrays.copyOfRange(order, 0, held);
    int[] train = Arrays.copyOfRange(order, held, rows);
    Arrays.sort(holdout);
    Arrays.sort(train);
    return new HoldoutSplit(train, holdout);
  }

  /**
   * Holds out the {@code round(rows × share)} latest rows by time, no shuffling. Rows with the same
   * time keep file order, as in a stable sort: among equal times at the cut, the later lines of the
   * file are held out. The rows need not be sorted in the file.
   */
  public static HoldoutSplit byTime(long[] times, double share) {
    int rows = times.length;
    int held = held(rows, share);
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    long cut = sorted[rows - held]; // the earliest time held out
    int ties = held;
    for (long t : times) ties -= t > cut ? 1 : 0;
    boolean[] out = new boolean[rows];
    for (int row = rows - 1; row >= 0; row--) {
      out[row] = times[row] > cut || (times[row] == cut && ties-- > 0);
    }
    int[] holdout = new int[held];
    int[] train = new int[rows - held];
    for (int row = 0, h = 0, t = 0; row < rows; row++) {
      if (out[row]) holdout[h++] = row;
      else train[t++] = row;
    }
    return new HoldoutSplit(train, holdout);
  }

  private static int held(int rows, double share) {
    if (rows < 2) {
      throw Failures.invalidData(
          "the dataset has " + rows + " row(s): at least 2 are needed to hold some out");
    }
    return (int) Math.max(1, Math.min(rows - 1, Math.round(rows * share)));
  }
}
