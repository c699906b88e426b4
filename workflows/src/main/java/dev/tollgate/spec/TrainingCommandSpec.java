package dev.tollgate.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Training by the team's own command ({@code training.command}), or a model trained elsewhere
 * ({@code training.import}); exactly one of {@link #command} and {@link #importUri} is set. Paths
 * are absolute, resolved against the spec's folder and inside it; the worker checks them again
 * (symbolic links) before it runs anything.
 *
 * @param command argv, no shell; empty for an import
 * @param workdir the folder the command runs in (default: the spec's folder)
 * @param requirements {@code python.requirements}, resolved against {@code workdir}; {@code null}
 *     when the command brings its own environment
 * @param params hyperparameters (numbers, texts, flags), passed as {@code --key value} and {@code
 *     hyperparameters.json}
 * @param env plain environment values; secrets come from the worker's environment, never the spec
 * @param timeout start-to-close of the command (default 2h)
 * @param taskQueue the worker pool that runs the command; {@code null} for the pipeline's own
 * @param progressRegex {@code progress_regex}, with a named group {@code fraction} or {@code
 *     percent}; {@code null} for only {@code tollgate:progress} lines
 * @param importUri {@code import.uri}: {@code s3://…} as written or {@code file:} resolved
 * @param specDir the spec's folder (absolute): the worker re-checks {@code workdir}, {@code
 *     requirements} and a {@code file:} import against its real path
 * @param container {@code runner: container}'s image and limits; {@code null} for a command run on
 *     the worker itself (then {@code command} is required) and for an import. In a container,
 *     {@code command} may be empty (the image's own) and {@code workdir} is {@code null}
 * @param ray {@code runner: ray}'s cluster and runtime environment; {@code null} for every other
 *     runner. On Ray, {@code command} is required and {@code workdir} is shipped as the job's
 *     working directory
 */
public record TrainingCommandSpec(
    List<String> command,
    String workdir,
    String requirements,
    Map<String, ParamValue> params,
    Map<String, String> env,
    Duration timeout,
    String taskQueue,
    String progressRegex,
    String importUri,
    String specDir,
    // left out of the JSON when absent, so the payloads of runs without a container are unchanged
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        ContainerSpec container,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        RaySpec ray) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);

  public TrainingCommandSpec {
    command = List.copyOf(command);
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    env = Map.copyOf(env);
    boolean runs = !command.isEmpty() || container != null;
    if (runs == (importUri != null)) {
      throw new IllegalArgumentException("exactly one of command (or container) and importUri");
    }
    if (container != null && ray != null) {
      throw new IllegalArgumentException("one runner: container or ray, not both");
    }
    if (ray != null && command.isEmpty()) {
      throw new IllegalArgumentException("runner: ray needs a command");
    }
  }

  /** {@code runner: container} (no Ray). */
  public TrainingCommandSpec(
      List<String> command,
      String workdir,
      String requirements,
      Map<String, ParamValue> params,
      Map<String, String> env,
      Duration timeout,
      String taskQueue,
      String progressRegex,
      String importUri,
      String specDir,
      ContainerSpec container) {
    this(
        command,
        workdir,
        requirements,
        params,
        env,
        timeout,
        taskQueue,
        progressRegex,
        importUri,
        specDir,
        container,
        null);
  }

  /** A command run on the worker itself, or an import (no container). */
  public TrainingCommandSpec(
      List<String> command,
      String workdir,
      String requirements,
      Map<String, ParamValue> params,
      Map<String, String> env,
      Duration timeout,
      String taskQueue,
      String progressRegex,
      String importUri,
      String specDir) {
    this(
        command,
        workdir,
        requirements,
        params,
        env,
        timeout,
        taskQueue,
        progressRegex,
        importUri,
        specDir,
        null);
  }

  /** {@code runner: container}. */
  public boolean inContainer() {
    return container != null;
  }

  /** {@code runner: ray}. */
  public boolean onRay() {
    return ray != null;
  }

  public boolean imported() {
    return importUri != null;
  }
}
