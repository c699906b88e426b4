package dev.tollgate.worker.training;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tollgate.training.*}: whether this worker runs a spec's own training command, and how
 * (docs/training-contract.md).
 *
 * @param commandsEnabled run {@code training.command} (TOLLGATE_TRAINING_COMMANDS, {@code tollgate
 *     worker --training-commands}); off by default, because a command is code from the spec run
 *     with the worker's user
 * @param passEnv names of the worker's environment variables a command also gets, beyond PATH,
 *     HOME, the locale and the GPU selection (TOLLGATE_TRAINING_PASS_ENV, comma-separated), e.g.
 *     WANDB_API_KEY; never TOLLGATE_*, AWS_* or SM_*
 * @param grace between SIGTERM and SIGKILL when a command's group is stopped
 *     (TOLLGATE_TRAINING_GRACE, 10s)
 * @param pipTimeout the most making one {@code python.requirements} venv may take
 *     (TOLLGATE_TRAINING_PIP_TIMEOUT, 30m)
 */
@ConfigurationProperties("tollgate.training")
public record TrainingCommandProperties(
    @DefaultValue("false") boolean commandsEnabled,
    @DefaultValue("") List<String> passEnv,
    @DefaultValue("10s") Duration grace,
    @DefaultValue("30m") Duration pipTimeout) {

  public TrainingCommandProperties {
    passEnv =
        passEnv == null
            ? List.of()
            : passEnv.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("tollgate.training.grace must be zero or more");
    }
    if (pipTimeout == null || pipTimeout.isNegative() || pipTimeout.isZero()) {
      throw new IllegalArgumentException("tollgate.training.pip-timeout must be positive");
    }
  }
}
