package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.registry.PostgresServer;
import dev.tollgate.activities.tools.RequestHold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two workers polling the same task queues, sharing one registry (PostgreSQL) and one artifact
 * store (S3), as a deployment with two replicas does. One dies (SIGKILL) while it stores a model;
 * the other finishes every run, each exactly once.
 */
@ExtendWith(SharedStack.class)
class TwoWorkersIT {
  private static final int RUNS = 4;

  @Test
  void whenOneOfTwoWorkersDiesTheOtherCompletesEveryRunOnce() throws Exception {
    TemporalDevServer server = SharedStack.get().server();
    String namespace = SharedStack.TWO_WORKERS_NAMESPACE;
    Cli cli = new Cli(server.address(), namespace);
    Path specs = ItSettings.newWorkDir("two-workers-specs");
    List<String> models = IntStream.rangeClosed(1, RUNS).mapToObj(i -> "it-two-" + i).toList();
    PostgresServer db = PostgresServer.start();
    try (db;
        FaultStack faults = FaultStack.start()) {
      Map<String, String> env = new HashMap<>(faults.workerEnv());
      env.put("TOLLGATE_REGISTRY_URL", db.newDatabase());
      try (WorkerProcess a = start("two-a", namespace, env);
          WorkerProcess b = start("two-b", namespace, env)) {
        // The first model upload is held; whichever worker makes it is the one that dies.
        RequestHold storing =
            faults.s3().holdFirst(line -> line.startsWith("PUT ") && line.contains("/model.ubj"));
        for (String model : models) {
          Path spec = ItSpecs.write(specs, ItSpecs.Spec.quick(model));
          ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
          assertThat(started.exitCode()).as(started.toString()).isZero();
        }
        String held = storing.awaitArrived(Duration.ofMinutes(2));
        String heldModel =
            models.stream()
                .filter(m -> held.contains("/models/" + m + "/"))
                .findFirst()
                .orElseThrow();
        String identity =
            Visibility.pendingActivity(
                    Visibility.describe(server, namespace, "pipeline/" + heldModel + "/r1"),
                    "Train")
                .path("lastWorkerIdentity")
                .asText();
        WorkerProcess victim = identity.startsWith(a.pid() + "@") ? a : b;
        WorkerProcess survivor = victim == a ? b : a;
        assertThat(identity)
            .as("a worker of this test trains " + heldModel)
            .startsWith(victim.pid() + "@");
        victim.kill();
        storing.release();

        Runs runs = new Runs(cli, () -> survivor.tail());
        for (String model : models) {
          runs.awaitStage(model + "/r1", "AWAITING_APPROVAL", Duration.ofMinutes(3));
          assertThat(cli.approve(model + "/r1", "bob").exitCode()).isZero();
        }
        RegistryView registry = new RegistryView(cli);
        int duplicates = 0;
        int completed = 0;
        for (String model : models) {
          RunStatus done = runs.awaitFinished(model + "/r1", Duration.ofMinutes(3));
          assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + model + " v1");
          completed++;
          duplicates += registry.versionStages(model).size() - 1;
          duplicates += registry.promotions(model) - 1;
          duplicates +=
              History.startedAttempts(server, namespace, "pipeline/" + model + "/r1", "Train")
                      .size()
                  - 1;
          duplicates += faults.keys("models/" + model + "/").size() - 3;
          assertThat(registry.versionStages(model)).as(model).containsExactly("PRODUCTION");
          assertThat(registry.promotions(model)).as(model).isEqualTo(1);
        }
        FaultReport.row(
            "TwoWorkersIT",
            "one of two workers SIGKILLed while storing a model",
            1,
            completed,
            duplicates);
        assertThat(duplicates).as("versions, promotions, trainings and models beyond one").isZero();
        assertThat(
                History.startedAttempts(
                    server, namespace, "pipeline/" + heldModel + "/r1", "Train"))
            .as("the killed training was done again, once, by the survivor")
            .containsExactly(2);
      }
    }
  }

  private static WorkerProcess start(String name, String namespace, Map<String, String> env) {
    return WorkerProcess.start(
        name,
        SharedStack.get().server().address(),
        namespace,
        ItSettings.newWorkDir(name + "-home"),
        env);
  }
}
