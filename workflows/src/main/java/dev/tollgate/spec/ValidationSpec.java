package dev.tollgate.spec;

import java.util.Map;
import java.util.TreeMap;

/**
 * The validation gate. Each optional section is {@code null} when the spec leaves it out.
 *
 * @param thresholds metric name to bound, e.g. rmse ≤ 75
 * @param baselineTolerance relative tolerance against the current Production model
 * @param stabilityMaxCv highest coefficient of variation of the holdout predictions
 */
public record ValidationSpec(
    Map<String, MetricBound> thresholds,
    Double baselineTolerance,
    DriftSpec drift,
    Double stabilityMaxCv,
    RangeSpec range) {

  public ValidationSpec {
    thresholds = Map.copyOf(new TreeMap<>(thresholds));
  }

  /**
   * Data drift settings: method (psi), per-feature threshold, share of drifted features allowed.
   */
  public record DriftSpec(String method, double threshold, double maxDriftShare) {}

  /** Prediction range: predictions beyond {@code sigma} standard deviations of the target. */
  public record RangeSpec(double sigma, double maxOutlierShare) {}
}
