package dev.tollgate.activities.scores;

import dev.tollgate.activities.models.Predictions;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holdout metrics of a classifier: accuracy, precision, recall, f1, auc (ROC) and log_loss. With
 * two classes, precision, recall and f1 are those of class 1 and auc ranks P(class 1). With more,
 * each is the unweighted (macro) mean over the classes that occur in the truth or the predictions,
 * f1 being the mean of per-class f1 (scikit-learn's {@code average="macro"}), and auc the macro
 * one-vs-rest mean over the classes that have both positives and negatives. A ratio with a zero
 * denominator counts as 0, as in scikit-learn; auc is left out when no class can be ranked.
 * log_loss clips probabilities to [1e-15, 1].
 */
public final class ClassificationScores {
  static final double EPSILON = 1e-15;

  private ClassificationScores() {}

  public static Map<String, Double> of(int[] truth, Predictions predictions, int classes) {
    int n = truth.length;
    if (n == 0 || predictions.size() != n) {
      throw new IllegalArgumentException(
          "need equally many truths and predictions, got " + n + " and " + predictions.size());
    }
    int[][] confusion = new int[classes][classes]; // [truth][predicted]
    double logLoss = 0;
    for (int i = 0; i < n; i++) {
      confusion[truth[i]][(int) predictions.values()[i]]++;
      double p = predictions.probabilities()[i][truth[i]];
      logLoss -= Math.log(Math.min(1, Math.max(EPSILON, p)));
    }
    Map<String, Double> metrics = new TreeMap<>();
    int correct = 0;
    for (int c = 0; c < classes; c++) {
      correct += confusion[c][c];
    }
    metrics.put("accuracy", correct / (double) n);
    metrics.put("log_loss", logLoss / n);
    if (classes == 2) {
      double[] prf = precisionRecallF1(confusion, 1);
      metrics.put("precision", prf[0]);
      metrics.put("recall", prf[1]);
      metrics.put("f1", prf[2]);
    } else {
      macro(confusion, metrics);
    }
    Double auc =
        classes == 2
            ? RocAuc.of(truth, predictions.probabilities(), 1)
            : macroAuc(truth, predictions, classes);
    if (auc != null) {
      metrics.put("auc", auc);
    }
    return metrics;
  }

  /** Precision, recall and f1 of class {@code c}, 0 where a denominator is 0. */
  static double[] precisionRecallF1(int[][] confusion, int c) {
    int tp = confusion[c][c];
    int predicted = 0;
    int actual = 0;
    for (int k = 0; k < confusion.length; k++) {
      predicted += confusion[k][c];
      actual += confusion[c][k];
    }
    double precision = predicted == 0 ? 0 : tp / (double) predicted;
    double recall = actual == 0 ? 0 : tp / (double) actual;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new double[] {precision, recall, f1};
  }

  private static void macro(int[][] confusion, Map<String, Double> metrics) {
    double[] sum = new double[3];
    int counted = 0;
    for (int c = 0; c < confusion.length; c++) {
      int occurrences = 0;
      for (int k = 0; k < confusion.length; k++) {
        occurrences += confusion[c][k] + confusion[k][c];
      }
      if (occurrences == 0) {
        continue; // a class neither in the truth nor predicted says nothing about this holdout
      }
      double[] prf = precisionRecallF1(confusion, c);
      for (int m = 0; m < 3; m++) {
        sum[m] += prf[m];
      }
      counted++;
    }
    metrics.put("precision", sum[0] / counted);
    metrics.put("recall", sum[1] / counted);
    metrics.put("f1", sum[2] / counted);
  }

  private static Double macroAuc(int[] truth, Predictions predictions, int classes) {
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < classes; c++) {
      Double auc = RocAuc.of(truth, predictions.probabilities(), c);
      if (auc != null) {
        sum += auc;
        counted++;
      }
    }
    return counted == 0 ? null : sum / counted;
  }
}
