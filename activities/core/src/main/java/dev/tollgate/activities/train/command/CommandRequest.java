package dev.tollgate.activities.train.command;

import dev.tollgate.spec.ParamValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One run of a team's training command, as the train activity hands it to {@link CommandRunner}.
 *
 * @param argv the command and its arguments, run without a shell; hyperparameters are appended as
 *     {@code --key value}
 * @param workdir the folder the command runs in (the team's code); {@code null} runs it in the
 *     fresh run folder itself
 * @param trainRows the training rows of Tollgate's split, written into the train channel as {@code
 *     train.csv}; the holdout is never given
 * @param params the hyperparameters, in the spec's order
 * @param env the spec's plain environment values (checked by the spec reader)
 * @param timeout how long the command may run before its group is stopped
 * @param progressRegex an extra pattern for progress lines with a named group {@code fraction} (0
 *     to 1) or {@code percent} (0 to 100) and optionally {@code text}; {@code null} for only {@code
 *     tollgate:progress} lines
 * @param venv the {@link PythonEnvs} venv whose {@code bin} goes first on the command's PATH (and
 *     {@code VIRTUAL_ENV}); {@code null} without {@code python.requirements}
 */
public record CommandRequest(
    List<String> argv,
    Path workdir,
    TrainRows trainRows,
    Map<String, ParamValue> params,
    Map<String, String> env,
    Duration timeout,
    Pattern progressRegex,
    Path venv) {

  /** Without a venv, the rows already in {@code trainCsv} (tests, tools). */
  public CommandRequest(
      List<String> argv,
      Path workdir,
      Path trainCsv,
      Map<String, ParamValue> params,
      Map<String, String> env,
      Duration timeout,
      Pattern progressRegex) {
    this(argv, workdir, TrainRows.copyOf(trainCsv), params, env, timeout, progressRegex, null);
  }

  /** The same request run with {@code venv}'s Python. */
  public CommandRequest withVenv(Path venv) {
    return new CommandRequest(argv, workdir, trainRows, params, env, timeout, progressRegex, venv);
  }

  public CommandRequest {
    argv = List.copyOf(argv);
    if (argv.isEmpty() || argv.get(0).isBlank()) {
      throw new IllegalArgumentException("the training command is empty");
    }
    Objects.requireNonNull(trainRows, "trainRows");
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
