package dev.tollgate.benchmarks;

import java.util.Map;

/**
 * The hyperparameters each Tollgate algorithm is benchmarked with; what is not named keeps
 * Tollgate's default ({@code dev.tollgate.spec.AlgorithmCatalogue}). benchmarks/README.md lists the
 * matching settings of the Python side.
 */
final class BenchSettings {
  private BenchSettings() {}

  static Map<String, Object> params(String algorithm) {
    return switch (algorithm) {
      // A spec that names the algorithm and nothing else (issue 28): what LightGBM, scikit-learn's
      // *_tollgate_shape settings and the small-data benchmark are compared against.
      case "gradient_boosting_defaults" -> Map.of();
      // The same spec's values before issue 28 made shrinkage and bins depend on the training
      // set's size (ADR 0019): "no worse than before" is measured against this.
      case "gradient_boosting_before_28" -> Map.of("shrinkage", 0.05, "max_bin", 256.0);
      // XGBoost hist in Tollgate's default shape for regression: best-first, at most 31 leaves
      // of 20 rows or more (unit hessians), no L2, every row; max_bin 256 (pinned: from 50,000
      // training rows the default is 128), as scikit-learn's 255.
      case "gradient_boosting" ->
          Map.of("trees", 200.0, "max_depth", 6.0, "shrinkage", 0.1, "max_bin", 256.0);
      // The shape Tollgate's default was before: depth-6 trees grown level by level, leaves of
      // any weight, L2 1, 80 % of the rows per tree. xgboost-python's gradient_boosting_hist.
      case "gradient_boosting_depth6" ->
          Map.of(
              "trees", 200.0,
              "max_depth", 6.0,
              "shrinkage", 0.1,
              "grow_policy", "depthwise",
              "max_leaves", 0.0,
              "min_child_weight", 1.0,
              "lambda", 1.0,
              "subsample", 0.8,
              "max_bin", 256.0);
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
    return setting.startsWith("gradient_boosting_") ? "gradient_boosting" : setting;
  }

  /** The library behind each setting, for the results table. */
  static String library(String setting) {
    return algorithm(setting).equals("gradient_boosting") ? "tollgate/xgboost4j" : "tollgate/smile";
  }
}
