package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.tools.InstalledTool;
import dev.tollgate.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate demo --auto-approve} on a copy of examples/import-onnx: the data and the ONNX
 * model made by the example's own scripts (the python-ml venv, whose pins the example's are), then
 * the model imported, measured on Tollgate's holdout, gated, approved and deployed, in-process.
 * Tollgate runs no Python for an import. Never skipped: without Python the install's message fails
 * the test.
 */
class ImportDemoEndToEndTest {
  @TempDir Path dir;

  @Test
  void theImportedModelIsMeasuredGatedAndDeployed() throws Exception {
    Path from = Path.of("../examples/import-onnx");
    for (String file : List.of("deliveries.yaml", "generate_data.py", "make_model.py")) {
      Files.copy(from.resolve(file), dir.resolve(file));
    }
    Path python =
        InstalledTool.find(
            "TOLLGATE_PYTHON_ML",
            "install-python-ml.sh",
            "the import example's test makes its model with scikit-learn and skl2onnx");
    run(python, "generate_data.py");
    run(python, "make_model.py");

    CliRun demo =
        CliRun.of(
            "demo",
            "--spec",
            dir.resolve("deliveries.yaml").toString(),
            "--auto-approve",
            "--home",
            dir.resolve("home").toString());

    assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
    assertThat(demo.out())
        .contains("✓ threshold.rmse", "✓ threshold.r2", "smoke test passed")
        .containsPattern(
            "DEPLOYED delivery-minutes v1 \\(rmse [3-5](\\.\\d+)?, r2 0\\.[89]\\d*\\)");
  }

  private void run(Path python, String script) throws Exception {
    Path log = dir.resolve(script + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(python.toString(), dir.resolve(script).toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process p = builder.start();
    assertThat(p.waitFor()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
  }
}
