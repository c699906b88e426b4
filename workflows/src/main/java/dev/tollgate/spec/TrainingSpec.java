package dev.tollgate.spec;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to train: the algorithm, its hyperparameters (numbers, checked per algorithm by {@link
 * Algorithms}), the seed that makes runs reproducible and the share of rows held out for metrics.
 */
public record TrainingSpec(
    String algorithm, Map<String, Double> params, long seed, double holdout) {

  public TrainingSpec {
    Objects.requireNonNull(algorithm, "algorithm");
    params = Map.copyOf(new TreeMap<>(params));
    if (!(holdout > 0 && holdout < 1)) {
      throw new IllegalArgumentException(
          "holdout must be between 0 and 1 (exclusive), got " + holdout);
    }
  }

  /** A hyperparameter, or its default when the spec leaves it out. */
  public double param(String name, double defaultValue) {
    return params.getOrDefault(name, defaultValue);
  }
}
