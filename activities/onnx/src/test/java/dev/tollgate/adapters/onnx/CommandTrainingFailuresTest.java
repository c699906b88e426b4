package dev.tollgate.adapters.onnx;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.TrainingCommandSpec;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a training command or an import can fail the train stage: refused with what and where,
 * retried only where another attempt can succeed, nothing stored, no run folder left.
 */
class CommandTrainingFailuresTest {
  @TempDir Path home;
  private CommandHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  private CommandHarness harness() throws Exception {
    h = new CommandHarness(home, true);
    return h;
  }

  private void nothingStored() throws Exception {
    assertThat(h.artifacts.resolve("models")).doesNotExist();
    assertThat(h.runFoldersLeft()).isZero();
  }

  @Test
  void exitZeroWithoutAModelListsWhatItLeft() throws Exception {
    harness();
    var cmd = h.shell("none.sh", "echo hi > \"$TOLLGATE_MODEL_DIR/weights.bin\"\n");
    ApplicationFailure f = businessFailure(() -> h.run(cmd), FailureTypes.INVALID_DATA);
    assertThat(f.getOriginalMessage()).contains("no ONNX model").contains("weights.bin");
    nothingStored();
    // the log of a failed run is kept too
    assertThat(h.artifacts.resolve("runs/churn/run-1/train.log")).exists();
  }

  @Test
  void severalOnnxFilesAndNoModelOnnxAreRefusedByName() throws Exception {
    harness();
    var cmd =
        h.shell(
            "two.sh",
            "echo a > \"$TOLLGATE_MODEL_DIR/a.onnx\"; echo b > \"$TOLLGATE_MODEL_DIR/b.onnx\"\n");
    ApplicationFailure f = businessFailure(() -> h.run(cmd), FailureTypes.INVALID_DATA);
    assertThat(f.getOriginalMessage()).contains("2 ONNX files").contains("a.onnx, b.onnx");
  }

  @Test
  void exitThreeWithAFailureFileFailsWithItsReasonAndIsNotRetried() throws Exception {
    harness();
    var cmd =
        h.shell(
            "fail.sh",
            "echo 'labels are all one class' > \"$TOLLGATE_OUTPUT_DIR/failure\"\nexit 3\n");
    ApplicationFailure f = businessFailure(() -> h.run(cmd), FailureTypes.INVALID_DATA);
    assertThat(f.getOriginalMessage()).contains("labels are all one class");
    nothingStored();
  }

