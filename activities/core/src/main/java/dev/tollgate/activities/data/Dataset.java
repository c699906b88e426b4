package dev.tollgate.activities.data;

import java.util.List;

/**
 * The columns a pipeline uses, as doubles, column by column (the shape Smile's data frames and the
 * drift statistics want), after the missing-value policy and the encoding of categories.
 *
 * @param source the file name, for messages
 * @param sha256 digest of the whole stored file, to tie models and reports to the exact data
 * @param features the model inputs, {@code schema.inputs()}: a numeric feature by its name, a
 *     categorical one as one 0/1 input per category ({@code region=north})
 * @param y the target column; for classification each row's class index {@code 0..k-1}
 * @param columns the inputs, in {@code features} order; {@code columns[j][row]}
 * @param classes the class labels, sorted (index {@code i} is class {@code i}); {@code null} for
 *     regression and anomaly
 * @param timestamps epoch milliseconds of each row from {@code data.timestamp}, or {@code null};
 *     when present the holdout is the latest rows
 * @param schema how features were encoded, to record with the model and encode new data alike
 * @param report rows dropped, values imputed, unseen categories
 */
public record Dataset(
    String source,
    String sha256,
    String target,
    List<String> features,
    double[] y,
    double[][] columns,
    List<String> classes,
    long[] timestamps,
    DataSchema schema,
    LoadReport report) {

  public Dataset {
    features = List.copyOf(features);
    classes = classes == null ? null : List.copyOf(classes);
    if (columns.length != features.size()) {
      throw new IllegalArgumentException(
          features.size() + " features but " + columns.length + " columns");
    }
    if (!schema.inputs().equals(features)) {
      throw new IllegalArgumentException(
          "the schema's inputs " + schema.inputs() + " are not the features " + features);
    }
    if (timestamps != null && timestamps.length != y.length) {
      throw new IllegalArgumentException(
          timestamps.length + " timestamps for " + y.length + " rows");
    }
  }

  /** Numeric features, a numeric target or classes, random holdout: a dataset built by hand. */
  public Dataset(
      String source,
      String sha256,
      String target,
      List<String> features,
      double[] y,
      double[][] columns,
      List<String> classes) {
    this(
        source,
        sha256,
        target,
        features,
        y,
        columns,
        classes,
        null,
        DataSchema.numeric(features),
        LoadReport.clean(y.length));
  }

  /** As before issue 4: numeric features and target. */
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

  /** Whether {@code y} holds class indices into {@link #classes()}. */
  public boolean isClassification() {
    return classes != null;
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
