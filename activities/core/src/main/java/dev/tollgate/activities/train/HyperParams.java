package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.Algorithm;
import dev.tollgate.spec.AlgorithmCatalogue;
import dev.tollgate.spec.Hyperparameter;
import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hyperparameters a model is actually trained with: the spec's values, completed with the
 * defaults of the {@link AlgorithmCatalogue}. Stored whole in the metadata, so a model says exactly
 * how it was made even when the spec left most values out (and the defaults change later).
 */
public record HyperParams(Task task, String algorithm, Map<String, ParamValue> values) {

  public HyperParams {
    values = Map.copyOf(values);
  }

  /**
   * Completes the spec's values with the catalogue's defaults for a small training set (below every
   * {@link dev.tollgate.spec.SizedDefault}): what checks a spec before its data is loaded. The
   * parser has checked the values already; a request that did not come through it (an older
   * payload, a hand-made one) is refused here rather than trained with a value of the wrong type.
   */
  public static HyperParams resolve(Task task, TrainingSpec training) {
    return resolve(task, training, 0);
  }

  /**
   * Completes the spec's values with the catalogue's defaults for a training set of {@code
   * trainingRows} rows ({@link AlgorithmCatalogue#defaultFor}): what a model is trained with.
   */
  public static HyperParams resolve(Task task, TrainingSpec training, long trainingRows) {
    Algorithm entry = AlgorithmCatalogue.find(task, training.algorithm());
    if (entry == null) {
      throw Failures.unsupported(
          "algorithm '"
              + training.algorithm()
              + "' is not supported for task "
              + task.name().toLowerCase(java.util.Locale.ROOT)
              + " (supported: "
              + String.join(", ", AlgorithmCatalogue.names(task))
              + ")");
    }
    Map<String, ParamValue> values = new TreeMap<>();
    for (Hyperparameter h : entry.hyperparameters()) {
      ParamValue given = training.param(h.name());
      if (given != null && !h.accepts(given)) {
        throw Failures.unsupported(
            training.algorithm()
                + "'s hyperparameter '"
                + h.name()
                + "' expects "
                + h.expected()
                + ", got "
                + given);
      }
      values.put(
          h.name(), given == null ? AlgorithmCatalogue.defaultFor(entry, h, trainingRows) : given);
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

  /** The values as people and JSON files read them: numbers, texts (a choice's name) and flags. */
  public Map<String, Object> described() {
    Map<String, Object> described = new TreeMap<>();
    values.forEach((name, value) -> described.put(name, value.plain()));
    return described;
  }

  /** The chosen name of a choice hyperparameter such as {@code grow_policy}. */
  public String text(String name) {
    return switch (value(name)) {
      case ParamValue.Text t -> t.value();
      default -> throw mistyped(name, "text");
    };
  }

  public boolean flag(String name) {
    return switch (value(name)) {
      case ParamValue.Flag f -> f.value();
      default -> throw mistyped(name, "true or false");
    };
  }

  public int integer(String name) {
    return (int) Math.round(real(name));
  }

  public double real(String name) {
    return switch (value(name)) {
      case ParamValue.Numeric n -> n.value();
      default -> throw mistyped(name, "a number");
    };
  }

  private ParamValue value(String name) {
    ParamValue value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException(algorithm + " has no hyperparameter " + name);
    }
    return value;
  }

  private IllegalArgumentException mistyped(String name, String expected) {
    return new IllegalArgumentException(
        algorithm + "'s hyperparameter " + name + " is " + values.get(name) + ", not " + expected);
  }
}
