package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.registry.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry's PostgreSQL down while the approved version is promoted: the promotion (a local
 * activity, ADR 0008) fails and is retried with backoff; when the database is back, the run ends
 * deployed with exactly one transition to Production.
 */
@ExtendWith(SharedStack.class)
class RegistryOutageIT {
  private static final String MODEL = "it-db-outage";

  @Test
  void theRegistryDownDuringPromoteIsRetriedToExactlyOneTransition() throws Exception {
    TemporalDevServer server = SharedStack.get().server();
    String namespace = SharedStack.DB_FAULT_NAMESPACE;
    String workflowId = "pipeline/" + MODEL + "/r1";
    Cli cli = new Cli(server.address(), namespace);
    Path spec = ItSpecs.write(ItSettings.newWorkDir("db-outage-specs"), ItSpecs.Spec.quick(MODEL));
    PostgresServer db = PostgresServer.start();
    try (db;
        WorkerProcess worker =
            WorkerProcess.start(
                "db-outage",
                server.address(),
                namespace,
                ItSettings.newWorkDir("db-outage-home"),
                Map.of("TOLLGATE_REGISTRY_URL", db.newDatabase()))) {
      Runs runs = new Runs(cli, worker::tail);
      String run = MODEL + "/r1";
      ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
      assertThat(started.exitCode()).as(started.toString()).isZero();
      runs.awaitStage(run, "AWAITING_APPROVAL", Duration.ofMinutes(2));

      db.stopServer();
      ProcResult approved = cli.approve(run, "bob");
      assertThat(approved.exitCode()).as(approved.toString()).isZero();
      // A local activity's attempts run in the worker; the SDK logs each failed one.
      int failedAttempts =
          Await.until(
              "Promote to fail three times against the stopped database (worker log)",
              Duration.ofMinutes(3),
              () -> failedPromoteAttempts(worker),
              n -> n >= 3,
              worker::tail);
      db.startAgain();

      RunStatus done = runs.awaitFinished(run, Duration.ofMinutes(3));
      assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + MODEL + " v1");
      RegistryView registry = new RegistryView(cli);
      int promotions = registry.promotions(MODEL);
      int versions = registry.versionStages(MODEL).size();
      FaultReport.row(
          "RegistryOutageIT",
          "PostgreSQL stopped during promote (failed Promote attempts)",
          failedAttempts,
          1,
          (promotions - 1) + (versions - 1));
      assertThat(registry.versionStages(MODEL)).containsExactly("PRODUCTION");
      assertThat(promotions).as("exactly one transition to Production").isEqualTo(1);
      List<LocalActivityMarker> markers =
          History.localActivityAttempts(server, namespace, workflowId, "Promote");
      assertThat(markers.stream().filter(m -> !m.failed()))
          .as("one Promote completed, after the failed attempts (%s)", markers)
          .hasSize(1)
          .allSatisfy(m -> assertThat(m.attempt()).isGreaterThan(failedAttempts));
      assertThat(markers.getLast().failed()).as("the last Promote marker").isFalse();
    }
  }

  private static final Pattern FAILED_PROMOTE =
      Pattern.compile("failure\\. ActivityId=\\S+, activityType=Promote, attempt=\\d+");

  /** Failed Promote attempts the worker's log has so far (the SDK logs every failed attempt). */
  private static int failedPromoteAttempts(WorkerProcess worker) {
    try {
      return (int) FAILED_PROMOTE.matcher(Files.readString(worker.log())).results().count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
