package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.data.Dataset;
import java.util.TreeSet;

/**
 * Checks on a classification dataset's targets. The loader already indexes them ({@code
 * ClassLabels}: text labels sorted, numeric ones in ascending order), so train and validate agree.
 */
final class ClassTargets {
  private ClassTargets() {}

  /**
   * Refuses a target with fewer than two classes among the training rows: no classifier can be
   * fitted to it, and retrying cannot change the data.
   */
  static void requireTwoClasses(Dataset data, int[] trainRows) {
    TreeSet<Integer> seen = new TreeSet<>();
    for (int row : trainRows) {
      seen.add((int) data.y()[row]);
      if (seen.size() > 1) {
        return;
      }
    }
    String only =
        seen.isEmpty()
            ? "none"
            : dev.tollgate.activities.Echo.value(data.classes().get(seen.first()));
    throw Failures.invalidData(
        data.source()
            + " column "
            + data.target()
            + ": classification needs at least two classes in the training rows, found only "
            + only);
  }
}
