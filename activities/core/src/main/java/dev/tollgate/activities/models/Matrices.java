package dev.tollgate.activities.models;

import dev.tollgate.activities.data.Dataset;

/** The feature values of some rows in the layouts the libraries take. */
public final class Matrices {
  private Matrices() {}

  /** {@code [row][feature]}, for Smile's matrix-based models. */
  public static double[][] rows(Dataset data, int[] rows) {
    int p = data.features().size();
    double[][] x = new double[rows.length][p];
    for (int j = 0; j < p; j++) {
      double[] column = data.columns()[j];
      for (int i = 0; i < rows.length; i++) {
        x[i][j] = column[rows[i]];
      }
    }
    return x;
  }

  /** Row-major floats, for XGBoost's dense DMatrix (NaN marks a missing value). */
  public static float[] rowMajor(Dataset data, int[] rows) {
    int p = data.features().size();
    float[] x = new float[rows.length * p];
    for (int j = 0; j < p; j++) {
      double[] column = data.columns()[j];
      for (int i = 0; i < rows.length; i++) {
        x[i * p + j] = (float) column[rows[i]];
      }
    }
    return x;
  }

  /** The target of the given rows as class indices (classification and anomaly labels). */
  public static int[] labels(Dataset data, int[] rows) {
    int[] y = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = (int) data.y()[rows[i]];
    }
    return y;
  }
}
