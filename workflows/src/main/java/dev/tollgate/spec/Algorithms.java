package dev.tollgate.spec;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The algorithms a spec may name for each task, and the hyperparameters each accepts with their
 * allowed ranges. The parser checks specs against this table, so a typo is refused before a run
 * starts instead of failing mid-training.
 */
public final class Algorithms {

  /** A hyperparameter's allowed range (inclusive) and whether it must be a whole number. */
  public record Param(String name, double min, double max, boolean integer, double defaultValue) {}

  private static final Map<Task, Map<String, List<Param>>> TABLE =
      Map.of(
          Task.REGRESSION,
          Map.of(
              "gradient_boosting",
              List.of(
                  new Param("trees", 1, 10_000, true, 200),
                  new Param("max_depth", 2, 64, true, 6),
                  new Param("max_nodes", 2, 1_000_000, true, 64),
                  new Param("shrinkage", 1e-6, 1, false, 0.05),
                  new Param("subsample", 0.05, 1, false, 0.7),
                  new Param("node_size", 1, 1_000_000, true, 5)),
              "random_forest",
              List.of(
                  new Param("trees", 1, 10_000, true, 200),
                  new Param("max_depth", 2, 64, true, 20),
                  new Param("max_nodes", 2, 1_000_000, true, 10_000),
                  new Param("node_size", 1, 1_000_000, true, 5),
                  new Param("subsample", 0.05, 1, false, 1.0)),
              "linear",
              List.of()));

  private Algorithms() {}

  public static Set<String> supported(Task task) {
    return TABLE.getOrDefault(task, Map.of()).keySet();
  }

  /** The accepted hyperparameters, or {@code null} when the task does not support the algorithm. */
  public static List<Param> params(Task task, String algorithm) {
    return TABLE.getOrDefault(task, Map.of()).get(algorithm);
  }
}
