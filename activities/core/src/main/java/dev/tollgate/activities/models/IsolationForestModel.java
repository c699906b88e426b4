package dev.tollgate.activities.models;

import dev.tollgate.activities.data.Dataset;
import java.io.Serializable;

/**
 * An isolation forest with the score above which a row is flagged, chosen at training time from the
 * contamination share. The threshold lives in the model file, not beside it, so the artifact's
 * digest covers the whole decision rule. A row's score is {@code 2^(−mean path / c(sample))}: near
 * 1 for rows isolated quickly (anomalies), below 0.5 for ordinary ones.
 *
 * @param sample the rows each tree was grown on (ψ), which normalises the path lengths
 */
public record IsolationForestModel(IsolationNode[] trees, int sample, double threshold)
    implements Predictor, Serializable {

  public double score(double[] x) {
    double total = 0;
    for (IsolationNode tree : trees) {
      total += tree.path(x);
    }
    return Math.pow(2, -(total / trees.length) / IsolationNode.averagePath(sample));
  }

  @Override
  public Predictions predict(Dataset data, int[] rows) {
    double[][] x = Matrices.rows(data, rows);
    double[] flags = new double[rows.length];
    double[][] probabilities = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      double score = score(x[i]);
      flags[i] = score >= threshold ? 1 : 0;
      probabilities[i] = new double[] {1 - score, score};
    }
    return new Predictions(flags, probabilities);
  }

  @Override
  public ModelFormat format() {
    return ModelFormat.JAVA_SERIALIZED;
  }

  @Override
  public byte[] bytes() {
    return JavaSerial.write(this);
  }
}
