package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A worker with training containers on (issue 25, item 3), on the shared dev server in a namespace
 * of its own, with the CLI and run checks that talk to it: what {@link ContainerTrainingIT} and
 * {@link ContainerTrainingKillIT} start before their tests. Its containers carry the label {@value
 * #LABEL} with the worker's training-runs folder; {@link #close} stops the worker and removes every
 * one of them, whatever the test did.
 */
final class ContainerWorker implements AutoCloseable {
  static final String LABEL = "dev.tollgate.worker";

  final WorkerProcess worker;
  final Cli cli;
  final Runs runs;
  private final String namespace;
  private final String label;

  private ContainerWorker(WorkerProcess worker, String namespace, String label) {
    TemporalDevServer server = SharedStack.get().server();
    this.worker = worker;
    this.namespace = namespace;
    this.label = label;
    this.cli = new Cli(server.address(), namespace);
    this.runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
  }

  /**
   * Starts the worker {@code name} on a new home ({@code <name>-home}) in {@code namespace}, with
   * the test command's Docker daemon ({@link DockerForTests}) and a 2 s grace on stop.
   */
  static ContainerWorker start(String name, String namespace) {
    TemporalDevServer server = SharedStack.get().server();
    Path home = ItSettings.newWorkDir(name + "-home");
    WorkerProcess worker =
        WorkerProcess.start(
            name,
            server.address(),
            namespace,
            home,
            Map.of(
                "TOLLGATE_TRAINING_CONTAINERS", "true",
                "TOLLGATE_TRAINING_DOCKER_HOST", DockerForTests.host(),
                "TOLLGATE_TRAINING_GRACE", "2s"));
    return new ContainerWorker(
        worker, namespace, home.toAbsolutePath().resolve("training-runs").toString());
  }

  /** A spec whose container says it started, then sleeps ten minutes: one to cancel or kill. */
  static Path sleepingSpec(Path dir, String model) {
    return CommandSpecs.inContainer(
        dir,
        model,
        DockerForTests.trainingImage(),
        List.of("sh", "-c", "echo 'tollgate:progress 0.1 waiting'; exec sleep 600"));
  }

  /** Starts run {@code r1} of {@code spec}. */
  void run(Path spec) {
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
  }

  /** Waits (3 min at most) for a container of {@code model}'s run to be running. */
  void awaitContainer(String model) {
    Await.until(
        "a running container for " + model + "/r1",
        Duration.ofMinutes(3),
        () -> DockerForTests.containers("dev.tollgate.model", model),
        names -> !names.isEmpty(),
        worker::tail);
  }

  /** The containers this worker made that still exist (running or not). */
  List<String> containers() {
    return DockerForTests.containers(LABEL, label);
  }

  /** The started attempts of {@code model}/r1's training stage, from the run's history. */
  List<Integer> trainAttempts(String model) {
    return History.startedAttempts(
        SharedStack.get().server(), namespace, "pipeline/" + model + "/r1", "Train");
  }

  @Override
  public void close() {
    try {
      worker.close();
    } finally {
      DockerForTests.removeAll(LABEL, label);
    }
  }
}
