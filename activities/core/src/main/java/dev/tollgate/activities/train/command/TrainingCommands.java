package dev.tollgate.activities.train.command;

/**
 * Whether this worker runs training commands, and its runner when it does. A spec's {@code
 * training.command} is code run on the worker, so it is off unless the operator turned it on;
 * {@link #runner} then refuses with how to turn it on, before anything is copied or started.
 */
public final class TrainingCommands {

  /** The message of a run on a worker that does not run commands. */
  public static final String DISABLED =
      "this worker does not run training commands: training.command runs the spec's code on the"
          + " worker, so it is off unless the operator turns it on. Start the worker with"
          + " `tollgate worker --training-commands` (or TOLLGATE_TRAINING_COMMANDS=true, setting"
          + " tollgate.training.commands-enabled), or route the run with training.task_queue to a"
          + " worker that has it on";

  private final CommandRunner runner;
  private final PythonEnvs pythonEnvs;

  private TrainingCommands(CommandRunner runner, PythonEnvs pythonEnvs) {
    this.runner = runner;
    this.pythonEnvs = pythonEnvs;
  }

  public static TrainingCommands disabled() {
    return new TrainingCommands(null, null);
  }

  public static TrainingCommands enabled(CommandRunner runner, PythonEnvs pythonEnvs) {
    return new TrainingCommands(
        java.util.Objects.requireNonNull(runner, "runner"),
        java.util.Objects.requireNonNull(pythonEnvs, "pythonEnvs"));
  }

  public boolean isEnabled() {
    return runner != null;
  }

  /** The runner; an {@link IllegalStateException} with {@link #DISABLED} when commands are off. */
  public CommandRunner runner() {
    if (runner == null) throw new IllegalStateException(DISABLED);
    return runner;
  }

  /**
   * The venvs of {@code python.requirements}; refused as {@link #runner} is when commands are off.
   */
  public PythonEnvs pythonEnvs() {
    if (pythonEnvs == null) throw new IllegalStateException(DISABLED);
    return pythonEnvs;
  }
}
