package dev.tollgate.activities.scores;

import dev.tollgate.activities.models.Predictions;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holdout metrics of an anomaly detector. {@code anomaly_share} (the share of rows flagged) needs
 * no label. The target column, read as a label (non-zero = a known anomaly) and never trained on,
 * adds precision, recall and f1 of the flags and auc of the scores once the holdout has a known
 * anomaly (auc also needs a normal row); an all-zero target means "unlabelled" and adds nothing.
 */
public final class AnomalyScores {
  private AnomalyScores() {}

  public static Map<String, Double> of(double[] target, Predictions predictions) {
    int n = target.length;
    if (n == 0 || predictions.size() != n) {
      throw new IllegalArgumentException(
          "need equally many labels and predictions, got " + n + " and " + predictions.size());
    }
    int[] truth = new int[n];
    int[][] confusion = new int[2][2];
    int flagged = 0;
    int known = 0;
    for (int i = 0; i < n; i++) {
      truth[i] = target[i] != 0 ? 1 : 0;
      int flag = predictions.values()[i] != 0 ? 1 : 0;
      confusion[truth[i]][flag]++;
      flagged += flag;
      known += truth[i];
    }
    Map<String, Double> metrics = new TreeMap<>();
    metrics.put("anomaly_share", flagged / (double) n);
    if (known > 0) {
      double[] prf = ClassificationScores.precisionRecallF1(confusion, 1);
      metrics.put("precision", prf[0]);
      metrics.put("recall", prf[1]);
      metrics.put("f1", prf[2]);
      Double auc = RocAuc.of(truth, predictions.probabilities(), 1);
      if (auc != null) {
        metrics.put("auc", auc);
      }
    }
    return metrics;
  }
}
