package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which rows train the model and which are held out to score it. A pure function of the data and
 * the spec, so train and validate (and a retried attempt) see the same holdout without passing row
 * lists through the workflow. With {@code data.timestamp} the holdout is the latest rows, as a
 * model is used on data newer than what it learnt from; otherwise a seeded random sample,
 * stratified by class for classification.
 *
 * @param train row indices, ascending
 * @param holdout row indices, ascending
 */
public record HoldoutSplit(int[] train, int[] holdout) {

  /**
   * The split the spec asks for: by time when the dataset has timestamps, else seeded random,
   * stratified by class for classification unless {@code training.stratify: false}.
   */
  public static HoldoutSplit of(Dataset data, TrainingSpec training) {
    return of(data.rows(), data.timestamps(), data.isClassification() ? data.y() : null, training);
  }

  /**
   * As above, from the loader's parts: {@code classes} the class index of each row ({@code null}
   * unless classification), {@code times} the rows' times ({@code null} without a timestamp).
   */
  public static HoldoutSplit of(int rows, long[] times, double[] classes, TrainingSpec training) {
    return switch (kind(times != null, classes != null, training)) {
      case TIME -> byTime(times, training.holdout());
      case STRATIFIED -> stratified(classes, training.seed(), training.holdout());
      case RANDOM -> of(rows, training.seed(), training.holdout());
    };
  }

  /** How a holdout is drawn; the name is what validation.json says ({@code split}). */
  public enum Kind {
    TIME,
    STRATIFIED,
    RANDOM
  }

  /** The one rule for which split a dataset gets: time wins, then classes unless turned off. */
  public static Kind kind(boolean timestamps, boolean classification, TrainingSpec training) {
    if (timestamps) return Kind.TIME;
    return training.stratified(classification) ? Kind.STRATIFIED : Kind.RANDOM;
  }

  /**
   * Holds out each class's share of {@code round(rows × share)} rows (largest remainders get the
   * rows left over), each class's rows shuffled with one {@code new Random(seed)}, classes taken in
   * the order they first appear. A class keeps at least one row for training; a class of one row
   * trains only.
   */
  public static HoldoutSplit stratified(double[] classes, long seed, double share) {
    int rows = classes.length;
    int held = held(rows, share);
    Map<Double, List<Integer>> byClass = new LinkedHashMap<>();
    for (int row = 0; row < rows; row++) {
      byClass.computeIfAbsent(classes[row], c -> new ArrayList<>()).add(row);
    }
    List<List<Integer>> groups = new ArrayList<>(byClass.values());
    int[] quota = quotas(groups, held, rows);
    Random random = new Random(seed);
    boolean[] out = new boolean[rows];
    for (int g = 0; g < groups.size(); g++) {
      List<Integer> members = new ArrayList<>(groups.get(g));
      Collections.shuffle(members, random);
      for (int i = 0; i < quota[g]; i++) out[members.get(i)] = true;
    }
    return fromMask(out);
  }

  /** Largest-remainder shares of {@code held}, each below its class's size when it has 2 rows+. */
  private static int[] quotas(List<List<Integer>> groups, int held, int rows) {
    int[] quota = new int[groups.size()];
    double[] remainder = new double[groups.size()];
    int given = 0;
    for (int g = 0; g < groups.size(); g++) {
      double exact = (double) groups.get(g).size() * held / rows;
      quota[g] = (int) Math.floor(exact);
      remainder[g] = exact - quota[g];
      given += quota[g];
    }
    Integer[] order = new Integer[groups.size()];
    Arrays.setAll(order, g -> g);
    Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
    for (int i = 0; given < held && i < order.length; i++, given++) quota[order[i]]++;
    for (int g = 0; g < groups.size(); g++) {
      quota[g] = Math.min(quota[g], Math.max(0, groups.get(g).size() - 1));
    }
    return quota;
  }

  private static HoldoutSplit fromMask(boolean[] out) {
    int held = 0;
    for (boolean o : out) held += o ? 1 : 0;
    int[] holdout = new int[held];
    int[] train = new int[out.length - held];
    for (int row = 0, h = 0, t = 0; row < out.length; row++) {
      if (out[row]) holdout[h++] = row;
      else train[t++] = row;
    }
    return new HoldoutSplit(train, holdout);
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
    return fromMask(out);
  }

  private static int held(int rows, double share) {
    if (rows < 2) {
      throw Failures.invalidData(
          "the dataset has " + rows + " row(s): at least 2 are needed to hold some out");
    }
    return (int) Math.max(1, Math.min(rows - 1, Math.round(rows * share)));
  }
}
