package dev.tollgate.benchmarks;

import java.util.Map;

/**
 * The hyperparameters each Tollgate algorithm is benchmarked with; what is not named keeps
 * Tollgate's default ({@code dev.tollgate.spec.Algorithms}). benchmarks/README.md lists the
 * matching settings of the Python side.
 */
final class BenchSettings {
  private BenchSettings() {}

  static Map<String, Double> params(String algorithm) {
    return switch (algorithm) {
      // XGBoost hist; Tollgate's defaults for the rest: subsample 0.8, min_child_weight 1,
      // lambda 1, max_bin 256.
      case "gradient_boosting" -> Map.of("trees", 200.0, "max_depth", 6.0, "shrinkage", 0.1);
      // The same trainer grown in scikit-learn's default shape (docs/pipeline-spec.md): best-first,
      // at most 31 leaves of at least 20 rows (unit hessians), no L2 penalty, no row subsampling.
      case "gradient_boosting_31_leaves" ->
          Map.of(
              "trees", 200.0,
              "max_depth", 6.0,
              "shrinkage", 0.1,
              "grow_policy", 1.0, // lossguide
              "max_leaves", 31.0,
              "min_child_weight", 20.0,
              "lambda", 0.0,
              "subsample", 1.0);
      // Smile counts the root as depth 1 (a split at depth d is refused when d >= max_depth), so
      // its max_depth 7 grows XGBoost's depth-6 trees: at most 6 splits deep, 64 leaves.
      case "smile_gradient_boosting" ->
          Map.of(
              "trees", 200.0,
              "max_depth", 7.0,
              "max_nodes", 64.0,
              "shrinkage", 0.1,
              "subsample", 0.8,
              "node_size", 1.0);
      // Tollgate's defaults otherwise: max_depth 20 (19 splits deep), max_nodes 10,000 leaves,
      // node_size 5 (smallest leaf), bootstrap samples, mtry = 20 / 3 = 6 features per split.
      case "random_forest" -> Map.of("trees", 100.0);
      default -> throw new IllegalArgumentException("no benchmark settings for " + algorithm);
    };
  }

  /** The Tollgate algorithm a setting's name trains. */
  static String algorithm(String setting) {
    return setting.equals("gradient_boosting_31_leaves") ? "gradient_boosting" : setting;
  }

  /** The library behind each setting, for the results table. */
  static String library(String setting) {
    return algorithm(setting).equals("gradient_boosting") ? "tollgate/xgboost4j" : "tollgate/smile";
  }
}
