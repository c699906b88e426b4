package dev.tollgate.activities.data;

import smile.data.DataFrame;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.data.vector.ValueVector;

/**
 * Builds Smile data frames from a {@link Dataset}. With class names the target becomes an integer
 * column of class indices, which Smile's classifiers take as labels.
 */
public final class Frames {
  private Frames() {}

  /** The features and the target of the given rows, named as in the CSV header. */
  public static DataFrame of(Dataset data, int[] rows) {
    ValueVector[] columns = new ValueVector[data.features().size() + 1];
    for (int j = 0; j < data.features().size(); j++) {
      columns[j] = new DoubleVector(data.features().get(j), data.feature(j, rows));
    }
    double[] y = data.target(rows);
    columns[columns.length - 1] =
        data.classes() == null
            ? new DoubleVector(data.target(), y)
            : new IntVector(
                data.target(), java.util.Arrays.stream(y).mapToInt(v -> (int) v).toArray());
    return new DataFrame(columns);
  }
}
