package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * them it fails, saying how to get them.
 */
@ExtendWith(SharedStack.class)
class ContainerTrainingIT {
  private static final String NAMESPACE = SharedStack.CONTAINER_NAMESPACE;
  private static final String LABEL = "dev.tollgate.worker";
  private static WorkerProcess worker;
  private static Cli cli;
  private static Runs runs;
  private static Path work;
  private static String workerLabel;
  private static ExampleCopy churn;

  @BeforeAll
  static void start() {
    TemporalDevServer server = SharedStack.get().server();
    work = ItSettings.newWorkDir("containers");
    Path home = ItSettings.newWorkDir("containers-home");
    workerLabel = home.toAbsolutePath().resolve("training-runs").toString();
    worker =
        WorkerProcess.start(
            "containers",
            server.address(),
            NAMESPACE,
            home,
            Map.of(
                "TOLLGATE_TRAINING_CONTAINERS", "true",
                "TOLLGATE_TRAINING_DOCKER_HOST", DockerForTests.host(),
                "TOLLGATE_TRAINING_GRACE", "2s"));
    cli = new Cli(server.address(), NAMESPACE);
    runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
    String image = DockerForTests.trainingImage();
    churn = ExampleCopy.inContainer("churn-sklearn", "churn.yaml", work, image);
    started(churn.spec());
    started(
        CommandSpecs.inContainer(
            work,
            "it-ctr-failure",
            image,
            List.of(
                "sh",
                "-c",
                "echo 'column churned has one class only' > \"$TOLLGATE_OUTPUT_DIR/failure\";"
                    + " echo noise on stderr >&2; exit 3")));
    started(
        CommandSpecs.inContainer(work, "it-ctr-missing", "tollgate-it/no-such-image:1", List.of()));
  }

  private static void started(Path spec) {
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
  }

  @AfterAll
  static void stop() {
    if (worker != null) worker.close();
    if (workerLabel != null) DockerForTests.removeAll(LABEL, workerLabel);
  }

  @Test
  void theChurnExampleTrainsInItsImageAndIsDeployedWithTollgatesMeasuredMetrics() {
    String run = churn.model() + "/r1";
    runs.awaitStage(run, "AWAITING_APPROVAL", Duration.ofMinutes(5));
    ProcResult approved = cli.approve(run, "alice");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    RunStatus done = runs.awaitFinished(run, Duration.ofMinutes(2));
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
    assertThat(DockerForTests.containers(LABEL, workerLabel)).as("removed after the run").isEmpty();
  }

  @Test
  void aContainerThatExitsNonZeroFailsWithItsFailureFileWithoutRetry() {
    RunStatus done = ended("it-ctr-failure");
    assertThat(done.lines().get("cause"))
        .contains("exit 3")
        .contains("column churned has one class only")
        .doesNotContain("noise on stderr");
    assertThat(attempts("it-ctr-failure")).as("not retried").containsExactly(1);
  }

  @Test
  void aMissingImageFailsAtOnceNamingItWithoutRetry() {
    RunStatus done = ended("it-ctr-missing");
    assertThat(done.lines().get("cause"))
        .contains("tollgate-it/no-such-image:1")
        .contains("is not on this worker's container host");
    assertThat(attempts("it-ctr-missing")).as("not retried").containsExactly(1);
  }

  @Test
  void aRunCancelledWhileItsContainerTrainsEndsCancelledWithNoContainerLeft() throws Exception {
    String model = "it-ctr-cancel";
    started(
        CommandSpecs.inContainer(
            work,
            model,
            DockerForTests.trainingImage(),
            List.of("sh", "-c", "echo 'tollgate:progress 0.1 waiting'; exec sleep 600")));
    String run = model + "/r1";
    Await.until(
        "a running container for " + run,
        Duration.ofMinutes(3),
        () -> DockerForTests.containers("dev.tollgate.model", model),
        names -> !names.isEmpty(),
        worker::tail);
    ProcResult cancelled = cli.run("cancel", run, "--by", "alice", "--reason", "wrong data window");
    assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
    RunStatus done = runs.awaitFinished(run, Duration.ofMinutes(2));
    assertThat(done.outcome()).as(done.toString()).startsWith("CANCELLED " + model);
    // CANCELLED only once the stage ended, and it ends only once the container is gone
    assertThat(DockerForTests.containers("dev.tollgate.model", model))
        .as("containers when the run says CANCELLED")
        .isEmpty();
    assertThat(new RegistryView(cli).versionStages(model)).isEmpty();
  }

  private static RunStatus ended(String model) {
    RunStatus done = runs.awaitFinished(model + "/r1", Duration.ofMinutes(4));
    assertThat(done.outcome()).as(done.toString()).startsWith("FAILED " + model);
    assertThat(new RegistryView(cli).versionStages(model)).isEmpty();
    return done;
  }

  private static List<Integer> attempts(String model) {
    return History.startedAttempts(
        SharedStack.get().server(), NAMESPACE, "pipeline/" + model + "/r1", "Train");
  }
}
