package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.ParamValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command sees (environment, arguments) and what becomes of its output. */
class CommandRunnerOutputTest {
  @TempDir Path dir;
  RunnerFixture f;

  @BeforeEach
  void setUp() throws Exception {
    f = new RunnerFixture(dir);
  }

  @Test
  void fiftyMegabytesOfOutputLeaveABoundedTrainLogWithHeadAndTail() throws Exception {
    Path script =
        f.script(
            "train.sh",
            """
            echo first line
            head -c 52428800 /dev/zero | tr '\\0' 'x' | fold -w 99
            echo
            echo last line
            echo m > "$TOLLGATE_MODEL_DIR/model.bin\"""");
    CommandRunner runner = f.runner(Duration.ofSeconds(1));
    CommandOutcome outcome =
        runner.run(
            f.request(List.of(script.toString()), Duration.ofMinutes(2)),
            RunListener.NONE,
            LogSink.DISCARD);
    assertThat(outcome).isInstanceOf(CommandOutcome.Succeeded.class);
    String log = Files.readString(outcome.trainLog());
    assertThat(Files.size(outcome.trainLog())).isLessThanOrEqualTo(1024 * 1024);
    assertThat(log).startsWith("first line\n").endsWith("\nlast line\n");
    assertThat(log).containsPattern("\\[tollgate: \\d+ lines \\(\\d+ bytes\\) left out here");
  }

  @Test
  void progressLinesAndTheSpecsPatternBecomeProgressCallbacks() throws Exception {
    Path script =
        f.script(
            "train.sh",
            """
            echo 'tollgate:progress 0.25 epoch 1/4'
            echo 'not progress'
            echo 'Epoch done: 50%'
            echo 'tollgate:progress 1.7'
            echo m > "$TOLLGATE_MODEL_DIR/model.bin\"""");
    CommandRequest request =
        new CommandRequest(
            List.of(script.toString()),
            dir,
            f.trainCsv,
            Map.of(),
            Map.of(),
            Duration.ofSeconds(30),
            Pattern.compile("done: (?<percent>\\d+)%"));
    assertThat(f.run(f.runner(Duration.ofSeconds(1)), request))
        .isInstanceOf(CommandOutcome.Succeeded.class);
    assertThat(f.progress).containsExactly(0.25, 0.5, 1.0);
  }

  @Test
  void theCommandGetsTheContractHyperparametersAndOnlyAllowedWorkerVariables() throws Exception {
    Path seen = dir.resolve("seen");
    Path script =
        f.script(
            "train.sh",
            """
            env | sort > "%s.env"
            echo "$@" > "%s.args"
            cat "$TOLLGATE_HYPERPARAMETERS" > "%s.json"
            echo m > "$TOLLGATE_MODEL_DIR/model.bin\""""
                .formatted(seen, seen, seen));
    Map<String, ParamValue> params = new LinkedHashMap<>();
    params.put("max_depth", ParamValue.number(6));
    params.put("eta", ParamValue.number(0.1));
    params.put("loss", ParamValue.text("log_loss"));
    params.put("warm_start", ParamValue.flag(true));
    CommandRequest request =
        new CommandRequest(
            List.of(script.toString(), "--epochs", "20"),
            dir,
            f.trainCsv,
            params,
            Map.of("WANDB_MODE", "offline", "TOLLGATE_MODEL_DIR", "/elsewhere"),
            Duration.ofSeconds(30),
            null);
    CommandOutcome outcome = f.run(f.runner(Duration.ofSeconds(1)), request);
    assertThat(outcome).isInstanceOf(CommandOutcome.Succeeded.class);

    assertThat(Files.readString(Path.of(seen + ".args")).trim())
        .isEqualTo("--epochs 20 --max_depth 6 --eta 0.1 --loss log_loss --warm_start true");
    assertThat(Files.readString(Path.of(seen + ".json")))
        .isEqualTo("{\"max_depth\":6,\"eta\":0.1,\"loss\":\"log_loss\",\"warm_start\":true}");
    String env = Files.readString(Path.of(seen + ".env"));
    Path run = outcome.runFolder();
    assertThat(env)
        .contains("WANDB_MODE=offline\n")
        .contains("TOLLGATE_MODEL_DIR=" + run.resolve("model") + "\n")
        .contains("SM_MODEL_DIR=" + run.resolve("model") + "\n")
        .contains("SM_CHANNEL_TRAIN=" + run.resolve("input/data/train") + "\n")
        .contains("TOLLGATE_OUTPUT_DIR=" + run.resolve("output") + "\n")
        .contains("SM_OUTPUT_DATA_DIR=" + run.resolve("output") + "\n")
        .contains("SM_HP_MAX_DEPTH=6\n")
        .contains("TMPDIR=" + run.resolve("tmp") + "\n")
        .contains("PATH=")
        .doesNotContain("secret-db")
        .doesNotContain("secret-aws")
        .doesNotContain("TOLLGATE_DB_PASSWORD")
        .doesNotContain("/elsewhere");
  }
}
