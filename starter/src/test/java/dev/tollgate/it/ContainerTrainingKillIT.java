package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker SIGKILLed while its training container runs (issue 25, item 3): the container outlives
 * the worker (killing the docker client does not stop it), and the next worker started on the same
 * home removes it before it polls. The run, cancelled then, ends CANCELLED with no container left.
 * Needs the same settings as {@link ContainerTrainingIT} (the same {@link ContainerWorker}); fails
 * without them.
 */
@ExtendWith(SharedStack.class)
class ContainerTrainingKillIT {
  private static ContainerWorker containers;

  @BeforeAll
  static void start() {
    containers = ContainerWorker.start("container-kill", SharedStack.CONTAINER_KILL_NAMESPACE);
  }

  @AfterAll
  static void stop() {
    if (containers != null) containers.close();
  }

  @Test
  void theContainerAKilledWorkerLeftIsRemovedWhenItStartsAgain() {
    WorkerProcess worker = containers.worker;
    String model = "it-ctr-kill";
    String run = model + "/r1";
    containers.run(ContainerWorker.sleepingSpec(ItSettings.newWorkDir("container-kill"), model));
    containers.awaitContainer(model);

    worker.kill();
    assertThat(containers.containers())
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
    assertThat(containers.containers())
        .as("containers once the worker on the same home started again")
        .isEmpty();

    ProcResult cancelled =
        containers.cli.run(
            "cancel", run, "--by", "alice", "--reason", "test over", "--wait-for-worker", "2m");
    assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
    RunStatus done = containers.runs.awaitFinished(run, Duration.ofMinutes(4));
    assertThat(done.outcome()).as(done.toString()).startsWith("CANCELLED " + model);
    assertThat(containers.containers()).as("when the run says CANCELLED").isEmpty();
  }
}
