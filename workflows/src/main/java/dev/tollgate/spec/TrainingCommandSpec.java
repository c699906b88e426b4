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
    String specDir) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);

  public TrainingCommandSpec {
    command = List.copyOf(command);
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    env = Map.copyOf(env);
    if (command.isEmpty() == (importUri == null)) {
      throw new IllegalArgumentException("exactly one of command and importUri");
    }
  }

  public boolean imported() {
    return importUri != null;
  }
}
