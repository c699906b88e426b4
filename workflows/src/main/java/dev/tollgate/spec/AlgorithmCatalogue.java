package dev.tollgate.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every algorithm Tollgate trains, per task, with its hyperparameters' types, defaults and ranges:
 * the one place that knows them. The spec parser checks specs against it (so a typo is refused
 * before a run starts instead of failing mid-training), the trainers are registered against its
 * entries, and a model's hyperparameters are completed with its defaults. {@code gradient_boosting}
 * is XGBoost; Smile's gradient tree boosting stays available as {@code smile_gradient_boosting}
 * (its own name, because its hyperparameters are not XGBoost's).
 */
public final class AlgorithmCatalogue {

  /**
   * XGBoost's {@code hist} trees, the same knobs for regression and classification. Regression
   * trees grow by default in scikit-learn's shape: best-first, at most 31 leaves of at least 20
   * rows, no L2 penalty, every row. It was as accurate as depth-6 trees or more, and faster, on the
   * benchmark's 100k and 1M rows and on the energy example (docs/benchmarks.md). Classification
   * keeps XGBoost's own defaults: there {@code min_child_weight} weighs rows by p(1-p), so 20 would
   * mean far more than 20 rows, and no benchmark has tested another shape.
   *
   * <p>Regression's shrinkage and bins depend on the training set's size ({@link #sizedDefaults}):
   * 0.05 and 256 below {@link #LARGE_TRAINING_SET} rows, 0.1 and 128 from there.
   */
  private static List<Hyperparameter> xgboost(Task task) {
    boolean regression = task == Task.REGRESSION;
    return List.of(
        Hyperparameter.integer("trees", 1, 10_000, 200),
        Hyperparameter.integer("max_depth", 1, 64, 6),
        // depthwise grows level by level (XGBoost's default); lossguide splits the leaf with the
        // largest gain first, scikit-learn's and LightGBM's shape, best with max_leaves.
        Hyperparameter.choice(
            "grow_policy", regression ? "lossguide" : "depthwise", "depthwise", "lossguide"),
        Hyperparameter.integer("max_leaves", 0, 1 << 20, regression ? 31 : 0),
        Hyperparameter.real("shrinkage", 1e-6, 1, 0.05),
        Hyperparameter.real("subsample", 0.05, 1, regression ? 1.0 : 0.8),
        Hyperparameter.real("colsample", 0.05, 1, 1.0),
        Hyperparameter.real("min_child_weight", 0, 1e9, regression ? 20 : 1),
        Hyperparameter.real("lambda", 0, 1e9, regression ? 0 : 1),
        Hyperparameter.real("alpha", 0, 1e9, 0),
        Hyperparameter.real("gamma", 0, 1e9, 0),
        Hyperparameter.integer("max_bin", 2, 65_536, 256));
  }

  /**
   * From this many training rows on (the holdout not counted), regression's {@code
   * gradient_boosting} defaults to shrinkage 0.1 instead of 0.05 and to 128 bins instead of 256
   * (docs/adr/0019-defaults-by-training-set-size.md). 200 trees at 0.05 are as good as
   * scikit-learn's defaults from 300 to 30,000 noisy rows, where 0.1 overfits (3 % worse on the
   * diabetes set); at 100k and 1M rows they stop well short of the fit (holdout rmse 1.249 and
   * 1.214 against 1.120 and 1.082 at 0.1, in the same time). There 128 bins gave the same holdout
   * rmse as 256 in 7-17 % less CPU time; below, where a fit takes well under a second, every bin is
   * kept.
   */
  public static final int LARGE_TRAINING_SET = 50_000;

  private static final Map<String, List<SizedDefault>> SIZED =
      Map.of(
          key(Task.REGRESSION, "gradient_boosting"),
          List.of(
              SizedDefault.number("shrinkage", LARGE_TRAINING_SET, 0.1),
              SizedDefault.number("max_bin", LARGE_TRAINING_SET, 128)));

  private static String key(Task task, String name) {
    return task + "/" + name;
  }

  private static final List<Hyperparameter> SMILE_BOOSTING =
      List.of(
          Hyperparameter.integer("trees", 1, 10_000, 200),
          Hyperparameter.integer("max_depth", 2, 64, 6),
          Hyperparameter.integer("max_nodes", 2, 1_000_000, 64),
          Hyperparameter.real("shrinkage", 1e-6, 1, 0.05),
          Hyperparameter.real("subsample", 0.05, 1, 0.7),
          Hyperparameter.integer("node_size", 1, 1_000_000, 5));

  private static List<Hyperparameter> forest(int nodeSize) {
    return List.of(
        Hyperparameter.integer("trees", 1, 10_000, 200),
        Hyperparameter.integer("max_depth", 2, 64, 20),
        Hyperparameter.integer("max_nodes", 2, 1_000_000, 10_000),
        Hyperparameter.integer("node_size", 1, 1_000_000, nodeSize),
        Hyperparameter.real("subsample", 0.05, 1, 1.0));
  }

  private static List<Hyperparameter> iterative(double lambda, double tolerance, int iterations) {
    return List.of(
        Hyperparameter.real("lambda", 0, 1e9, lambda),
        Hyperparameter.real("tolerance", 1e-12, 1, tolerance),
        Hyperparameter.integer("max_iterations", 1, 1_000_000, iterations));
  }

  private static final List<Algorithm> ALL =
      List.of(
          new Algorithm("gradient_boosting", Task.REGRESSION, xgboost(Task.REGRESSION)),
          new Algorithm("smile_gradient_boosting", Task.REGRESSION, SMILE_BOOSTING),
          new Algorithm("random_forest", Task.REGRESSION, forest(5)),
          new Algorithm("linear", Task.REGRESSION, List.of()),
          new Algorithm(
              "ridge", Task.REGRESSION, List.of(Hyperparameter.real("lambda", 0, 1e9, 1.0))),
          new Algorithm("lasso", Task.REGRESSION, iterative(1.0, 1e-4, 1000)),
          new Algorithm("gradient_boosting", Task.CLASSIFICATION, xgboost(Task.CLASSIFICATION)),
          new Algorithm("random_forest", Task.CLASSIFICATION, forest(1)),
          new Algorithm("logistic", Task.CLASSIFICATION, iterative(0.1, 1e-5, 500)),
          new Algorithm(
              "isolation_forest",
              Task.ANOMALY,
              List.of(
                  Hyperparameter.integer("trees", 1, 10_000, 100),
                  Hyperparameter.integer("max_depth", 0, 64, 0),
                  Hyperparameter.real("subsample", 0.01, 0.99, 0.7),
                  Hyperparameter.integer("extension_level", 0, 1_000, 0),
                  Hyperparameter.real("contamination", 0.0001, 0.5, 0.05))));

  private static final Map<Task, Map<String, Algorithm>> BY_TASK = index();

  private AlgorithmCatalogue() {}

  private static Map<Task, Map<String, Algorithm>> index() {
    Map<Task, Map<String, Algorithm>> byTask = new TreeMap<>();
    for (Algorithm a : ALL) {
      if (byTask.computeIfAbsent(a.task(), t -> new TreeMap<>()).put(a.name(), a) != null) {
        throw new IllegalStateException(a.name() + " is listed twice for " + a.task());
      }
      for (SizedDefault sized : sizedDefaults(a)) {
        Hyperparameter h = a.hyperparameter(sized.hyperparameter());
        if (h == null || !h.accepts(sized.value())) {
          throw new IllegalStateException(a.name() + " cannot default " + sized + " by size");
        }
      }
    }
    return byTask;
  }

  /**
   * The defaults of {@code algorithm} that depend on the training set's size, in ascending {@code
   * fromRows}; empty for most.
   */
  public static List<SizedDefault> sizedDefaults(Algorithm algorithm) {
    return SIZED.getOrDefault(key(algorithm.task(), algorithm.name()), List.of());
  }

  /**
   * The default of {@code h} in {@code algorithm} for a training set of {@code trainingRows} rows:
   * the last {@link SizedDefault} whose {@code fromRows} it reaches, else the catalogue default.
   */
  public static ParamValue defaultFor(Algorithm algorithm, Hyperparameter h, long trainingRows) {
    ParamValue value = h.defaultValue();
    for (SizedDefault sized : sizedDefaults(algorithm)) {
      if (sized.hyperparameter().equals(h.name()) && trainingRows >= sized.fromRows()) {
        value = sized.value();
      }
    }
    return value;
  }

  /** Every entry, every task's. */
  public static List<Algorithm> all() {
    return new ArrayList<>(ALL);
  }

  /** The algorithm names a spec may give for {@code task}, sorted; empty when it has none. */
  public static Set<String> names(Task task) {
    return new TreeSet<>(BY_TASK.getOrDefault(task, Map.of()).keySet());
  }

  /** The entry for {@code name} under {@code task}, or {@code null} when the task has no such. */
  public static Algorithm find(Task task, String name) {
    return BY_TASK.getOrDefault(task, Map.of()).get(name);
  }

  /** The entry for {@code name} under {@code task}; a programming error when there is none. */
  public static Algorithm require(Task task, String name) {
    Algorithm a = find(task, name);
    if (a == null) throw new IllegalArgumentException("no algorithm " + name + " for " + task);
    return a;
  }
}
