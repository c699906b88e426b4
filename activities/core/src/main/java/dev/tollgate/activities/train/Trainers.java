package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.Task;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The trainer for each task and algorithm name of the spec table. {@code Algorithms} decides what a
 * spec may name; this decides what this build can train, and says so when the two disagree.
 */
public final class Trainers {
  private static final Trainer XGBOOST = new XgboostTrainer();

  private static final Map<Task, Map<String, Trainer>> BY_TASK =
      Map.of(
          Task.REGRESSION,
          Map.of(
              "gradient_boosting", XGBOOST,
              "smile_gradient_boosting", new SmileBoostingTrainer(),
              "random_forest", new RandomForestTrainer(),
              "linear", new LinearTrainer(),
              "ridge", new RidgeTrainer(),
              "lasso", new LassoTrainer()),
          Task.CLASSIFICATION,
          Map.of(
              "gradient_boosting", XGBOOST,
              "random_forest", new ForestClassifierTrainer(),
              "logistic", new LogisticTrainer()),
          Task.ANOMALY,
          Map.of("isolation_forest", new IsolationForestTrainer()));

  private Trainers() {}

  /**
   * Loads XGBoost's native library now: unpacking it from the jar and linking it takes about a
   * quarter of a second, which the first {@code gradient_boosting} training of a process would
   * otherwise pay. A worker calls this at start-up.
   *
   * @throws LinkageError when the library cannot be loaded on this platform
   */
  public static void warmUp() {
    XgboostTrainer.loadNativeLibrary();
  }

  public static Trainer forAlgorithm(Task task, String algorithm) {
    Map<String, Trainer> trainers = BY_TASK.getOrDefault(task, Map.of());
    Trainer trainer = trainers.get(algorithm);
    if (trainer == null) {
      throw Failures.unsupported(
          "algorithm '"
              + algorithm
              + "' has no trainer for task "
              + task.name().toLowerCase(Locale.ROOT)
              + " in this version (available: "
              + String.join(", ", new TreeSet<>(trainers.keySet()))
              + ")");
    }
    return trainer;
  }
}
