package dev.tollgate.activities.models;

import dev.tollgate.activities.data.Dataset;
import java.io.IOException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * An XGBoost booster. Its objective is inside the model file, so predictions come out already
 * transformed: the value for regression, P(class 1) for {@code binary:logistic}, one probability
 * per class for {@code multi:softprob}. {@code classes} is 0 for regression.
 */
public record XgboostModel(Booster booster, int classes) implements Predictor {

  /** XGBoost's Universal Binary JSON, the format its bindings all read. */
  static final String FORMAT = "ubj";

  public static XgboostModel read(byte[] bytes, int classes) {
    try {
      return new XgboostModel(XGBoost.loadModel(bytes), classes);
    } catch (XGBoostError | IOException e) {
      throw new IllegalArgumentException("it cannot be read as an XGBoost model: " + e, e);
    }
  }

  /**
   * This booster predicting on one thread per call: for serving, where the parallelism is the
   * concurrent requests, and an OpenMP team per one-row request only adds contention (2 cores, 20
   * requests at once: docs/benchmarks.md). Call it on a booster of one's own, before sharing it.
   */
  public XgboostModel singleThreaded() {
    try {
      booster.setParam("nthread", 1);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost refused nthread=1: " + e, e);
    }
    return this;
  }

  @Override
  public Predictions predict(Dataset data, int[] rows) {
    float[][] out;
    DMatrix matrix = null;
    try {
      matrix =
          new DMatrix(
              Matrices.rowMajor(data, rows), rows.length, data.features().size(), Float.NaN);
      out = booster.predict(matrix);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost cannot score " + data.source() + ": " + e, e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
    }
    double[] values = new double[rows.length];
    if (classes == 0) {
      for (int i = 0; i < rows.length; i++) {
        values[i] = out[i][0];
      }
      return new Predictions(values, null);
    }
    double[][] probabilities = new double[rows.length][classes];
    for (int i = 0; i < rows.length; i++) {
      if (classes == 2) {
        probabilities[i][1] = out[i][0];
        probabilities[i][0] = 1 - probabilities[i][1];
      } else {
        for (int c = 0; c < classes; c++) {
          probabilities[i][c] = out[i][c];
        }
      }
      values[i] = argmax(probabilities[i]);
    }
    return new Predictions(values, probabilities);
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }

  @Override
  public ModelFormat format() {
    return ModelFormat.XGBOOST_UBJ;
  }

  @Override
  public byte[] bytes() {
    try {
      return booster.toByteArray(FORMAT);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost cannot save its model: " + e, e);
    }
  }
}
