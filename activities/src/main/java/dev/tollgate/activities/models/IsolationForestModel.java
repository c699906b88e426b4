package dev.tollgate.activities.models;

import dev.tollgate.activities.data.Dataset;
import java.io.Serializable;
import smile.anomaly.IsolationForest;

/**
 * Smile's isolation forest with the score above which a row is flagged, chosen at training time
 * from the contamination share. The threshold lives in the model file, not beside it, so the
 * artifact's digest covers the whole decision rule.
 */
public record IsolationForestModel(IsolationForest forest, double threshold)
    implements Predictor, Serializable {

  @Override
  public Predictions predict(Dataset data, int[] rows) {
    double[] scores = forest.score(Matrices.rows(data, rows));
    double[] flags = new double[rows.length];
    double[][] probabilities = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      flags[i] = scores[i] >= threshold ? 1 : 0;
      probabilities[i] = new double[] {1 - scores[i], scores[i]};
    }
    return new Predictions(flags, probabilities);
  }

  @Override
  public ModelFormat format() {
    return ModelFormat.SMILE_JAVA;
  }

  @Override
  public byte[] bytes() {
    return JavaSerial.write(this);
  }
}
