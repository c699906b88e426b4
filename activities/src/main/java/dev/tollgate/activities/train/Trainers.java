package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import java.util.Map;

/**
 * The trainer for each algorithm name of the spec table. {@code Algorithms} decides what a spec may
 * name; this decides what this build can train, and says so when the two disagree.
 */
public final class Trainers {
  private static final Map<String, Trainer> BY_ALGORITHM =
      Map.of(
          "gradient_boosting", new GradientBoostingTrainer(),
          "random_forest", new RandomForestTrainer(),
          "linear", new LinearTrainer());

  private Trainers() {}

  public static Trainer forAlgorithm(String algorithm) {
    Trainer trainer = BY_ALGORITHM.get(algorithm);
    if (trainer == null) {
      throw Failures.unsupported(
          "algorithm '"
              + algorithm
              + "' has no trainer in this version (available: "
              + String.join(", ", new java.util.TreeSet<>(BY_ALGORITHM.keySet()))
              + ")");
    }
    return trainer;
  }
}
