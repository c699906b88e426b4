package dev.tollgate.spec;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One entry of the {@link AlgorithmCatalogue}: an algorithm a spec may name for a task, and the
 * hyperparameters it accepts there. The same name may be an entry for several tasks, with other
 * defaults (gradient boosting) or another trainer (random forest) for each.
 */
public record Algorithm(String name, Task task, List<Hyperparameter> hyperparameters) {

  public Algorithm {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(task, "task");
    hyperparameters = List.copyOf(hyperparameters);
  }

  /** The hyperparameter called {@code name}, or {@code null} when the algorithm has none. */
  public Hyperparameter hyperparameter(String name) {
    return hyperparameters.stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
  }

  /** The hyperparameters' names, sorted. */
  public Set<String> hyperparameterNames() {
    Set<String> names = new TreeSet<>();
    hyperparameters.forEach(h -> names.add(h.name()));
    return names;
  }
}
