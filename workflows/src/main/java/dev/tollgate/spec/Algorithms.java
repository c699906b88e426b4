package dev.tollgate.spec;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The algorithms a spec may name for each task, and the hyperparameters each accepts with their
 * allowed ranges. The parser checks specs against this table, so a typo is refused before a run
 * starts instead of failing mid-training. {@code gradient_boosting} is XGBoost; Smile's gradient
 * tree boosting stays available as {@code smile_gradient_boosting} (its own name, because its
 * hyperparameters are not XGBoost's).
 */
public final class Algorithms {

  /**
   * A hyperparameter's allowed range (inclusive) and whether it must be a whole number. A choice
   * (such as XGBoost's {@code grow_policy}) is written as one of its names in a spec and travels as
   * the name's index, so every hyperparameter stays a number in the workflow's payloads and in
   * histories recorded before choices existed.
   */
  public record Param(
      String name,
      double min,
      double max,
      boolean integer,
      double defaultValue,
      List<String> choices) {

    public Param {
      choices = List.copyOf(choices);
    }

    public Param(String name, double min, double max, boolean integer, double defaultValue) {
      this(name, min, max, integer, defaultValue, List.of());
    }

    /** A hyperparameter taking one of {@code choices}, {@code choices[defaultIndex]} by default. */
    static Param choice(String name, int defaultIndex, String... choices) {
      return new Param(name, 0, choices.length - 1, true, defaultIndex, List.of(choices));
    }

    public boolean isChoice() {
      return !choices.isEmpty();
    }

    /** The index of {@code text} among the choices, or -1. */
    public int indexOf(String text) {
      return choices.indexOf(text);
    }

    /** What a value means: the choice's name, or the number itself. */
    public Object describe(double value) {
      if (isChoice()) {
        int index = (int) Math.round(value);
        return index >= 0 && index < choices.size() ? choices.get(index) : value;
      }
      return value;
    }
  }

  /**
   * XGBoost's {@code hist} trees, the same knobs for regression and classification. Regression
   * trees grow by default in scikit-learn's shape: best-first, at most 31 leaves of at least 20
   * rows, no L2 penalty, every row. It was as accurate as depth-6 trees or more, and faster, on the
   * benchmark's 100k and 1M rows and on the energy example (docs/benchmarks.md). Classification
   * keeps XGBoost's own defaults: there {@code min_child_weight} weighs rows by p(1-p), so 20 would
   * mean far more than 20 rows, and no benchmark has tested another shape.
   */
  private static List<Param> xgboost(Task task) {
    boolean regression = task == Task.REGRESSION;
    return List.of(
        new Param("trees", 1, 10_000, true, 200),
        new Param("max_depth", 1, 64, true, 6),
        // depthwise grows level by level (XGBoost's default); lossguide splits the leaf with the
        // largest gain first, scikit-learn's and LightGBM's shape, best with max_leaves.
        Param.choice("grow_policy", regression ? 1 : 0, "depthwise", "lossguide"),
        new Param("max_leaves", 0, 1 << 20, true, regression ? 31 : 0),
        new Param("shrinkage", 1e-6, 1, false, 0.05),
        new Param("subsample", 0.05, 1, false, regression ? 1.0 : 0.8),
        new Param("colsample", 0.05, 1, false, 1.0),
        new Param("min_child_weight", 0, 1e9, false, regression ? 20 : 1),
        new Param("lambda", 0, 1e9, false, regression ? 0 : 1),
        new Param("alpha", 0, 1e9, false, 0),
        new Param("gamma", 0, 1e9, false, 0),
        new Param("max_bin", 2, 65_536, true, 256));
  }

  private static final List<Param> SMILE_BOOSTING =
      List.of(
          new Param("trees", 1, 10_000, true, 200),
          new Param("max_depth", 2, 64, true, 6),
          new Param("max_nodes", 2, 1_000_000, true, 64),
          new Param("shrinkage", 1e-6, 1, false, 0.05),
          new Param("subsample", 0.05, 1, false, 0.7),
          new Param("node_size", 1, 1_000_000, true, 5));

  private static List<Param> forest(int nodeSize) {
    return List.of(
        new Param("trees", 1, 10_000, true, 200),
        new Param("max_depth", 2, 64, true, 20),
        new Param("max_nodes", 2, 1_000_000, true, 10_000),
        new Param("node_size", 1, 1_000_000, true, nodeSize),
        new Param("subsample", 0.05, 1, false, 1.0));
  }

  private static final Map<Task, Map<String, List<Param>>> TABLE =
      Map.of(
          Task.REGRESSION,
          Map.of(
              "gradient_boosting", xgboost(Task.REGRESSION),
              "smile_gradient_boosting", SMILE_BOOSTING,
              "random_forest", forest(5),
              "linear", List.of(),
              "ridge", List.of(new Param("lambda", 0, 1e9, false, 1.0)),
              "lasso",
                  List.of(
                      new Param("lambda", 0, 1e9, false, 1.0),
                      new Param("tolerance", 1e-12, 1, false, 1e-4),
                      new Param("max_iterations", 1, 1_000_000, true, 1000))),
          Task.CLASSIFICATION,
          Map.of(
              "gradient_boosting", xgboost(Task.CLASSIFICATION),
              "random_forest", forest(1),
              "logistic",
                  List.of(
                      new Param("lambda", 0, 1e9, false, 0.1),
                      new Param("tolerance", 1e-12, 1, false, 1e-5),
                      new Param("max_iterations", 1, 1_000_000, true, 500))),
          Task.ANOMALY,
          Map.of(
              "isolation_forest",
              List.of(
                  new Param("trees", 1, 10_000, true, 100),
                  new Param("max_depth", 0, 64, true, 0),
                  new Param("subsample", 0.01, 0.99, false, 0.7),
                  new Param("extension_level", 0, 1_000, true, 0),
                  new Param("contamination", 0.0001, 0.5, false, 0.05))));

  private Algorithms() {}

  /**
   * What a hyperparameter's value means: the choice's name for a choice, the number otherwise, for
   * people reading a model's metadata or a search's trials.
   */
  public static Object describe(Task task, String algorithm, String name, double value) {
    List<Param> params = params(task, algorithm);
    if (params == null) return value;
    return params.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .map(p -> p.describe(value))
        .orElse(value);
  }

  /**
   * The same for a report that knows a parameter's name but not its algorithm (a search's trial
   * list): a choice's name wherever some algorithm declares {@code name} as a choice, since choice
   * names are not reused with other meanings.
   */
  public static String describe(String name, double value) {
    for (Map<String, List<Param>> byAlgorithm : TABLE.values()) {
      for (List<Param> params : byAlgorithm.values()) {
        for (Param p : params) {
          if (p.name().equals(name) && p.isChoice()) return String.valueOf(p.describe(value));
        }
      }
    }
    return null;
  }

  public static Set<String> supported(Task task) {
    return TABLE.getOrDefault(task, Map.of()).keySet();
  }

  /** The accepted hyperparameters, or {@code null} when the task does not support the algorithm. */
  public static List<Param> params(Task task, String algorithm) {
    return TABLE.getOrDefault(task, Map.of()).get(algorithm);
  }
}
