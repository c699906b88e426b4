package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.pipeline.Figures;

/**
 * Checks on a regression dataset's target. One value in every training row leaves nothing to learn:
 * every model predicts that constant, r2 is undefined and the thresholds compare noise, so it is
 * refused as bad data (an export that wrote one column over another, a filter gone wrong).
 */
final class RegressionTargets {
  private RegressionTargets() {}

  static void requireVariation(Dataset data, int[] trainRows) {
    if (trainRows.length == 0) return;
    double first = data.y()[trainRows[0]];
    for (int row : trainRows) {
      if (Double.compare(data.y()[row], first) != 0) return;
    }
    throw Failures.invalidData(
        data.source()
            + " column "
            + data.target()
            + ": the target is "
            + Figures.number(first)
            + " in every training row ("
            + trainRows.length
            + "): there is nothing to learn");
  }
}
