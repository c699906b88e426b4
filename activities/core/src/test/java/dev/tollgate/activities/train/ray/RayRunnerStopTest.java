package dev.tollgate.activities.train.ray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.train.command.CommandOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ending a followed job: a cancellation, the timeout and the worker's shutdown post a stop; a
 * RUNNING job is waited for until STOPPED, a PENDING one (which Ray keeps PENDING) is not; a job
 * the cluster forgot or a cluster that stopped answering fails for another attempt.
 */
class RayRunnerStopTest {
  @TempDir Path dir;

  private static void runsForever(RayFixture f) {
    f.ray.behaviour = (job, s) -> job.running("started\n");
  }

  @Test
  void aCancelWhileRunningStopsTheJobAndWaitsForStopped() throws Exception {
    RayFixture f = new RayFixture(dir);
    runsForever(f);
    f.stop.set("cancelled");

    CommandOutcome outcome = f.run();

    assertThat(outcome).isInstanceOf(CommandOutcome.Stopped.class);
    assertThat(((CommandOutcome.Stopped) outcome).reason()).isEqualTo("cancelled");
    assertThat(f.ray.stops).containsExactly("tollgate-energy-r1-1");
    assertThat(f.ray.jobs.get("tollgate-energy-r1-1").status).isEqualTo(RayJobs.Status.STOPPED);
    assertThat(Files.exists(f.staged(f.ownId(), RayStage.TRAIN))).as("inputs deleted").isFalse();
  }

  @Test
  void aCancelWhileQueuedDoesNotWaitForAStateRayWillNotReach() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.ray.behaviour = (job, s) -> {}; // PENDING for ever (waiting for resources)
    f.stop.set("cancelled");

    long start = System.nanoTime();
    CommandOutcome outcome = f.run();

    assertThat(outcome).isInstanceOf(CommandOutcome.Stopped.class);
    assertThat(f.ray.stops).containsExactly("tollgate-energy-r1-1");
    assertThat(f.ray.jobs.get("tollgate-energy-r1-1").status).isEqualTo(RayJobs.Status.PENDING);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void theTimeoutStopsTheJob() throws Exception {
    RayFixture f = new RayFixture(dir);
    runsForever(f);
    f.timeout = Duration.ofMillis(300);

    CommandOutcome outcome = f.run();

    assertThat(((CommandOutcome.Stopped) outcome).reason()).startsWith("timed out");
    assertThat(f.ray.stops).hasSize(1);
  }

  @Test
  void theWorkersShutdownStopsTheJob() throws Exception {
    RayFixture f = new RayFixture(dir);
    runsForever(f);
    RayRunner runner = f.runner();

    CompletableFuture<CommandOutcome> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return f.run(runner);
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            });
    while (runner.running() == 0 || f.ray.jobs.isEmpty()) Thread.sleep(10);
    assertThat(runner.shutdown("the worker is stopping", Duration.ofSeconds(5))).isTrue();

    assertThat(((CommandOutcome.Stopped) run.get()).reason()).isEqualTo("the worker is stopping");
    assertThat(f.ray.stops).hasSize(1);
  }

  @Test
  void aClusterSilentLongerThanTheGraceFailsForARetryAndKeepsTheStage() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.ray.behaviour = (job, s) -> job.running("started\n").then(() -> f.ray.down = true);

    var failed = (CommandOutcome.Failed) f.run();

    assertThat(failed.retryable()).isTrue();
    assertThat(failed.message())
        .contains("the Ray cluster at http://127.0.0.1:8265 did not answer for", "outage");
    assertThat(Files.exists(f.staged(f.ownId(), RayStage.TRAIN)))
        .as("kept: the job may still run and the next attempt adopt it")
        .isTrue();
  }

  @Test
  void aJobLostByARestartedHeadFailsForARetryNamingBothSessions() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.ray.behaviour =
        (job, s) ->
            job.running("started\n")
                .then(
                    () -> {
                      f.ray.session = "session_b";
                      f.ray.jobs.clear();
                    });

    var failed = (CommandOutcome.Failed) f.run();

    assertThat(failed.retryable()).isTrue();
    assertThat(failed.message())
        .isEqualTo(
            "the Ray head at http://127.0.0.1:8265 restarted (session session_a → session_b)"
                + " and lost job tollgate-energy-r1-1");
  }
}
