package dev.tollgate.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The validation gate. Each optional section is {@code null} when the spec leaves it out.
 *
 * @param thresholds metric name to bound, e.g. rmse ≤ 75
 * @param baselineTolerance relative tolerance against the current Production model
 * @param stabilityMaxCv highest coefficient of variation of the holdout predictions
 * @param quality data quality checks, or {@code null}
 * @param reportedTolerance {@code reported_vs_measured.tolerance}: how far a training command's own
 *     figure ({@code metrics.json}) may lie from Tollgate's holdout measurement of the same metric;
 *     {@code null} for the default {@link #DEFAULT_REPORTED_TOLERANCE} (left out of the spec's
 *     JSON)
 */
public record ValidationSpec(
    Map<String, MetricBound> thresholds,
    Double baselineTolerance,
    DriftSpec drift,
    Double stabilityMaxCv,
    RangeSpec range,
    QualitySpec quality,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Double reportedTolerance) {

  /**
   * The default of {@code reported_vs_measured.tolerance}: the command usually measures on rows of
   * its own (its training rows, a split of them), so its figure differs from the holdout's by
   * sampling noise; five points of accuracy (or 5 % of an rmse) is a claim that does not hold.
   */
  public static final double DEFAULT_REPORTED_TOLERANCE = 0.05;

  public ValidationSpec {
    thresholds = Map.copyOf(new TreeMap<>(thresholds));
  }

  /** Without a {@code reported_vs_measured} tolerance: the default applies. */
  public ValidationSpec(
      Map<String, MetricBound> thresholds,
      Double baselineTolerance,
      DriftSpec drift,
      Double stabilityMaxCv,
      RangeSpec range,
      QualitySpec quality) {
    this(thresholds, baselineTolerance, drift, stabilityMaxCv, range, quality, null);
  }

  /** The tolerance of the {@code reported_vs_measured} check in force. */
  public double reportedToleranceOrDefault() {
    return reportedTolerance == null ? DEFAULT_REPORTED_TOLERANCE : reportedTolerance;
  }

  /** Without data quality checks: the shape before they existed. */
  public ValidationSpec(
      Map<String, MetricBound> thresholds,
      Double baselineTolerance,
      DriftSpec drift,
      Double stabilityMaxCv,
      RangeSpec range) {
    this(thresholds, baselineTolerance, drift, stabilityMaxCv, range, null);
  }

  /**
   * Data drift settings.
   *
   * @param method which test decides that a feature drifted: {@code psi} (PSI above {@code
   *     threshold}), {@code ks}, {@code z}, {@code chi2} (p-value below alpha) or {@code all} (any
   *     of the tests that apply to the feature)
   * @param threshold PSI above which a feature drifted
   * @param maxDriftShare share of drifted features above which the dataset drifted
   * @param alpha significance level of the tests
   * @param bonferroni whether alpha is divided by the number of features tested
   * @param bins PSI quantile bins, from the reference
   */
  public record DriftSpec(
      String method,
      double threshold,
      double maxDriftShare,
      double alpha,
      boolean bonferroni,
      int bins) {

    public static final List<String> METHODS = List.of("psi", "ks", "z", "chi2", "all");

    public DriftSpec {
      Objects.requireNonNull(method, "method");
      if (!METHODS.contains(method)) {
        throw new IllegalArgumentException("expected one of " + METHODS + ", got '" + method + "'");
      }
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha must lie in (0, 1), got " + alpha);
      }
      if (bins < 2) {
        throw new IllegalArgumentException("bins must be at least 2, got " + bins);
      }
    }

    /** PSI with the defaults for the rest: the shape before the statistical tests. */
    public DriftSpec(String method, double threshold, double maxDriftShare) {
      this(method, threshold, maxDriftShare, 0.05, false, 10);
    }
  }

  /** Prediction range: predictions beyond {@code sigma} standard deviations of the target. */
  public record RangeSpec(double sigma, double maxOutlierShare) {}

  /**
   * Data quality checks on the whole dataset as read. A {@code null} limit turns its check off.
   *
   * @param maxMissingShare most values a used column may miss (before {@code data.missing})
   * @param maxDuplicateShare most rows that may repeat an earlier row in every used column
   * @param ranges per numeric column (feature or target), the values it may take
   * @param maxOutOfRangeShare most values of a column that may fall outside its range
   */
  public record QualitySpec(
      Double maxMissingShare,
      Double maxDuplicateShare,
      Map<String, ValueRange> ranges,
      double maxOutOfRangeShare) {
    public QualitySpec {
      ranges = ranges == null ? Map.of() : Map.copyOf(new TreeMap<>(ranges));
    }
  }

  /** Declared bounds of a column's values, inclusive; either may be {@code null}. */
  public record ValueRange(Double min, Double max) {
    public ValueRange {
      if (min == null && max == null) {
        throw new IllegalArgumentException("expected min, max or both");
      }
      if (min != null && max != null && min > max) {
        throw new IllegalArgumentException("min " + min + " is above max " + max);
      }
    }

    public boolean contains(double v) {
      return (min == null || v >= min) && (max == null || v <= max);
    }

    public String describe() {
      return "[" + (min == null ? "−∞" : min) + ", " + (max == null ? "∞" : max) + "]";
    }
  }
}
