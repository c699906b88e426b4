package dev.tollgate.activities.data;

import java.util.List;

/**
 * The columns a pipeline uses, as doubles, column by column (the shape Smile's data frames and the
 * drift statistics want).
 *
 * @param source the file name, for messages
 * @param sha256 digest of the whole file, to tie models and reports to the exact data
 * @param y the target column
 * @param columns the feature columns, in {@code features} order; {@code columns[j][row]}
 * @param classes for classification, the class names in index order ({@code y} then holds the class
 *     index 0..k-1 as a double); {@code null} for regression and anomaly
 */
public record Dataset(
    String source,
    String sha256,
    String target,
    List<String> features,
    double[] y,
    double[][] columns,
    List<String> classes) {

  public Dataset {
    features = List.copyOf(features);
    classes = classes == null ? null : List.copyOf(classes);
    if (columns.length != features.size()) {
      throw new IllegalArgumentException(
          features.size() + " features but " + columns.length + " columns");
    }
  }

  /** A dataset without class names (regression, anomaly). */
  public Dataset(
      String source,
      String sha256,
      String target,
      List<String> features,
      double[] y,
      double[][] columns) {
    this(source, sha256, target, features, y, columns, null);
  }

  public int rows() {
    return y.length;
  }

  /** The target values of the given rows. */
  public double[] target(int[] rows) {
    return pick(y, rows);
  }

  /** Feature {@code j}'s values in the given rows. */
  public double[] feature(int j, int[] rows) {
    return pick(columns[j], rows);
  }

  /** The first {@code n} rows (fewer when the dataset is smaller). */
  public int[] firstRows(int n) {
    return java.util.stream.IntStream.range(0, Math.min(n, rows())).toArray();
  }

  /** Every row, in file order. */
  public int[] allRows() {
    return firstRows(rows());
  }

  private static double[] pick(double[] values, int[] rows) {
    double[] picked = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      picked[i] = values[rows[i]];
    }
    return picked;
  }
}
