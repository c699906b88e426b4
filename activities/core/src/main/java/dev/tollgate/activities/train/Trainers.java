package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.Algorithm;
import dev.tollgate.spec.AlgorithmCatalogue;
import dev.tollgate.spec.Task;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The trainer registered against each entry of the {@link AlgorithmCatalogue}. The catalogue
 * decides what a spec may name and with which hyperparameters; this only says which code trains it.
 * Registering a name the catalogue does not have fails when the class loads, and a test checks that
 * every catalogue entry has its trainer.
 */
public final class Trainers {
  private static final Trainer XGBOOST = new XgboostTrainer();

  private static final Map<Algorithm, Trainer> REGISTERED = new HashMap<>();

  static {
    register(Task.REGRESSION, "gradient_boosting", XGBOOST);
    register(Task.REGRESSION, "smile_gradient_boosting", new SmileBoostingTrainer());
    register(Task.REGRESSION, "random_forest", new RandomForestTrainer());
    register(Task.REGRESSION, "linear", new LinearTrainer());
    register(Task.REGRESSION, "ridge", new RidgeTrainer());
    register(Task.REGRESSION, "lasso", new LassoTrainer());
    register(Task.CLASSIFICATION, "gradient_boosting", XGBOOST);
    register(Task.CLASSIFICATION, "random_forest", new ForestClassifierTrainer());
    register(Task.CLASSIFICATION, "logistic", new LogisticTrainer());
    register(Task.ANOMALY, "isolation_forest", new IsolationForestTrainer());
  }

  private Trainers() {}

  private static void register(Task task, String name, Trainer trainer) {
    REGISTERED.put(AlgorithmCatalogue.require(task, name), trainer);
  }

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

  /** Whether this build has a trainer for the catalogue entry. */
  static boolean has(Algorithm algorithm) {
    return REGISTERED.containsKey(algorithm);
  }

  public static Trainer forAlgorithm(Task task, String algorithm) {
    Algorithm entry = AlgorithmCatalogue.find(task, algorithm);
    Trainer trainer = entry == null ? null : REGISTERED.get(entry);
    if (trainer == null) {
      TreeSet<String> available = new TreeSet<>();
      REGISTERED.keySet().stream()
          .filter(a -> a.task() == task)
          .forEach(a -> available.add(a.name()));
      throw Failures.unsupported(
          "algorithm '"
              + algorithm
              + "' has no trainer for task "
              + task.name().toLowerCase(Locale.ROOT)
              + " in this version (available: "
              + String.join(", ", available)
              + ")");
    }
    return trainer;
  }
}
