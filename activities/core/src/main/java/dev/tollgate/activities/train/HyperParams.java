package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.Algorithms;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hyperparameters a model is actually trained with: the spec's values, completed with the
 * defaults of {@link Algorithms}. Stored whole in the metadata, so a model says exactly how it was
 * made even when the spec left most values out (and the defaults change later).
 */
public record HyperParams(Task task, String algorithm, Map<String, Double> values) {

  public HyperParams {
    values = Map.copyOf(values);
  }

  public static HyperParams resolve(Task task, TrainingSpec training) {
    List<Algorithms.Param> table = Algorithms.params(task, training.algorithm());
    if (table == null) {
      throw Failures.unsupported(
          "algorithm '"
              + training.algorithm()
              + "' is not supported for task "
              + task.name().toLowerCase(java.util.Locale.ROOT)
              + " (supported: "
              + String.join(", ", new java.util.TreeSet<>(Algorithms.supported(task)))
              + ")");
    }
    Map<String, Double> values = new TreeMap<>();
    for (Algorithms.Param param : table) {
      values.put(param.name(), training.param(param.name(), param.defaultValue()));
    }
    for (String name : training.params().keySet()) {
      if (!values.containsKey(name)) {
        throw Failures.unsupported(
            training.algorithm()
                + " has no hyperparameter '"
                + name
                + "' (accepts: "
                + values.keySet()
                + ")");
      }
    }
    return new HyperParams(task, training.algorithm(), values);
  }

  /** The values as people read them: numbers, and the chosen name for a choice. */
  public Map<String, Object> described() {
    Map<String, Object> described = new TreeMap<>();
    values.forEach(
        (name, value) -> described.put(name, Algorithms.describe(task, algorithm, name, value)));
    return described;
  }

  /** The chosen name of a choice hyperparameter such as {@code grow_policy}. */
  public String choice(String name) {
    return String.valueOf(Algorithms.describe(task, algorithm, name, real(name)));
  }

  public int integer(String name) {
    return (int) Math.round(real(name));
  }

  public double real(String name) {
    Double value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException(algorithm + " has no hyperparameter " + name);
    }
    return value;
  }
}
