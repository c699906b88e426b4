package dev.tollgate.activities.validate;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.stages.CheckResult;
import java.util.Map;

/**
 * Reports categories a model's schema does not know, which it scores as all zeros: in the
 * candidate's holdout (its schema was fitted on the training rows, so a category that first appears
 * in the latest rows lands here) and in the data as the Production model reads it. Informational:
 * the line passes, it never blocks; it is only added when there are some.
 */
final class UnseenCategoriesCheck {
  static final String NAME = "data.unseen_categories";

  private UnseenCategoriesCheck() {}

  /**
   * @param production the data encoded with the Production model's schema, or {@code null}
   * @return the line, or {@code null} when neither model meets an unknown category
   */
  static CheckResult run(Dataset candidate, Dataset production, String productionLabel) {
    Map<String, Integer> unseen = candidate.report().unseen();
    Map<String, Integer> old = production == null ? Map.of() : production.report().unseen();
    if (unseen.isEmpty() && old.isEmpty()) {
      return null;
    }
    int values = unseen.values().stream().mapToInt(Integer::intValue).sum();
    String message =
        unseen.isEmpty()
            ? "no category unknown to the candidate"
            : values
                + " holdout value(s) of categories absent from the training rows, encoded as all"
                + " zeros: "
                + unseen;
    if (!old.isEmpty()) {
      message += "; unknown to " + productionLabel + ": " + old;
    }
    return new CheckResult(
        NAME, (double) values, "reported, not judged", CheckResult.Status.PASS, message);
  }
}
