package dev.tollgate.activities.train.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The worker's side of running training commands, fixed when the worker starts (a spec cannot
 * change any of it).
 *
 * @param runsRoot where each run gets its fresh folder ({@code <worker home>/training-runs})
 * @param grace how long a stopped group has between SIGTERM and SIGKILL (10 s; shorter in tests)
 * @param tick how often the runner asks its {@link RunListener} whether to stop and re-sends the
 *     latest progress (the activity turns this into its heartbeat)
 * @param logLimitBytes the most {@code train.log} keeps, head and tail (1 MB)
 * @param passThroughEnv names of the worker's environment the command also gets, beyond {@link
 *     CommandEnvironment#BASE_NAMES}; never a {@code TOLLGATE_*} or {@code AWS_*} name (those are
 *     the worker's own secrets)
 */
public record RunnerSettings(
    Path runsRoot, Duration grace, Duration tick, int logLimitBytes, Set<String> passThroughEnv) {

  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
  public static final int DEFAULT_LOG_LIMIT = 1024 * 1024;

  public RunnerSettings {
    Objects.requireNonNull(runsRoot, "runsRoot");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(tick, "tick");
    if (logLimitBytes < 4096) {
      throw new IllegalArgumentException(
          "logLimitBytes must be at least 4096, got " + logLimitBytes);
    }
    passThroughEnv = passThroughEnv == null ? Set.of() : Set.copyOf(passThroughEnv);
    for (String name : passThroughEnv) {
      String upper = name.toUpperCase(Locale.ROOT);
      if (upper.startsWith("TOLLGATE_") || upper.startsWith("AWS_") || upper.startsWith("SM_")) {
        throw new IllegalArgumentException(
            "the worker's "
                + name
                + " is never passed to a training command (TOLLGATE_*, AWS_* and SM_* are the"
                + " worker's own settings and credentials, or the contract's)");
      }
    }
  }

  /** The defaults: 10 s grace, a 5 s tick, a 1 MB log, nothing passed beyond the base names. */
  public static RunnerSettings defaults(Path workerHome) {
    return new RunnerSettings(
        workerHome.resolve("training-runs"),
        DEFAULT_GRACE,
        Duration.ofSeconds(5),
        DEFAULT_LOG_LIMIT,
        Set.of());
  }
}
