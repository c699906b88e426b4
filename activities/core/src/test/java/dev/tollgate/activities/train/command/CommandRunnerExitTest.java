package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and folders read as the contract says, with real sh scripts. */
class CommandRunnerExitTest {
  @TempDir Path dir;
  RunnerFixture f;

  @BeforeEach
  void setUp() throws Exception {
    f = new RunnerFixture(dir);
  }

  private CommandOutcome run(String body) throws Exception {
    Path script = f.script("train.sh", body);
    return f.run(
        f.runner(Duration.ofSeconds(1)),
        f.request(List.of(script.toString()), Duration.ofSeconds(30)));
  }

  @Test
  void exitZeroWithAModelSucceedsWithItsFilesAndReportedMetrics() throws Exception {
    CommandOutcome outcome =
        run(
            """
            test -s "$TOLLGATE_CHANNEL_TRAIN/train.csv" || exit 9
            test "$SM_MODEL_DIR" = "$TOLLGATE_MODEL_DIR" || exit 8
            mkdir -p "$TOLLGATE_MODEL_DIR/sub"
            echo model > "$TOLLGATE_MODEL_DIR/model.onnx"
            echo x > "$TOLLGATE_MODEL_DIR/sub/extra.txt"
            echo '{"auc": 0.91, "loss": 3}' > "$SM_OUTPUT_DATA_DIR/metrics.json"
            echo done""");
    assertThat(outcome).isInstanceOf(CommandOutcome.Succeeded.class);
    CommandOutcome.Succeeded ok = (CommandOutcome.Succeeded) outcome;
    assertThat(ok.modelFiles()).containsExactly("model.onnx", "sub/extra.txt");
    assertThat(ok.reportedMetrics())
        .containsExactly(Map.entry("auc", 0.91), Map.entry("loss", 3.0));
    assertThat(Files.readString(ok.trainLog())).isEqualTo("done\n");
    assertThat(f.lines).containsExactly("STDOUT done");
    assertThat(ok.runFolder()).startsWith(dir.resolve("home/training-runs"));
  }

  @Test
  void metricsThatAreNotFlatNumbersAreRefusedWithTheKey() throws Exception {
    CommandOutcome outcome =
        run(
            """
            echo m > "$TOLLGATE_MODEL_DIR/model.onnx"
            echo '{"auc": "high"}' > "$TOLLGATE_OUTPUT_DIR/metrics.json\"""");
    assertThat(((CommandOutcome.Failed) outcome).message())
        .contains("metrics.json: 'auc' must be a finite number, got a string")
        .doesNotContain("high");
    outcome =
        run(
            """
            echo m > "$TOLLGATE_MODEL_DIR/model.onnx"
            echo 'auc=0.9' > "$TOLLGATE_OUTPUT_DIR/metrics.json\"""");
    assertThat(((CommandOutcome.Failed) outcome).message())
        .contains("metrics.json is not JSON (line 1");
  }

  @Test
  void exitZeroWithoutAModelFailsListingWhatItWroteInstead() throws Exception {
    CommandOutcome outcome =
        run(
            """
            echo m > model.pkl
            echo '{}' > "$TOLLGATE_OUTPUT_DIR/metrics.json\"""");
    CommandOutcome.Failed failed = (CommandOutcome.Failed) outcome;
    assertThat(failed.retryable()).isFalse();
    assertThat(failed.message())
        .contains("exited 0 but wrote no model")
        .contains("in TOLLGATE_OUTPUT_DIR: metrics.json")
        .contains("model.pkl");
  }

  @Test
  void aModelFolderWithALinkIsRefusedSoNoOtherFileIsTakenAsTheModel() throws Exception {
    CommandOutcome outcome =
        run(
            """
            echo m > "$TOLLGATE_MODEL_DIR/model.onnx"
            ln -s /etc/passwd "$TOLLGATE_MODEL_DIR/weights.bin\"""");
    assertThat(((CommandOutcome.Failed) outcome).message())
        .isEqualTo(
            "TOLLGATE_MODEL_DIR holds a symbolic link, 'weights.bin': write or copy the model's"
                + " files into the folder itself");
  }

  @Test
  void exit75IsRetryableWithTheFailureFile() throws Exception {
    CommandOutcome.Failed failed =
        (CommandOutcome.Failed) run("echo 'GPU busy' > \"$TOLLGATE_OUTPUT_DIR/failure\"; exit 75");
    assertThat(failed.retryable()).isTrue();
    assertThat(failed.exitCode()).isEqualTo(75);
    assertThat(failed.message()).isEqualTo("exit 75 (EX_TEMPFAIL, will be retried): GPU busy");
  }

  @Test
  void otherExitsFailForGoodWithTheFailureFilesFirstKilobyte() throws Exception {
    CommandOutcome.Failed failed =
        (CommandOutcome.Failed)
            run("head -c 5000 /dev/zero | tr '\\0' 'a' > \"$TOLLGATE_OUTPUT_DIR/failure\"; exit 3");
    assertThat(failed.retryable()).isFalse();
    assertThat(failed.message()).isEqualTo("exit 3: " + "a".repeat(1024));
  }

  @Test
  void withoutAFailureFileTheLastTwentyStderrLinesAreTheReason() throws Exception {
    CommandOutcome.Failed failed =
        (CommandOutcome.Failed) run("for i in $(seq 1 30); do echo \"err $i\" >&2; done; exit 2");
    assertThat(failed.message())
        .startsWith("exit 2: last lines of stderr:\nerr 11\n")
        .endsWith("err 30");
    assertThat(failed.message()).doesNotContain("err 10\n");
  }

  @Test
  void aKillBySigkillSaysLikelyOutOfMemory() throws Exception {
    CommandOutcome.Failed failed = (CommandOutcome.Failed) run("kill -9 $$");
    assertThat(failed.exitCode()).isEqualTo(137);
    assertThat(failed.message()).startsWith("killed (137): likely out of memory");
  }

  @Test
  void aMissingProgramIsNamedBeforeAnythingStarts() throws Exception {
    CommandOutcome outcome =
        f.run(
            f.runner(Duration.ofSeconds(1)),
            f.request(List.of("no-such-trainer-xyz", "a"), Duration.ofSeconds(5)));
    assertThat(((CommandOutcome.Failed) outcome).message())
        .startsWith("command not found: 'no-such-trainer-xyz' (searched the command's PATH: ");
    Path plain = Files.writeString(dir.resolve("plain.sh"), "echo hi\n");
    outcome =
        f.run(
            f.runner(Duration.ofSeconds(1)),
            f.request(List.of("./plain.sh"), Duration.ofSeconds(5)));
    assertThat(((CommandOutcome.Failed) outcome).message())
        .contains("'./plain.sh' is not executable");
    assertThat(plain).exists();
  }
}
