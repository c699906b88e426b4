package dev.tollgate.activities.validate;

import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.QuantileBins;
import dev.tollgate.activities.train.TrainActivitiesImpl;
import dev.tollgate.spec.ValidationSpec.DriftSpec;
import dev.tollgate.stages.CheckResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Data drift by population stability index, one PSI per feature over 10 quantile bins. With a
 * Production model whose metadata carries reference bins, the candidate's training data is compared
 * with what Production was trained on (the drift that matters for a replacement); otherwise the
 * holdout is compared with the training part. The dataset has drifted when the share of features
 * with PSI above the threshold exceeds {@code max_drift_share}.
 */
final class DriftCheck {
  static final String NAME = "drift.share";

  private DriftCheck() {}

  /**
   * @param baseline the Production model's metadata and label, or {@code null}
   */
  static CheckResult run(DriftSpec drift, Holdout holdout, ModelMetadata baseline, String label) {
    String threshold =
        "≤ " + drift.maxDriftShare() + " of features with PSI > " + drift.threshold();
    if (!"psi".equals(drift.method())) {
      return Checks.skipped(
          NAME, threshold, "drift method '" + drift.method() + "' is not implemented");
    }
    Dataset data = holdout.data();
    boolean vsBaseline =
        baseline != null && baseline.referenceBins().keySet().containsAll(data.features());
    List<String> parts = new ArrayList<>();
    int drifted = 0;
    for (int j = 0; j < data.features().size(); j++) {
      String feature = data.features().get(j);
      double[] train = data.feature(j, holdout.split().train());
      double psi =
          vsBaseline
              ? baseline.referenceBins().get(feature).psi(train)
              : QuantileBins.of(train, TrainActivitiesImpl.REFERENCE_BINS)
                  .psi(data.feature(j, holdout.split().holdout()));
      boolean over = psi > drift.threshold();
      drifted += over ? 1 : 0;
      parts.add(feature + " " + Checks.fmt(psi) + (over ? " (drifted)" : ""));
    }
    double share = (double) drifted / data.features().size();
    boolean ok = share <= drift.maxDriftShare();
    String reference =
        vsBaseline ? "training data vs " + label + "'s training data" : "holdout vs training part";
    return Checks.judged(
        NAME,
        share,
        threshold,
        ok,
        drifted
            + " of "
            + data.features().size()
            + " features drifted, "
            + reference
            + ": PSI "
            + String.join(", ", parts));
  }
}
