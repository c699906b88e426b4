package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tollgate.spec.ParamValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SageMaker-style script runs unchanged: argparse with typed arguments, SM_* folders, SM_HPS.
 * Skipped where the machine has no python3.
 */
class PythonScriptTest {
  @TempDir Path dir;

  private static final String TRAIN_PY =
      """
      import argparse, csv, json, os, sys
      p = argparse.ArgumentParser()
      p.add_argument("--max_depth", type=int)
      p.add_argument("--eta", type=float)
      p.add_argument("--loss", type=str)
      args = p.parse_args()
      hps = json.loads(os.environ["SM_HPS"])
      assert hps == {"max_depth": 6, "eta": 0.5, "loss": "log_loss"}, hps
      rows = list(csv.reader(open(os.path.join(os.environ["SM_CHANNEL_TRAIN"], "train.csv"))))
      for i in range(4):
          print(f"tollgate:progress {(i + 1) / 4} step {i + 1}")
      print("warming up", file=sys.stderr)
      with open(os.path.join(os.environ["SM_MODEL_DIR"], "model.txt"), "w") as f:
          f.write(f"depth={args.max_depth} rows={len(rows) - 1}")
      json.dump({"rows": len(rows) - 1}, open(os.path.join(os.environ["SM_OUTPUT_DATA_DIR"], "metrics.json"), "w"))
      """;

  @Test
  void aSageMakerStyleScriptTrainsUnchanged() throws Exception {
    assumeTrue(
        new ProcessBuilder("python3", "--version").start().waitFor() == 0, "python3 not installed");
    RunnerFixture f = new RunnerFixture(dir);
    Files.writeString(dir.resolve("train.py"), TRAIN_PY);
    Map<String, ParamValue> params = new LinkedHashMap<>();
    params.put("max_depth", ParamValue.number(6));
    params.put("eta", ParamValue.number(0.5));
    params.put("loss", ParamValue.text("log_loss"));
    CommandRequest request =
        new CommandRequest(
            List.of("python3", "train.py"),
            dir,
            f.trainCsv,
            params,
            Map.of(),
            Duration.ofSeconds(60),
            null);
    CommandOutcome outcome = f.run(f.runner(Duration.ofSeconds(1)), request);

    assertThat(outcome).isInstanceOf(CommandOutcome.Succeeded.class);
    CommandOutcome.Succeeded ok = (CommandOutcome.Succeeded) outcome;
    assertThat(Files.readString(ok.modelDir().resolve("model.txt"))).isEqualTo("depth=6 rows=2");
    assertThat(ok.reportedMetrics()).containsExactly(Map.entry("rows", 2.0));
    assertThat(f.progress).containsExactly(0.25, 0.5, 0.75, 1.0);
    assertThat(f.lines).contains("STDERR warming up", "STDOUT tollgate:progress 0.25 step 1");
  }
}
