package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Training in a container on the real dev server and a real Docker daemon (issue 25, item 3): the
 * churn example's train.py, in the training image scripts/build-training-image.sh makes (Python,
 * scikit-learn, skl2onnx), through {@code training.runner: container}, with a worker that has
 * containers on. The run trains, Tollgate measures the ONNX model itself, it is approved and
 * deployed. Then what only a real daemon shows: a container that exits non-zero fails with its
 * {@code failure} file, not retried; a run cancelled while its container trains ends CANCELLED with
 * no container left; an image that does not exist fails at once naming it, not retried. Every
 * container this worker made is removed at the end, whatever happened.
 *
 * <p>Needs the test command's Docker daemon and training image ({@link DockerForTests}): without
 * them it fails, saying how to get them. The worker: {@link ContainerWorker}.
 */
@ExtendWith(SharedStack.class)
class ContainerTrainingIT {
  private static ContainerWorker containers;
  private static Path work;
  private static ExampleCopy churn;

  @BeforeAll
  static void start() {
    containers = ContainerWorker.start("containers", SharedStack.CONTAINER_NAMESPACE);
    work = ItSettings.newWorkDir("containers");
    String image = DockerForTests.trainingImage();
    churn = ExampleCopy.inContainer("churn-sklearn", "churn.yaml", work, image);
    containers.run(churn.spec());
    containers.run(
        CommandSpecs.inContainer(
            work,
            "it-ctr-failure",
            image,
            List.of(
                "sh",
                "-c",
                "echo 'column churned has one class only' > \"$TOLLGATE_OUTPUT_DIR/failure\";"
                    + " echo noise on stderr >&2; exit 3")));
    containers.run(
        CommandSpecs.inContainer(work, "it-ctr-missing", "tollgate-it/no-such-image:1", List.of()));
  }

  @AfterAll
  static void stop() {
    if (containers != null) containers.close();
  }

  @Test
  void theChurnExampleTrainsInItsImageAndIsDeployedWithTollgatesMeasuredMetrics() {
    Cli cli = containers.cli;
    String run = churn.model() + "/r1";
    containers.runs.awaitStage(run, "AWAITING_APPROVAL", Duration.ofMinutes(5));
    ProcResult approved = cli.approve(run, "alice");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    RunStatus done = containers.runs.awaitFinished(run, Duration.ofMinutes(2));
    assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + churn.model() + " v1");
    JsonNode registry = new RegistryView(cli).record(churn.model());
    JsonNode version = registry.path("versions").get(0);
    // Tollgate's own measurement on its holdout (the thresholds: accuracy >= 0.75, auc >= 0.8)
    assertThat(version.path("metrics").path("accuracy").asDouble())
        .as("%s", registry)
        .isGreaterThan(0.75);
    assertThat(version.path("metrics").path("auc").asDouble())
        .as("%s", registry)
        .isGreaterThan(0.8);
    assertThat(registry.toString())
        .as("the lineage names the image that ran")
        .contains("image:sha256:");
    assertThat(containers.containers()).as("removed after the run").isEmpty();
  }

  @Test
  void aContainerThatExitsNonZeroFailsWithItsFailureFileWithoutRetry() {
    RunStatus done = ended("it-ctr-failure");
    assertThat(done.lines().get("cause"))
        .contains("exit 3")
        .contains("column churned has one class only")
        .doesNotContain("noise on stderr");
    assertThat(containers.trainAttempts("it-ctr-failure")).as("not retried").containsExactly(1);
  }

  @Test
  void aMissingImageFailsAtOnceNamingItWithoutRetry() {
    RunStatus done = ended("it-ctr-missing");
    assertThat(done.lines().get("cause"))
        .contains("tollgate-it/no-such-image:1")
        .contains("is not on this worker's container host");
    assertThat(containers.trainAttempts("it-ctr-missing")).as("not retried").containsExactly(1);
  }

  @Test
  void aRunCancelledWhileItsContainerTrainsEndsCancelledWithNoContainerLeft() throws Exception {
    String model = "it-ctr-cancel";
    containers.run(ContainerWorker.sleepingSpec(work, model));
    String run = model + "/r1";
    containers.awaitContainer(model);
    ProcResult cancelled =
        containers.cli.run("cancel", run, "--by", "alice", "--reason", "wrong data window");
    assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
    RunStatus done = containers.runs.awaitFinished(run, Duration.ofMinutes(2));
    assertThat(done.outcome()).as(done.toString()).startsWith("CANCELLED " + model);
    // CANCELLED only once the stage ended, and it ends only once the container is gone
    assertThat(DockerForTests.containers("dev.tollgate.model", model))
        .as("containers when the run says CANCELLED")
        .isEmpty();
    assertThat(new RegistryView(containers.cli).versionStages(model)).isEmpty();
  }

  private static RunStatus ended(String model) {
    RunStatus done = containers.runs.awaitFinished(model + "/r1", Duration.ofMinutes(4));
    assertThat(done.outcome()).as(done.toString()).startsWith("FAILED " + model);
    assertThat(new RegistryView(containers.cli).versionStages(model)).isEmpty();
    return done;
  }
}
