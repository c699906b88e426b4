package dev.tollgate.adapters.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.UnusablePredictions;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/** ONNX Runtime's output tensors as Tollgate's {@link Predictions}. */
final class OnnxAnswers {
  /**
   * Anomaly scores are read on Tollgate's own scale, [0, 1] with 1 the most anomalous, and a row is
   * flagged at 0.5, the isolation forest's natural boundary: the scale of Tollgate's own isolation
   * forest, so drift, range and every anomaly gate read an outside model the same way. A model on
   * another scale (scikit-learn's decision_function) is refused with the recipe that rescales it,
   * rather than mapped by a guess: no monotone map from an unknown scale keeps the 0.5 boundary.
   */
  static final double ANOMALY_FLAG = 0.5;

  private OnnxAnswers() {}

  static Predictions values(OnnxValue output, int rows, boolean anomaly) throws OrtException {
    double[] values = numbers(output, rows, 1)[0];
    if (!anomaly) return new Predictions(values, null);
    double[] flags = new double[rows];
    double[][] probabilities = new double[rows][];
    for (int i = 0; i < rows; i++) {
      double score = values[i];
      if (score < 0 || score > 1) {
        throw new UnusablePredictions(
            "the model's anomaly scores must lie in [0, 1] (1 = most anomalous); row "
                + i
                + " of the rows scored is outside. scikit-learn's IsolationForest exports"
                + " decision_function (negative = anomaly): export -(decision_function + offset_)"
                + " instead, as docs/training-contract.md (\"Anomaly models\") shows");
      }
      flags[i] = score >= ANOMALY_FLAG ? 1 : 0;
      probabilities[i] = new double[] {1 - score, score};
    }
    return new Predictions(flags, probabilities);
  }

  static Predictions classes(
      OnnxValue probabilityOutput, OnnxValue labelOutput, int rows, OnnxClasses classes)
      throws OrtException {
    int k = classes.columnOf().length;
    double[][] columns = numbers(probabilityOutput, rows, k);
    double[][] probabilities = new double[rows][k];
    double[] values = new double[rows];
    String[] labels = labelOutput == null ? null : labels(labelOutput, rows);
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < k; c++) probabilities[i][c] = columns[classes.columnOf()[c]][i];
      if (labels != null) {
        Integer index = classes.indexOfLabel().get(labels[i]);
        if (index == null) {
          throw new UnusablePredictions(
              "the model predicted a label that is not a class of the data's target (row "
                  + i
                  + ")");
        }
        values[i] = index;
      } else {
        values[i] = argmax(probabilities[i]);
      }
    }
    return new Predictions(values, probabilities);
  }

  /**
   * A NaN prediction means the model cannot answer for that row (a division by zero in the graph,
   * an input it was not trained for); refused rather than scored, which would poison every metric.
   */
  static void refuseNaN(Predictions predictions, String source) {
    int count = 0;
    int first = -1;
    for (int i = 0; i < predictions.size(); i++) {
      boolean nan = Double.isNaN(predictions.values()[i]);
      if (predictions.probabilities() != null) {
        for (double p : predictions.probabilities()[i]) nan |= Double.isNaN(p);
      }
      if (nan) {
        count++;
        if (first < 0) first = i;
      }
    }
    if (count > 0) {
      throw new UnusablePredictions(
          "the ONNX model predicted NaN for "
              + count
              + " of "
              + predictions.size()
              + " rows of "
              + source
              + " (the first is row "
              + first
              + " of those scored)");
    }
  }

  /** A float or double [rows] / [rows, width] tensor, column by column. */
  private static double[][] numbers(OnnxValue output, int rows, int width) throws OrtException {
    OnnxTensor tensor = (OnnxTensor) output;
    long size = tensor.getInfo().getNumElements();
    if (size != (long) rows * width) {
      throw new IllegalStateException(
          "the model answered " + size + " numbers for " + rows + " rows of width " + width);
    }
    double[][] out = new double[width][rows];
    if (tensor.getInfo().type == OnnxJavaType.DOUBLE) {
      DoubleBuffer buffer = tensor.getDoubleBuffer();
      for (int i = 0; i < rows; i++) for (int c = 0; c < width; c++) out[c][i] = buffer.get();
    } else {
      FloatBuffer buffer = tensor.getFloatBuffer();
      for (int i = 0; i < rows; i++) for (int c = 0; c < width; c++) out[c][i] = buffer.get();
    }
    return out;
  }

  private static String[] labels(OnnxValue output, int rows) throws OrtException {
    OnnxTensor tensor = (OnnxTensor) output;
    String[] out = new String[rows];
    if (tensor.getInfo().type == OnnxJavaType.INT64) {
      LongBuffer buffer = tensor.getLongBuffer();
      for (int i = 0; i < rows; i++) out[i] = Long.toString(buffer.get());
      return out;
    }
    Object value = tensor.getValue(); // String[] for [N], String[][] for [N, 1]
    for (int i = 0; i < rows; i++) {
      out[i] = value instanceof String[][] nested ? nested[i][0] : ((String[]) value)[i];
    }
    return out;
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
    return best;
  }
}
