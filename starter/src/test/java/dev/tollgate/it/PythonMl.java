package dev.tollgate.it;

import dev.tollgate.activities.tools.InstalledTool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real Python the training-command tests train with: the pinned venv of
 * scripts/install-python-ml.sh (scikit-learn, LightGBM, skl2onnx, onnxmltools), found through
 * TOLLGATE_PYTHON_ML (scripts/test.sh exports it) or made by the script. Never skipped: without
 * python3 and venv the tests fail with the script's message. Also the test's Python files
 * (src/test/resources/it-training).
 */
final class PythonMl {
  private static Path python;

  private PythonMl() {}

  /** The venv's python. */
  static synchronized Path python() {
    if (python != null) return python;
    try {
      python =
          InstalledTool.find(
              "TOLLGATE_PYTHON_ML",
              "install-python-ml.sh",
              "the training-command integration tests train with scikit-learn and LightGBM");
      return python;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while finding the Python", e);
    }
  }

  /**
   * The worker's environment with the venv's {@code bin} first on PATH, so a spec's {@code [python,
   * train.py]} runs with the venv's packages, as an activated venv would.
   */
  static Map<String, String> onPath() {
    return Map.of("PATH", python().getParent() + ":" + System.getenv("PATH"));
  }

  /** Runs the venv's python with {@code args} to its end. */
  static ProcResult run(Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(python().toString());
    command.addAll(List.of(args));
    return Commands.run(command, Map.of(), timeout);
  }

  /** Copies src/test/resources/it-training/{@code name} into {@code dir}. */
  static Path copyScript(String name, Path dir) {
    try (InputStream in = PythonMl.class.getResourceAsStream("/it-training/" + name)) {
      if (in == null) throw new IllegalStateException("no test resource it-training/" + name);
      Path target = dir.resolve(name);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
