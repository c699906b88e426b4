package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Durability when a worker dies: SIGKILL the worker while it trains, start a new one on the same
 * home, and the run still ends deployed, exactly once. Runs in its own namespace on the shared
 * server, with its own worker, so the shared worker cannot take over its tasks.
 *
 * <p>Takes about two minutes by design: the killed attempt is only given up when its heartbeat
 * timeout (30 s) passes, then Temporal retries it on the new worker.
 */
@ExtendWith(SharedStack.class)
class WorkerCrashIT {
  private static final String RUN = "it-crash/r1";

  @Test
  void aWorkerKilledWhileTrainingIsReplacedAndTheRunCompletesOnce() {
    TemporalDevServer server = SharedStack.get().server();
    Path home = ItSettings.newWorkDir("crash-home");
    Cli cli = new Cli(server.address(), SharedStack.CRASH_NAMESPACE);
    // Long enough to be killed in the middle on any machine: Smile's boosting, about 16 s of
    // training on an idle machine of this kind (2 cores), more when it is busy. Not XGBoost: it
    // builds 600 such trees in about 2 s, so a fast machine finished before the kill.
    Path spec =
        ItSpecs.write(
            ItSettings.newWorkDir("crash-specs"),
            ItSpecs.Spec.quick("it-crash").algorithm("smile_gradient_boosting").size(100_000, 800));

    try (WorkerProcess worker =
        WorkerProcess.start("crash", server.address(), SharedStack.CRASH_NAMESPACE, home)) {
      Runs runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
      ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
      assertThat(started.exitCode()).as(started.toString()).isZero();

      runs.awaitStage(RUN, "TRAINING", Duration.ofMinutes(2));
      // Kill early in the training attempt, as the server sees it (not the CLI's view, which lags
      // by a JVM start): the activity is started and has been running for a second.
      Await.until(
          "the Train activity to run for 1 s",
          Duration.ofMinutes(2),
          () ->
              Visibility.pendingActivity(
                  Visibility.describe(server, SharedStack.CRASH_NAMESPACE, "pipeline/" + RUN),
                  "Train"),
          train ->
              "PENDING_ACTIVITY_STATE_STARTED".equals(train.path("state").asText())
                  && Instant.parse(train.path("lastStartedTime").asText())
                      .isBefore(Instant.now().minusSeconds(1)),
          worker::tail);
      worker.kill();

      WorkerHome files = new WorkerHome(home);
      RegistryView registry = new RegistryView(cli);

      worker.startAgain();
      // The lost attempt is retried only after its heartbeat timeout: nothing is registered yet.
      assertThat(registry.versionStages("it-crash"))
          .as("killed while training: nothing may be registered yet")
          .isEmpty();
      // The lost attempt times out after its 30 s heartbeat timeout, then trains again.
      runs.awaitStage(RUN, "AWAITING_APPROVAL", Duration.ofMinutes(5));
      ProcResult approved = cli.approveOnceAWorkerPolls(RUN, "bob");
      assertThat(approved.exitCode()).as(approved.toString()).isZero();
      RunStatus done = runs.awaitFinished(RUN, Duration.ofMinutes(2));
      assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED it-crash v1");

      java.util.List<Integer> trains =
          History.startedAttempts(server, SharedStack.CRASH_NAMESPACE, "pipeline/" + RUN, "Train");
      FaultReport.row(
          "WorkerCrashIT",
          "worker SIGKILL in train",
          1,
          1,
          (registry.versionStages("it-crash").size() - 1)
              + (registry.promotions("it-crash") - 1)
              + (trains.size() - 1));
      assertThat(registry.versionStages("it-crash")).containsExactly("PRODUCTION");
      assertThat(registry.promotions("it-crash")).isEqualTo(1);
      assertThat(files.serving("it-crash").path("version").asInt()).isEqualTo(1);
      assertThat(
              History.startedAttempts(
                  server, SharedStack.CRASH_NAMESPACE, "pipeline/" + RUN, "Train"))
          .as("the killed training attempt is retried once, and only once")
          .containsExactly(2);
    }
  }
}
