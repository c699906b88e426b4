package dev.tollgate.activities.train.ray;

import dev.tollgate.activities.train.command.TrainRows;
import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.RaySpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Ray training run, as the train stage asks for it.
 *
 * @param execution the Temporal workflow execution's run id ({@code null} outside one: tests): part
 *     of the submission id, so that two executions with the same model and run id (two Tollgate
 *     namespaces on one cluster, a run id used again) never take each other's jobs
 * @param attempt the activity's attempt (part of the submission id of a job it submits)
 * @param command argv, run by the launcher in the job's working directory; the params follow
 * @param workdir the spec's workdir, already re-checked on this worker (shipped as the package)
 * @param requirementLines {@code runtime_env.requirements}'s lines, read on this worker; empty
 * @param env {@code training.env} (plain values; {@code runtime_env.env_vars} come with {@code
 *     ray})
 * @param progressRegex {@code progress_regex}, or {@code null}
 */
public record RayRequest(
    String model,
    String runId,
    String execution,
    int attempt,
    List<String> command,
    Path workdir,
    List<String> requirementLines,
    RaySpec ray,
    TrainRows trainRows,
    Map<String, ParamValue> params,
    Map<String, String> env,
    Duration timeout,
    Pattern progressRegex) {

  public RayRequest {
    command = List.copyOf(command);
    requirementLines = List.copyOf(requirementLines);
    Objects.requireNonNull(ray, "ray");
    Objects.requireNonNull(workdir, "workdir");
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    env = Map.copyOf(env);
    if (command.isEmpty()) throw new IllegalArgumentException("runner: ray needs a command");
  }
}
