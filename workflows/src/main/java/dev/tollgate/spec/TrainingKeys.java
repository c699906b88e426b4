package dev.tollgate.spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code training}: either the algorithm (one the task supports), its hyperparameters and the
 * optional search, or the team's own {@code command} / an {@code import} ({@link
 * TrainingCommandKeys}); and for both the split Tollgate makes: the seed, the holdout share and
 * stratification.
 */
final class TrainingKeys {
  /** The split's keys, the same for an algorithm and a command. */
  static final Set<String> SPLIT = Set.of("seed", "holdout", "stratify");

  private TrainingKeys() {}

  static TrainingSpec read(YamlSection s, Task task, Path specDir) {
    if (s.has("command")
        || s.has("import")
        || s.has("runner")
        || s.has("image")
        || RayKeys.KEYS.stream().anyMatch(s::has)) {
      return byCommand(s, task, specDir);
    }
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
    if (!s.has("algorithm")) {
      throw s.error("algorithm", "missing; " + choices + ", or command: [...] to run your own");
    }
    String algorithm = s.string("algorithm", true);
    Algorithm entry = AlgorithmCatalogue.find(task, algorithm);
    if (entry == null) throw s.error("algorithm", choices + ", got '" + algorithm + "'");
    Map<String, ParamValue> params = ParamKeys.read(s.section("params", false), entry);
    Split split = split(s, task);
    YamlSection search = s.section("search", false);
    return new TrainingSpec(
        algorithm,
        params,
        split.seed(),
        split.holdout(),
        search == null ? null : SearchKeys.read(search, task, entry, TaskMetrics.of(task)),
        split.stratify());
  }

  /** A command or an import: the catalogue's keys are refused, the split is read as above. */
  private static TrainingSpec byCommand(YamlSection s, Task task, Path specDir) {
    for (String key : new String[] {"algorithm", "search"}) {
      if (s.has(key)) {
        throw s.error(
            key,
            "only for a catalogue algorithm; a spec with "
                + (s.has("import") ? "import" : s.has("command") ? "command" : "a runner")
                + " trains with its own code (tune inside it, or pass params)");
      }
    }
    // a spec read from text with no folder (tests, stdin) resolves against the working folder
    Path dir = specDir == null ? Path.of("").toAbsolutePath() : specDir;
    TrainingCommandSpec command = TrainingCommandKeys.read(s, dir);
    Split split = split(s, task);
    return TrainingSpec.byCommand(command, split.seed(), split.holdout(), split.stratify());
  }

  private record Split(long seed, double holdout, Boolean stratify) {}

  private static Split split(YamlSection s, Task task) {
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
    return new Split(seed == null ? 42 : seed, holdout == null ? 0.2 : holdout, stratify);
  }
}
