package dev.tollgate.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the bring-your-own-training keys of {@code training}: {@code command} (argv) or {@code
 * import}, and with a command its {@code workdir}, {@code python}, {@code params}, {@code env},
 * {@code timeout}, {@code task_queue} and {@code progress_regex}; with {@code runner: container}
 * the container's keys ({@link ContainerKeys}) instead of {@code workdir} and {@code python}; with
 * {@code runner: ray} the cluster's keys ({@link RayKeys}) instead of {@code python}. {@link
 * TrainingKeys} calls this when {@code training} has {@code command} or {@code import}, and reads
 * the split's keys ({@code seed}, {@code holdout}, {@code stratify}) itself, as for an algorithm.
 */
final class TrainingCommandKeys {
  static final Set<String> KEYS =
      Set.of(
          "command",
          "workdir",
          "python",
          "params",
          "env",
          "timeout",
          "task_queue",
          "progress_regex",
          "import",
          "runner",
          "image",
          "cpus",
          "memory",
          "gpus",
          "network",
          "address",
          "entrypoint_num_cpus",
          "entrypoint_num_gpus",
          "runtime_env");
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private TrainingCommandKeys() {}

  /** {@code training} with a command or an import; {@code specDir} is the spec's folder. */
  static TrainingCommandSpec read(YamlSection s, Path specDir) {
    s.rejectUnknownKeys(
        java.util.stream.Stream.concat(KEYS.stream(), TrainingKeys.SPLIT.stream())
            .collect(java.util.stream.Collectors.toSet()));
    Path base = specDir.toAbsolutePath().normalize();
    if (s.has("import")) {
      for (String key : runnerKeys()) {
        if (s.has(key)) throw s.error(key, "only for a training command; an import runs nothing");
      }
    }
    String runner = ContainerKeys.runner(s);
    if (!runner.equals("container")) {
      ContainerKeys.rejectWithoutContainer(
          s,
          runner.equals("ray")
              ? "runner: ray runs on the cluster's nodes, which bring their own limits"
              : "a command runs on the worker itself");
    }
    if (!runner.equals("ray")) {
      RayKeys.rejectWithoutRay(
          s,
          runner.equals("container")
              ? "a container runs on the worker's Docker host"
              : "a command runs on the worker itself (runner: ray sends it to a Ray cluster)");
    }
    if (runner.equals("container") && !s.has("import")) return inContainer(s, base);
    if (runner.equals("ray")) return onRay(s, base);
    if (s.has("command") == s.has("import")) {
      throw s.error(
          s.has("command") ? "import" : "command",
          s.has("command")
              ? "a spec either runs a command or imports a model, not both"
              : "missing; expected the training command as a list such as [python, train.py], or"
                  + " import: {uri: ...} for a model trained elsewhere");
    }
    if (s.has("import")) return imported(s, base);
    List<String> command = s.strings("command", true);
    if (command.isEmpty())
      throw s.error("command", "expected at least the program, such as [python, train.py]");
    Path workdir = SpecPaths.inside(s, "workdir", base, base);
    YamlSection python = s.section("python", false);
    String requirements = null;
    if (python != null) {
      python.rejectUnknownKeys(Set.of("requirements"));
      requirements = SpecPaths.inside(python, "requirements", workdir, base).toString();
    }
    Duration timeout = s.duration("timeout", false);
    String queue = taskQueue(s);
    return new TrainingCommandSpec(
        command,
        workdir.toString(),
        requirements,
        CommandValueKeys.params(s.section("params", false)),
        CommandValueKeys.env(s.section("env", false)),
        timeout == null ? TrainingCommandSpec.DEFAULT_TIMEOUT : timeout,
        queue,
        progressRegex(s),
        null,
        base.toString());
  }