  @Test
  void exitSeventyFiveIsRetryable() throws Exception {
    harness();
    var cmd = h.shell("later.sh", "echo 'GPU busy' >&2\nexit 75\n");
    Throwable thrown = catchThrowable(() -> h.run(cmd));
    assertThat(thrown).isInstanceOf(ActivityFailure.class);
    ApplicationFailure f = (ApplicationFailure) thrown.getCause();
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getType()).isEqualTo("TollgateTrainingRetry");
    assertThat(h.runFoldersLeft()).isZero();
  }

  @Test
  void aZipMapModelIsRefusedWithTheConverterOption() throws Exception {
    harness();
    Path python = OnnxFixtures.python();
    TrainingCommandSpec cmd =
        h.command(
            List.of(python.toString(), "train_classifier.py"), Map.of(), Map.of("ZIPMAP", "1"));
    ApplicationFailure f = businessFailure(() -> h.run(cmd), FailureTypes.ARTIFACT_MISMATCH);
    assertThat(f.getOriginalMessage())
        .contains("the training command's model.onnx")
        .contains("zipmap=False");
    nothingStored();
  }

  @Test
  void metricsJsonThatIsNotNumbersFailsTheRun() throws Exception {
    harness();
    var cmd =
        h.shell(
            "metrics.sh",
            "echo x > \"$TOLLGATE_MODEL_DIR/model.onnx\"\n"
                + "echo '{\"accuracy\": \"high\"}' > \"$TOLLGATE_OUTPUT_DIR/metrics.json\"\n");
    ApplicationFailure f = businessFailure(() -> h.run(cmd), FailureTypes.INVALID_DATA);
    assertThat(f.getOriginalMessage()).contains("metrics.json").doesNotContain("high");
    nothingStored();
  }

  @Test
  void anUnreadableModelFileIsRefusedBeforeAnythingIsStored() throws Exception {
    harness();
    var cmd = h.shell("junk.sh", "echo 'not onnx' > \"$TOLLGATE_MODEL_DIR/model.onnx\"\n");
    ApplicationFailure f = businessFailure(() -> h.run(cmd), FailureTypes.ARTIFACT_MISMATCH);
    assertThat(f.getOriginalMessage()).contains("the training command's model.onnx");
    nothingStored();
  }

  @Test
  void aWorkerWithoutCommandsRefusesAtOnceWithHowToTurnThemOn() throws Exception {
    h = new CommandHarness(home, false);
    Files.delete(h.specDir.resolve("churn.csv")); // refused before any data is read
    var cmd = h.shell("ok.sh", "exit 0\n");
    ApplicationFailure f = businessFailure(() -> h.run(cmd), FailureTypes.UNSUPPORTED);
    assertThat(f.getOriginalMessage()).isEqualTo(TrainingCommands.DISABLED);
    assertThat(h.runFoldersLeft()).isZero();
  }

  @Test
  void aWorkerWithCommandsButNotContainersRefusesAContainerAtOnce() throws Exception {
    h = new CommandHarness(home, true);
    Files.delete(h.specDir.resolve("churn.csv")); // refused before any data is read
    var inContainer =
        new TrainingCommandSpec(
            List.of(),
            null,
            null,
            Map.of(),
            Map.of(),
            java.time.Duration.ofMinutes(1),
            null,
            null,
            null,
            h.specDir.toString(),
            new dev.tollgate.spec.ContainerSpec("team/t:1", null, null, null, null));
    ApplicationFailure f = businessFailure(() -> h.run(inContainer), FailureTypes.UNSUPPORTED);
    assertThat(f.getOriginalMessage()).isEqualTo(TrainingCommands.CONTAINERS_DISABLED);
    assertThat(h.runFoldersLeft()).isZero();
  }

  @Test
  void aWorkerWithoutRayRefusesARayJobAtOnce() throws Exception {
    h = new CommandHarness(home, true);
    Files.delete(h.specDir.resolve("churn.csv")); // refused before any data is read
    var onRay =
        new TrainingCommandSpec(
            List.of("python", "train.py"),
            h.trainer.toString(),
            null,
            Map.of(),
            Map.of(),
            java.time.Duration.ofMinutes(1),
            null,
            null,
            null,
            h.specDir.toString(),
            null,
            new dev.tollgate.spec.RaySpec(null, null, null, List.of(), null, Map.of()));
    ApplicationFailure f = businessFailure(() -> h.run(onRay), FailureTypes.UNSUPPORTED);
    assertThat(f.getOriginalMessage()).isEqualTo(TrainingCommands.RAY_DISABLED);
    assertThat(h.runFoldersLeft()).isZero();
  }

  @Test
  void aWorkdirThatLinksOutOfTheSpecsFolderIsRefused() throws Exception {
    harness();
    Path elsewhere = Files.createDirectories(home.resolve("other-team/code"));
    Files.writeString(elsewhere.resolve("train.sh"), "exit 0\n");
    Path link = Files.createSymbolicLink(h.specDir.resolve("linked"), elsewhere);
    var spec = h.shell("unused.sh", "exit 0\n");
    var cmd =
        new TrainingCommandSpec(
            List.of("sh", "train.sh"),
            link.toString(),
            null,
            Map.of(),
            Map.of(),
            spec.timeout(),
            null,
            null,
            null,
            h.specDir.toString());
    ApplicationFailure f = businessFailure(() -> h.run(cmd), FailureTypes.INVALID_DATA);
    assertThat(f.getOriginalMessage())
        .contains("training.workdir")
        .contains("leads outside the spec's folder");
    assertThat(h.runFoldersLeft()).isZero();
  }

  /** The same shell script with {@code python.requirements} naming {@code requirements}. */
  private TrainingCommandSpec withRequirements(TrainingCommandSpec cmd, String requirements) {
    return new TrainingCommandSpec(
        cmd.command(),
        cmd.workdir(),
        h.trainer.resolve(requirements).toString(),
        Map.of(),
        Map.of(),
        cmd.timeout(),
        null,
        null,
        null,
        h.specDir.toString());
  }

  @Test
  void theCommandRunsWithTheVenvOfItsRequirements() throws Exception {
    harness();
    Files.writeString(h.trainer.resolve("requirements.txt"), "# nothing to install\n");
    // exits 3 naming the Python it found first on its PATH: the venv's
    var cmd =
        h.shell(
            "which.sh",
            "command -v python > \"$TOLLGATE_OUTPUT_DIR/failure\"\n"
                + "echo \"VIRTUAL_ENV=$VIRTUAL_ENV\" >> \"$TOLLGATE_OUTPUT_DIR/failure\"\nexit 3\n");
    ApplicationFailure f =
        businessFailure(
            () -> h.run(withRequirements(cmd, "requirements.txt")), FailureTypes.INVALID_DATA);
    String venv = h.home.resolve("python-envs").toString();
    assertThat(f.getOriginalMessage()).contains(venv + "/").contains("VIRTUAL_ENV=" + venv);
  }

  @Test
  void requirementsThatDoNotInstallFailWithPipsError() throws Exception {
    harness();
    Files.writeString(h.trainer.resolve("requirements.txt"), "./no-such-package-folder\n");
    var cmd = h.shell("never.sh", "echo ran > ran.txt\n");
    ApplicationFailure f =
        businessFailure(
            () -> h.run(withRequirements(cmd, "requirements.txt")), FailureTypes.INVALID_DATA);
    assertThat(f.getOriginalMessage())
        .startsWith("training.python.requirements: pip install -r requirements.txt failed");
    assertThat(h.trainer.resolve("ran.txt")).as("the command never ran").doesNotExist();
  }

  @Test
  void importingAMissingFileNamesTheKeyAndTheUri() throws Exception {
    harness();
    String uri = h.specDir.resolve("models/gone.onnx").toUri().toString();
    ApplicationFailure f =
        businessFailure(() -> h.run(h.importing(uri)), FailureTypes.INVALID_DATA);
    assertThat(f.getOriginalMessage())
        .startsWith("training.import.uri")
        .contains("gone.onnx")
        .contains("the model")
        .doesNotContain("dataset")
        .doesNotContain("data.train");
    assertThat(h.artifacts.resolve("models")).doesNotExist();
  }
}
