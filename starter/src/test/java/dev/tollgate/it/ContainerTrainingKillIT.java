package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker SIGKILLed while its training container runs (issue 25, item 3): the container outlives
 * the worker (killing the docker client does not stop it), and the next worker started on the same
 * home removes it before it polls. The run, cancelled then, ends CANCELLED with no container left.
 * Needs the same settings as {@link ContainerTrainingIT}; fails without them.
 */
@ExtendWith(SharedStack.class)
class ContainerTrainingKillIT {
  private static final String NAMESPACE = SharedStack.CONTAINER_KILL_NAMESPACE;
  private static final String LABEL = "dev.tollgate.worker";
  private static WorkerProcess worker;
  private static Cli cli;
  private static Runs runs;
  private static String workerLabel;

  @BeforeAll
  static void start() {
    TemporalDevServer server = SharedStack.get().server();
    Path home = ItSettings.newWorkDir("container-kill-home");
    workerLabel = home.toAbsolutePath().resolve("training-runs").toString();
    worker =
        WorkerProcess.start(
            "container-kill",
            server.address(),
            NAMESPACE,
            home,
            Map.of(
                "TOLLGATE_TRAINING_CONTAINERS", "true",
                "TOLLGATE_TRAINING_DOCKER_HOST", DockerForTests.host(),
                "TOLLGATE_TRAINING_GRACE", "2s"));
    cli = new Cli(server.address(), NAMESPACE);
    runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
  }

  @AfterAll
  static void stop() {
    if (worker != null) worker.close();
    if (workerLabel != null) DockerForTests.removeAll(LABEL, workerLabel);
  }

  @Test
  void theContainerAKilledWorkerLeftIsRemovedWhenItStartsAgain() {
    String model = "it-ctr-kill";
    String run = model + "/r1";
    Path spec =
        CommandSpecs.inContainer(
            ItSettings.newWorkDir("container-kill"),
            model,
            DockerForTests.trainingImage(),
            List.of("sh", "-c", "echo 'tollgate:progress 0.1 waiting'; exec sleep 600"));
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    Await.until(
        "a running container for " + run,
        Duration.ofMinutes(3),
        () -> DockerForTests.containers("dev.tollgate.model", model),
        names -> !names.isEmpty(),
        worker::tail);

    worker.kill();
    assertThat(DockerForTests.containers(LABEL, workerLabel))
        .as("killing the worker (and with it the docker client) leaves the container running")
        .isNotEmpty();
    String removed = "training containers: removed 1 left by unfinished runs";
    int before = worker.logText().split(removed, -1).length; // the log file is appended to
    worker.startAgain();
    // removed at start, before the worker polls (its log file is appended to, so wait for the
    // new start's own line rather than "ready", which the first start wrote too)
    Await.until(
        "the restarted worker to remove the container its killed self left",
        Duration.ofMinutes(2),
        worker::logText,
        log -> log.split(removed, -1).length > before,
        worker::tail);
    assertThat(DockerForTests.containers(LABEL, workerLabel))
        .as("containers once the worker on the same home started again")
        .isEmpty();

    ProcResult cancelled =
        cli.run("cancel", run, "--by", "alice", "--reason", "test over", "--wait-for-worker", "2m");
    assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
    RunStatus done = runs.awaitFinished(run, Duration.ofMinutes(4));
    assertThat(done.outcome()).as(done.toString()).startsWith("CANCELLED " + model);
    assertThat(DockerForTests.containers(LABEL, workerLabel))
        .as("when the run says CANCELLED")
        .isEmpty();
  }
}
