package dev.tollgate.spec;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Hyperparameter search before the final training: try {@code trials} parameter sets from {@code
 * space}, at most {@code parallelism} at once, keep every trial's holdout {@code metric}, and train
 * the final model with the best.
 *
 * @param space hyperparameter name to its candidates
 */
public record SearchSpec(
    Method method, int trials, int parallelism, String metric, Map<String, ParamSpace> space) {

  /** Grid tries every combination; random samples {@code trials} of them with the spec's seed. */
  public enum Method {
    GRID,
    RANDOM
  }

  public SearchSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(metric, "metric");
    space = Map.copyOf(new TreeMap<>(space));
    if (space.isEmpty())
      throw new IllegalArgumentException("space must name at least one hyperparameter");
    if (trials < 1) throw new IllegalArgumentException("trials must be at least 1, got " + trials);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
  }

  /**
   * One hyperparameter's candidates: a list of values, or (random search only) a range sampled
   * uniformly, rounded for whole-number parameters.
   */
  public record ParamSpace(java.util.List<ParamValue> values, Double min, Double max) {
    public ParamSpace {
      values = values == null ? null : java.util.List.copyOf(values);
      if ((values == null) == (min == null || max == null)) {
        throw new IllegalArgumentException("give either a list of values or {min, max}");
      }
      if (min != null && min > max)
        throw new IllegalArgumentException("min " + min + " is above max " + max);
    }

    // Not isRange(): Jackson would serialize an is-getter as a property and fail to read it back.
    public boolean ranged() {
      return values == null;
    }
  }
}
