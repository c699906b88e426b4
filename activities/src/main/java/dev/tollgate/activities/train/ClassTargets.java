package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The class labels of a classification dataset. A loader that reads text labels sets {@link
 * Dataset#classes()} itself; a numeric target column without them (0/1, 1/2/3) gets its distinct
 * values as classes, in ascending order, so train and validate index them identically.
 */
public final class ClassTargets {
  private ClassTargets() {}

  /** {@code data} with class names and {@code y} holding class indices. */
  public static Dataset indexed(Dataset data) {
    if (data.classes() != null) {
      return data;
    }
    TreeSet<Double> distinct = new TreeSet<>();
    for (double v : data.y()) {
      distinct.add(v);
    }
    List<Double> values = new ArrayList<>(distinct);
    double[] index = new double[data.rows()];
    for (int i = 0; i < index.length; i++) {
      index[i] = values.indexOf(data.y()[i]);
    }
    List<String> names = values.stream().map(ClassTargets::name).toList();
    return new Dataset(
        data.source(), data.sha256(), data.target(), data.features(), index, data.columns(), names);
  }

  /**
   * Refuses a target with fewer than two classes among the training rows: no classifier can be
   * fitted to it, and retrying cannot change the data.
   */
  static void requireTwoClasses(Dataset data, int[] trainRows) {
    TreeSet<Integer> seen = new TreeSet<>();
    for (int row : trainRows) {
      seen.add((int) data.y()[row]);
      if (seen.size() > 1) {
        return;
      }
    }
    String only = seen.isEmpty() ? "none" : "'" + data.classes().get(seen.first()) + "'";
    throw Failures.invalidData(
        data.source()
            + " column "
            + data.target()
            + ": classification needs at least two classes in the training rows, found only "
            + only);
  }

  private static String name(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
