package dev.tollgate.activities.train.command;

import dev.tollgate.activities.train.ray.RayRunner;

/**
 * Whether this worker runs training commands, training containers and Ray jobs (each switched on
 * its own), and their runners when it does. A spec's {@code training.command} is code run on the
 * worker, so it is off unless the operator turned it on; {@link #runner} then refuses with how to
 * turn it on, before anything is copied or started.
 */
public final class TrainingCommands {

  /** The message of a run on a worker that does not run commands. */
  public static final String DISABLED =
      "this worker does not run training commands: training.command runs the spec's code on the"
          + " worker, so it is off unless the operator turns it on. Start the worker with"
          + " `tollgate worker --training-commands` (or TOLLGATE_TRAINING_COMMANDS=true, setting"
          + " tollgate.training.commands-enabled), or route the run with training.task_queue to a"
          + " worker that has it on";

  /** The message of a {@code runner: container} run on a worker that does not run containers. */
  public static final String CONTAINERS_DISABLED =
      "this worker does not run training containers: training.runner: container runs the spec's"
          + " image on the worker's container engine, so it is off unless the operator turns it"
          + " on. Start the worker with `tollgate worker --training-containers` (or"
          + " TOLLGATE_TRAINING_CONTAINERS=true, setting tollgate.training.containers.enabled), or"
          + " route the run with training.task_queue to a worker that has it on";

  /** The message of a {@code runner: ray} run on a worker that does not submit Ray jobs. */
  public static final String RAY_DISABLED =
      "this worker does not submit Ray jobs: training.runner: ray runs the spec's code on a Ray"
          + " cluster, so it is off unless the operator turns it on. Start the worker with"
          + " `tollgate worker --training-ray --ray-address http://HEAD:8265` (or"
          + " TOLLGATE_TRAINING_RAY=true and TOLLGATE_RAY_ADDRESS, settings"
          + " tollgate.training.ray.*), or route the run with training.task_queue to a worker that"
          + " has it on";

  private final CommandRunner runner;
  private final PythonEnvs pythonEnvs;
  private final ContainerRunner containers;
  private final RayRunner ray;

  private TrainingCommands(
      CommandRunner runner, PythonEnvs pythonEnvs, ContainerRunner containers, RayRunner ray) {
    this.runner = runner;
    this.pythonEnvs = pythonEnvs;
    this.containers = containers;
    this.ray = ray;
  }

  /** The same, with training containers on (independent of commands). */
  public TrainingCommands withContainers(ContainerRunner containers) {
    return new TrainingCommands(
        runner, pythonEnvs, java.util.Objects.requireNonNull(containers, "containers"), ray);
  }

  /** The same, with Ray jobs on (independent of commands and containers). */
  public TrainingCommands withRay(RayRunner ray) {
    return new TrainingCommands(
        runner, pythonEnvs, containers, java.util.Objects.requireNonNull(ray, "ray"));
  }

  public boolean rayEnabled() {
    return ray != null;
  }

  /** The Ray runner; refused with {@link #RAY_DISABLED} when Ray is off. */
  public RayRunner ray() {
    if (ray == null) throw new IllegalStateException(RAY_DISABLED);
    return ray;
  }

  public boolean containersEnabled() {
    return containers != null;
  }

  /** The container runner; refused with {@link #CONTAINERS_DISABLED} when containers are off. */
  public ContainerRunner containers() {
    if (containers == null) throw new IllegalStateException(CONTAINERS_DISABLED);
    return containers;
  }

  public static TrainingCommands disabled() {
    return new TrainingCommands(null, null, null, null);
  }

  public static TrainingCommands enabled(CommandRunner runner, PythonEnvs pythonEnvs) {
    return new TrainingCommands(
        java.util.Objects.requireNonNull(runner, "runner"),
        java.util.Objects.requireNonNull(pythonEnvs, "pythonEnvs"),
        null,
        null);
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
