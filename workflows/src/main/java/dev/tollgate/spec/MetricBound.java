package dev.tollgate.spec;

/**
 * A metric threshold: {@code {max: 75}}, {@code {min: 0.7}} or both. Either end may be {@code
 * null}, not both.
 */
public record MetricBound(Double min, Double max) {

  public MetricBound {
    if (min == null && max == null) {
      throw new IllegalArgumentException("a threshold needs min, max or both");
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("min " + min + " is above max " + max);
    }
  }

  public boolean accepts(double value) {
    return !Double.isNaN(value) && (min == null || value >= min) && (max == null || value <= max);
  }

  /** "≤ 75", "≥ 0.7" or "0.7 … 0.9", for reports. */
  public String describe() {
    if (min != null && max != null) {
      return min + " … " + max;
    }
    return min != null ? "≥ " + min : "≤ " + max;
  }
}