  /**
   * {@code runner: container}: the image brings the code and its packages, so {@code workdir} and
   * {@code python} are refused; {@code command} is optional: the whole argv in the container
   * (absent: the image's own ENTRYPOINT and CMD).
   */
  private static TrainingCommandSpec inContainer(YamlSection s, Path base) {
    for (String key : List.of("workdir", "python")) {
      if (s.has(key)) {
        throw s.error(
            key, "only for runner: command; a container brings its code and packages in its image");
      }
    }
    List<String> command = s.has("command") ? s.strings("command", true) : List.of();
    if (s.has("command") && command.isEmpty()) {
      throw s.error(
          "command", "expected at least the program, or leave it out to run the image's own");
    }
    Duration timeout = s.duration("timeout", false);
    return new TrainingCommandSpec(
        command,
        null,
        null,
        CommandValueKeys.params(s.section("params", false)),
        CommandValueKeys.env(s.section("env", false)),
        timeout == null ? TrainingCommandSpec.DEFAULT_TIMEOUT : timeout,
        taskQueue(s),
        progressRegex(s),
        null,
        base.toString(),
        ContainerKeys.read(s));
  }

  /**
   * {@code runner: ray}: the command runs as a Ray job; {@code workdir} is shipped as its working
   * folder, and packages come from {@code runtime_env} (Ray installs them on the nodes), so {@code
   * python.requirements}, which makes a venv on the worker, is refused.
   */
  private static TrainingCommandSpec onRay(YamlSection s, Path base) {
    if (s.has("python")) {
      throw s.error(
          "python",
          "only for runner: command; with runner: ray use runtime_env.requirements: Ray installs"
              + " packages on the cluster");
    }
    List<String> command = s.strings("command", false);
    if (command.isEmpty()) {
      throw s.error(
          "command",
          (s.has("command") ? "expected at least the program" : "missing")
              + "; runner: ray runs the training command as a Ray job, such as [python,"
              + " train.py]");
    }
    Path workdir = SpecPaths.inside(s, "workdir", base, base);
    java.util.Map<String, String> env = CommandValueKeys.env(s.section("env", false));
    Duration timeout = s.duration("timeout", false);
    return new TrainingCommandSpec(
        command,
        workdir.toString(),
        null,
        CommandValueKeys.params(s.section("params", false)),
        env,
        timeout == null ? TrainingCommandSpec.DEFAULT_TIMEOUT : timeout,
        taskQueue(s),
        progressRegex(s),
        null,
        base.toString(),
        null,
        RayKeys.read(s, workdir, base, env));
  }

  private static Set<String> runnerKeys() {
    Set<String> keys = new java.util.HashSet<>(ContainerKeys.KEYS);
    keys.addAll(RayKeys.KEYS);
    return keys;
  }

  private static String taskQueue(YamlSection s) {
    String queue = s.string("task_queue", false);
    if (queue != null && !QUEUE.matcher(queue).matches()) {
      throw s.error(
          "task_queue",
          "expected a queue name of letters, digits, '.', '_' or '-', got '" + queue + "'");
    }
    return queue;
  }

  private static TrainingCommandSpec imported(YamlSection s, Path base) {
    for (String key :
        List.of("workdir", "python", "params", "env", "timeout", "task_queue", "progress_regex")) {
      if (s.has(key)) throw s.error(key, "only for a training command; an import runs nothing");
    }
    YamlSection imp = s.section("import", true);
    imp.rejectUnknownKeys(Set.of("uri"));
    String uri = SpecValues.datasetUri(imp, "uri", base);
    if (uri == null)
      throw imp.error("uri", "missing; expected s3://bucket/model.onnx or file:model.onnx");
    return new TrainingCommandSpec(
        List.of(),
        null,
        null,
        java.util.Map.of(),
        java.util.Map.of(),
        null,
        null,
        null,
        uri,
        base.toString());
  }

  private static String progressRegex(YamlSection s) {
    String regex = s.string("progress_regex", false);
    if (regex == null) return null;
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw s.error("progress_regex", "not a regular expression: " + e.getDescription());
    }
    if (!regex.contains("(?<fraction>") && !regex.contains("(?<percent>")) {
      throw s.error(
          "progress_regex",
          "expected a named group (?<fraction>...) from 0 to 1 or (?<percent>...) from 0 to 100");
    }
    return regex;
  }
}
