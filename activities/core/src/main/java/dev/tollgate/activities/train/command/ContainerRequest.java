package dev.tollgate.activities.train.command;

import dev.tollgate.spec.ContainerSpec;
import dev.tollgate.spec.ParamValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One run of a training container, as the train activity hands it to {@link ContainerRunner}.
 *
 * @param model the model's name (the container's name and labels)
 * @param runId the run (the container's name and labels)
 * @param attempt the activity's attempt, so each attempt's container has its own name
 * @param container the spec's image and limits (the worker's policy applies)
 * @param command the spec's command, the whole argv (it replaces the image's ENTRYPOINT and CMD);
 *     empty: the image's own ENTRYPOINT and CMD
 * @param trainRows the training rows, written into the train channel as {@code train.csv}
 * @param params the hyperparameters, appended as {@code --key value} and in {@code
 *     hyperparameters.json}
 * @param env the spec's plain environment values
 * @param timeout how long the container may run before it is stopped
 * @param progressRegex as for a command ({@link CommandRequest#progressRegex})
 */
public record ContainerRequest(
    String model,
    String runId,
    int attempt,
    ContainerSpec container,
    List<String> command,
    TrainRows trainRows,
    Map<String, ParamValue> params,
    Map<String, String> env,
    Duration timeout,
    Pattern progressRegex) {

  public ContainerRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(trainRows, "trainRows");
    command = command == null ? List.of() : List.copyOf(command);
    params =
        params == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    env = env == null ? Map.of() : Map.copyOf(env);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }
}
