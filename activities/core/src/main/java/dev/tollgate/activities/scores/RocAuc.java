package dev.tollgate.activities.scores;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve of one class against the rest, computed exactly as the Mann–Whitney
 * statistic: the chance that a random positive scores above a random negative, ties counting half
 * (tied scores share their average rank).
 */
final class RocAuc {
  private RocAuc() {}

  /**
   * @param probabilities {@code [row][class]}; column {@code positive} is the score
   * @return the AUC, or {@code null} when the truth has no positive or no negative
   */
  static Double of(int[] truth, double[][] probabilities, int positive) {
    int n = truth.length;
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> probabilities[i][positive]));
    double positiveRanks = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      double score = probabilities[order[i]][positive];
      while (j < n && probabilities[order[j]][positive] == score) {
        j++;
      }
      double averageRank = (i + 1 + j) / 2.0; // ranks i+1 .. j share their mean
      for (int k = i; k < j; k++) {
        if (truth[order[k]] == positive) {
          positiveRanks += averageRank;
          positives++;
        }
      }
      i = j;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return null;
    }
    return (positiveRanks - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
  }
}
