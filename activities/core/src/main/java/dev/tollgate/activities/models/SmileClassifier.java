package dev.tollgate.activities.models;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.Frames;
import smile.classification.Classifier;
import smile.classification.DataFrameClassifier;
import smile.data.DataFrame;

/**
 * A Smile classifier: a data-frame one (random forest) or a matrix one (logistic regression). Smile
 * knows only the classes it saw in training, so its posteriors are spread back over all {@code
 * classes} of the dataset (an unseen class gets probability 0).
 */
public record SmileClassifier(Object model, int classes) implements Predictor {

  public SmileClassifier {
    if (!(model instanceof DataFrameClassifier) && !(model instanceof Classifier<?>)) {
      throw new IllegalArgumentException("not a Smile classifier: " + model.getClass().getName());
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Predictions predict(Dataset data, int[] rows) {
    double[] values = new double[rows.length];
    double[][] probabilities = new double[rows.length][classes];
    if (model instanceof DataFrameClassifier frameModel) {
      DataFrame frame = Frames.of(data, rows);
      int[] seen = frameModel.classes();
      double[] posteriori = new double[seen.length];
      for (int i = 0; i < rows.length; i++) {
        frameModel.predict(frame.get(i), posteriori);
        values[i] = spread(seen, posteriori, probabilities[i]);
      }
    } else {
      var matrixModel = (Classifier<double[]>) model;
      double[][] x = Matrices.rows(data, rows);
      int[] seen = matrixModel.classes();
      double[] posteriori = new double[seen.length];
      for (int i = 0; i < rows.length; i++) {
        matrixModel.predict(x[i], posteriori);
        values[i] = spread(seen, posteriori, probabilities[i]);
      }
    }
    return new Predictions(values, probabilities);
  }

  /** Copies Smile's posteriors into the full class row; answers the most probable class. */
  private static int spread(int[] seen, double[] posteriori, double[] row) {
    int best = 0;
    for (int c = 0; c < seen.length; c++) {
      row[seen[c]] = posteriori[c];
      if (posteriori[c] > posteriori[best]) {
        best = c;
      }
    }
    return seen[best];
  }

  @Override
  public ModelFormat format() {
    return ModelFormat.JAVA_SERIALIZED;
  }

  @Override
  public byte[] bytes() {
    return JavaSerial.write(model);
  }
}
