package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * S3 down for 30 s in the middle of storing the trained model: every request answered 503 from the
 * model's first PUT on. The run rides it out and ends deployed, with one model in the store.
 */
@ExtendWith(SharedStack.class)
class S3OutageIT {
  private static final String MODEL = "it-s3-outage";
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @Test
  void a30SecondS3OutageWhileStoringTheModelIsRiddenOutWithOneArtifact() {
    TemporalDevServer server = SharedStack.get().server();
    String namespace = SharedStack.S3_FAULT_NAMESPACE;
    Cli cli = new Cli(server.address(), namespace);
    Path spec = ItSpecs.write(ItSettings.newWorkDir("s3-outage-specs"), ItSpecs.Spec.quick(MODEL));
    try (FaultStack faults = FaultStack.start();
        WorkerProcess worker =
            WorkerProcess.start(
                "s3-outage",
                server.address(),
                namespace,
                ItSettings.newWorkDir("s3-outage-home"),
                faults.workerEnv())) {
      faults
          .s3()
          .outageFrom(line -> line.startsWith("PUT ") && line.contains("/model.ubj"), OUTAGE);
      Runs runs = new Runs(cli, worker::tail);
      String run = MODEL + "/r1";
      ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
      assertThat(started.exitCode()).as(started.toString()).isZero();
      runs.awaitStage(run, "AWAITING_APPROVAL", Duration.ofMinutes(4));
      assertThat(faults.s3().outageFailures()).as("the outage happened").isPositive();
      ProcResult approved = cli.approve(run, "bob");
      assertThat(approved.exitCode()).as(approved.toString()).isZero();
      RunStatus done = runs.awaitFinished(run, Duration.ofMinutes(2));
      assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + MODEL + " v1");

      RegistryView registry = new RegistryView(cli);
      long digests =
          faults.keys("models/" + MODEL + "/").stream()
              .map(key -> key.substring(0, key.lastIndexOf('/')))
              .distinct()
              .count();
      int versions = registry.versionStages(MODEL).size();
      int duplicates = (int) (digests - 1) + (versions - 1) + (registry.promotions(MODEL) - 1);
      FaultReport.row(
          "S3OutageIT",
          "S3 503 for 30 s from the model's upload (requests failed)",
          faults.s3().outageFailures(),
          1,
          duplicates);
      assertThat(digests).as("one model in the store: %s", faults.keys("models/")).isEqualTo(1);
      assertThat(faults.keys("models/" + MODEL + "/"))
          .as("the model, its metadata and its drift reference, once")
          .hasSize(3);
      assertThat(registry.versionStages(MODEL)).containsExactly("PRODUCTION");
      assertThat(registry.promotions(MODEL)).isEqualTo(1);
      assertThat(History.startedAttempts(server, namespace, "pipeline/" + run, "Train"))
          .as("the outage was waited out inside the stage: the model was trained once")
          .containsExactly(1);
    }
  }
}
