package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.registry.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry's PostgreSQL down while the approved version is promoted: the promote activity fails
 * and is retried with backoff; when the database is back, the run ends deployed with exactly one
 * transition to Production.
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
      JsonNode promote =
          Await.until(
              "Promote to fail against the stopped database",
              Duration.ofMinutes(3),
              () ->
                  Visibility.pendingActivity(
                      Visibility.describe(server, namespace, workflowId), "Promote"),
              p -> p.path("attempt").asInt() >= 3,
              worker::tail);
      int failedAttempts = promote.path("attempt").asInt() - 1;
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
      assertThat(History.startedAttempts(server, namespace, workflowId, "Promote"))
          .as("one Promote completed, after the failed ones")
          .hasSize(1)
          .allSatisfy(attempt -> assertThat(attempt).isGreaterThan(1));
    }
  }
}
