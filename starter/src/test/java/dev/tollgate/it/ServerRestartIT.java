package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.tools.RequestHold;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Durability when the Temporal server goes away: while a run waits for approval, the dev server is
 * stopped, left down for 10 s and started again on the same database file and ports. The worker
 * process is left alone and must reconnect by itself; the approval sent afterwards deploys the
 * model. Then the same in the middle of a deploy: the deploy's first read of the model is held
 * while the server restarts, and the run still completes once.
 *
 * <p>Its own server (restarting the shared one would disturb the other tests), started without
 * Tollgate's search attributes, so the worker has to register them as on a fresh cluster.
 */
// Registration is checked before the restart, so the check does not depend on what the dev
// server keeps of run-time registrations across a restart.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerRestartIT {
  private static final String RUN = "it-restart/r1";

  private static TemporalDevServer server;
  private static WorkerProcess worker;
  private static FaultStack faults;

  @BeforeAll
  static void start() {
    server = TemporalDevServer.start("restart", false);
    faults = FaultStack.start();
    worker =
        WorkerProcess.start(
            "restart",
            server.address(),
            "default",
            ItSettings.newWorkDir("restart-home"),
            faults.workerEnv());
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @AfterAll
  static void stop() {
    if (worker != null) worker.close();
    if (server != null) server.close();
    if (faults != null) faults.close();
  }

  @Test
  @Order(1)
  void theWorkerRegistersTheSearchAttributesOnAServerWithoutThem() {
    // The worker registers them while it starts, which may take a while on a loaded machine.
    ProcResult listed = server.temporal("operator", "search-attribute", "list");
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!listed.out().contains("TollgateModelVersion") && System.nanoTime() < deadline) {
      sleep(Duration.ofSeconds(1));
      listed = server.temporal("operator", "search-attribute", "list");
    }
    assertThat(listed.out())
        .as(listed.toString())
        .contains("TollgateModel", "TollgateStage", "TollgateOutcome", "TollgateModelVersion");
  }

  @Test
  @Order(2)
  void aRunWaitingForApprovalSurvivesAServerRestart() {
    Cli cli = new Cli(server.address(), "default");
    Runs runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
    Path spec =
        ItSpecs.write(ItSettings.newWorkDir("restart-specs"), ItSpecs.Spec.quick("it-restart"));
    assertThat(cli.run("run", "--spec", spec.toString(), "--run-id", "r1").exitCode()).isZero();
    runs.awaitStage(RUN, "AWAITING_APPROVAL", Duration.ofMinutes(3));

    // Down long enough for the worker's polls and heartbeats to fail and back off.
    server.restart(Duration.ofSeconds(10));
    Instant restarted = Instant.now();
    assertThat(worker.isAlive()).as("the worker outlives the server restart").isTrue();

    // A status query is answered by a worker: an answer means the old worker has reconnected.
    RunStatus waiting = runs.awaitStage(RUN, "AWAITING_APPROVAL", Duration.ofMinutes(2));
    System.out.printf(
        "worker answered again %d s after the server restart%n",
        Duration.between(restarted, Instant.now()).toSeconds());
    assertThat(waiting.lines().get("waiting")).contains("alice or bob");

    ProcResult approved = cli.approveOnceAWorkerPolls(RUN, "alice");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    RunStatus done = runs.awaitFinished(RUN, Duration.ofMinutes(2));
    assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED it-restart v1");
    RegistryView registry = new RegistryView(cli);
    assertThat(registry.versionStages("it-restart")).containsExactly("PRODUCTION");
    assertThat(registry.promotions("it-restart")).isEqualTo(1);
    assertThat(worker.isAlive()).as("the same worker process did the work").isTrue();
  }

  @Test
  @Order(3)
  void aRunInTheMiddleOfADeploySurvivesAServerRestart() throws InterruptedException {
    String model = "it-restart-deploy";
    String run = model + "/r1";
    Cli cli = new Cli(server.address(), "default");
    Runs runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
    Path spec = ItSpecs.write(ItSettings.newWorkDir("restart-specs"), ItSpecs.Spec.quick(model));
    assertThat(cli.run("run", "--spec", spec.toString(), "--run-id", "r1").exitCode()).isZero();
    runs.awaitStage(run, "AWAITING_APPROVAL", Duration.ofMinutes(3));

    RequestHold deploying =
        faults
            .s3()
            .holdFirst(
                line ->
                    line.startsWith("GET ")
                        && line.contains("/models/" + model + "/")
                        && line.contains("/metadata.json"));
    assertThat(cli.approveOnceAWorkerPolls(run, "alice").exitCode()).isZero();
    deploying.awaitArrived(Duration.ofMinutes(2));
    server.restart(Duration.ofSeconds(10));
    deploying.release();

    RunStatus done = runs.awaitFinished(run, Duration.ofMinutes(3));
    assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + model + " v1");
    RegistryView registry = new RegistryView(cli);
    int versions = registry.versionStages(model).size();
    int promotions = registry.promotions(model);
    List<Integer> deploys =
        History.startedAttempts(server, "default", "pipeline/" + run, "DeployAndSmokeTest");
    FaultReport.row(
        "ServerRestartIT",
        "dev server restarted (10 s down) mid-deploy",
        1,
        1,
        (versions - 1) + (promotions - 1) + (deploys.size() - 1));
    assertThat(registry.versionStages(model)).containsExactly("PRODUCTION");
    assertThat(promotions).isEqualTo(1);
    assertThat(deploys).as("one deploy completed").hasSize(1);
    assertThat(worker.isAlive()).as("the same worker process did the work").isTrue();
  }
}
