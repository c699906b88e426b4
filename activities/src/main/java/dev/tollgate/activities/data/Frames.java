package dev.tollgate.activities.data;

import smile.data.DataFrame;
import smile.data.vector.DoubleVector;
import smile.data.vector.ValueVector;
import smile.regression.DataFrameRegression;

/** Builds Smile data frames from a {@link Dataset}, and scores rows with a model. */
public final class Frames {
  private Frames() {}

  /** The features and the target of the given rows, named as in the CSV header. */
  public static DataFrame of(Dataset data, int[] rows) {
    ValueVector[] columns = new ValueVector[data.features().size() + 1];
    for (int j = 0; j < data.features().size(); j++) {
      columns[j] = new DoubleVector(data.features().get(j), data.feature(j, rows));
    }
    columns[columns.length - 1] = new DoubleVector(data.target(), data.target(rows));
    return new DataFrame(columns);
  }

  /** The model's predictions for the given rows, in the same order. */
  public static double[] predict(DataFrameRegression model, Dataset data, int[] rows) {
    return model.predict(of(data, rows));
  }
}
