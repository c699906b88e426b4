package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import java.util.Arrays;
import java.util.Random;

/**
 * Which rows train the model and which are held out to score it. A pure function of the row count,
 * the seed and the share, so train and validate (and a retried attempt) see the same holdout
 * without passing row lists through the workflow.
 *
 * @param train row indices, ascending
 * @param holdout row indices, ascending
 */
public record HoldoutSplit(int[] train, int[] holdout) {

  /**
   * Shuffles {@code 0..rows-1} with {@code new Random(seed)} (Fisher–Yates) and holds out the first
   * {@code round(rows × share)} of them, at least one row and never all of them.
   */
  public static HoldoutSplit of(int rows, long seed, double share) {
    if (rows < 2) {
      throw Failures.invalidData(
          "the dataset has " + rows + " row(s): at least 2 are needed to hold some out");
    }
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    Random random = new Random(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int held = (int) Math.max(1, Math.min(rows - 1, Math.round(rows * share)));
    int[] holdout = Arrays.copyOfRange(order, 0, held);
    int[] train = Arrays.copyOfRange(order, held, rows);
    Arrays.sort(holdout);
    Arrays.sort(train);
    return new HoldoutSplit(train, holdout);
  }
}
