package dev.tollgate.adapters.onnx;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.train.ray.RayPolicy;
import dev.tollgate.activities.train.ray.RayRunner;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.RaySpec;
import dev.tollgate.spec.TrainingCommandSpec;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code training.runner: ray} through the train activity, the cluster played by local processes
 * ({@link LocalRayJobs}): the same {@code train_classifier.py} as on a worker, shipped with the
 * launcher, fed and collected through a folder stage, measured by Tollgate on the holdout, its
 * lineage naming the job. No Ray needed (the cluster's own tests are the integration tests').
 */
class RayTrainingTest {
  @TempDir Path home;
  private CommandHarness h;
  private LocalRayJobs cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) cluster.close();
    if (h != null) h.close();
  }

  private CommandHarness harness() throws Exception {
    Path python = OnnxFixtures.python();
    cluster = new LocalRayJobs(Files.createDirectories(home.resolve("cluster")));
    h =
        new CommandHarness(
            home,
            false,
            (settings, store) ->
                c ->
                    c.withRay(
                        new RayRunner(
                            settings,
                            new RayPolicy(
                                "http://127.0.0.1:8265",
                                Set.of(),
                                python.toString(),
                                null,
                                null,
                                false,
                                Duration.ofSeconds(5),
                                0,
                                0),
                            address -> cluster,
                            new dev.tollgate.activities.artifacts.LocalArtifactStore(
                                home.resolve("stage")))));
    return h;
  }

  private TrainingCommandSpec onRay(List<String> argv) {
    return new TrainingCommandSpec(
        argv,
        h.trainer.toString(),
        null,
        Map.of(),
        Map.of(),
        Duration.ofMinutes(2),
        null,
        null,
        null,
        h.specDir.toString(),
        null,
        new RaySpec(null, null, null, List.of(), null, Map.of()));
  }

  @Test
  void theSameScriptTrainsOnTheClusterAndTollgateMeasuresIt() throws Exception {
    harness();
    var trained = h.run(onRay(List.of(OnnxFixtures.python().toString(), "train_classifier.py")));

    assertThat(trained.metrics()).containsKey("accuracy");
    assertThat(trained.metrics().get("accuracy")).isGreaterThan(0.7);
    assertThat(trained.lineage())
        .containsEntry("ray_address", "http://127.0.0.1:8265")
        .containsKey("code_version")
        .containsKey("train_log");
    // the workflow execution's tag and the attempt as the activity says (Temporal's test
    // environment counts attempts from 0)
    assertThat(trained.lineage().get("ray_submission_id"))
        .matches("tollgate-churn-run-1-[0-9a-f]{8}-[01]");
    assertThat(cluster.submitted()).isEqualTo(1);
    assertThat(h.runFoldersLeft()).isZero();
    try (var staged = Files.walk(home.resolve("stage"))) {
      assertThat(staged.filter(Files::isRegularFile)).as("staging cleaned").isEmpty();
    }
  }

  @Test
  void aFailingCommandFailsTheStageWithItsReason() throws Exception {
    harness();
    Files.writeString(
        h.trainer.resolve("fail.sh"),
        "echo 'labels are all one class' > \"$TOLLGATE_OUTPUT_DIR/failure\"\nexit 3\n");

    ApplicationFailure f =
        businessFailure(() -> h.run(onRay(List.of("sh", "fail.sh"))), FailureTypes.INVALID_DATA);

    assertThat(f.getOriginalMessage()).isEqualTo("exit 3: labels are all one class");
    assertThat(h.artifacts.resolve("models")).doesNotExist();
  }
}
