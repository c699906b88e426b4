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
public record HyperParams(String algorithm, Map<String, Double> values) {

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
    return new HyperParams(training.algorithm(), values);
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
