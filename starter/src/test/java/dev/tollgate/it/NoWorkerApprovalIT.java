package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code approve} while the worker is down, on a real server: it used to hang silently until a
 * worker came back (ten minutes in the report). Now it says within seconds that no worker polls the
 * run's task queue, exits 1 and sends nothing; with {@code --wait-for-worker} it waits for the
 * restarted worker and the decision is recorded. Its own namespace and worker, so the shared worker
 * cannot answer for the stopped one.
 */
@ExtendWith(SharedStack.class)
class NoWorkerApprovalIT {
  private static final String RUN = "it-no-worker/r1";

  @Test
  void approveWithTheWorkerStoppedFailsInSecondsAndWaitsWhenAskedTo() throws Exception {
    TemporalDevServer server = SharedStack.get().server();
    String namespace = SharedStack.NO_WORKER_NAMESPACE;
    Cli cli = new Cli(server.address(), namespace);
    Path spec =
        ItSpecs.write(ItSettings.newWorkDir("no-worker-specs"), ItSpecs.Spec.quick("it-no-worker"));

    try (WorkerProcess worker =
        WorkerProcess.start(
            "no-worker", server.address(), namespace, ItSettings.newWorkDir("no-worker-home"))) {
      Runs runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
      ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
      assertThat(started.exitCode()).as(started.toString()).isZero();
      runs.awaitStage(RUN, "AWAITING_APPROVAL", Duration.ofMinutes(3));

      worker.stop();

      long start = System.nanoTime();
      ProcResult refused = cli.approve(RUN, "alice");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.err())
          .contains(
              "no worker is polling task queue tollgate-pipeline",
              "--wait-for-worker DURATION",
              "Nothing was sent");
      assertThat(took)
          .as("a CLI start and a few seconds, not a hang")
          .isLessThan(Duration.ofSeconds(20));

      CompletableFuture<ProcResult> waiting =
          CompletableFuture.supplyAsync(
              () ->
                  cli.run(
                      "approve",
                      RUN,
                      "--by",
                      "bob",
                      "--comment",
                      "after the restart",
                      "--wait-for-worker",
                      "120s"));
      Thread.sleep(5_000);
      assertThat(waiting).as("waits while no worker is there").isNotDone();
      worker.startAgain();

      ProcResult approved = waiting.get(3, TimeUnit.MINUTES);
      assertThat(approved.exitCode()).as(approved.toString()).isZero();
      assertThat(approved.out()).contains("approved by bob");

      RunStatus done = runs.awaitFinished(RUN, Duration.ofMinutes(2));
      assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED it-no-worker v1");
      assertThat(done.result().out())
          .as("the refused approval was never sent")
          .contains("bob approved")
          .doesNotContain("alice");
    }
  }
}
