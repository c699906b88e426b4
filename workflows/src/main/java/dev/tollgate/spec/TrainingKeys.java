package dev.tollgate.spec;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code training}: the algorithm (one the task supports), its hyperparameters, the seed, the
 * holdout share, stratification and the optional search.
 */
final class TrainingKeys {
  private TrainingKeys() {}

  static TrainingSpec read(YamlSection s, Task task) {
    s.rejectUnknownKeys(Set.of("algorithm", "params", "seed", "holdout", "search", "stratify"));
    if (AlgorithmCatalogue.names(task).isEmpty()) {
      throw new SpecException(
          s.file(),
          "task",
          "task "
              + task.name().toLowerCase(Locale.ROOT)
              + " has no trainer in this version yet; expected regression");
    }
    String choices =
        "expected one of "
            + AlgorithmCatalogue.names(task)
            + " for task "
            + task.name().toLowerCase(Locale.ROOT);
    // A missing algorithm lists the choices, as a wrong one does (not just "expected text").
    if (!s.has("algorithm")) throw s.error("algorithm", "missing; " + choices);
    String algorithm = s.string("algorithm", true);
    Algorithm entry = AlgorithmCatalogue.find(task, algorithm);
    if (entry == null) throw s.error("algorithm", choices + ", got '" + algorithm + "'");
    Map<String, ParamValue> params = ParamKeys.read(s.section("params", false), entry);
    Integer seed = s.integer("seed", false);
    Double holdout = s.number("holdout", false);
    if (holdout != null && !(holdout > 0 && holdout < 1)) {
      throw s.error("holdout", "expected a share between 0 and 1 such as 0.2, got " + holdout);
    }
    Boolean stratify = s.bool("stratify");
    if (Boolean.TRUE.equals(stratify) && task != Task.CLASSIFICATION) {
      throw s.error(
          "stratify",
          "only a classification holdout can be stratified (it keeps each class's share);"
              + " task is "
              + task.name().toLowerCase(Locale.ROOT));
    }
    YamlSection search = s.section("search", false);
    return new TrainingSpec(
        algorithm,
        params,
        seed == null ? 42 : seed,
        holdout == null ? 0.2 : holdout,
        search == null ? null : SearchKeys.read(search, task, entry, TaskMetrics.of(task)),
        stratify);
  }
}
