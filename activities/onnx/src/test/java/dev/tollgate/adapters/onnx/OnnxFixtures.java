package dev.tollgate.adapters.onnx;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.tools.InstalledTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The ONNX test models, trained for real: scripts/install-python-ml.sh makes (once, cached) the
 * pinned Python, and src/test/python/make_fixtures.py trains and exports the models into {@code
 * target/onnx-fixtures} with each library's own predictions on a holdout. Made once per test JVM.
 * Never skipped: without Python the tests fail with the install script's error.
 */
final class OnnxFixtures {
  static final List<String> FEATURES = List.of("f0", "f1", "f2", "f3");
  private static Path dir;

  private OnnxFixtures() {}

  /** The pinned Python with scikit-learn and skl2onnx (TOLLGATE_PYTHON_ML, or installed). */
  static Path python() throws IOException, InterruptedException {
    return InstalledTool.find(
        "TOLLGATE_PYTHON_ML",
        "install-python-ml.sh",
        "the ONNX tests need scikit-learn, LightGBM and the ONNX converters");
  }

  static synchronized Path dir() throws IOException, InterruptedException {
    if (dir != null) return dir;
    Path python = python();
    Path out = Path.of("target", "onnx-fixtures").toAbsolutePath();
    Path log = Path.of("target", "make_fixtures.log").toAbsolutePath();
    Files.createDirectories(out);
    Process make =
        new ProcessBuilder(
                python.toString(), Path.of("src/test/python/make_fixtures.py").toString(), "" + out)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (make.waitFor() != 0) {
      throw new IllegalStateException(
          "make_fixtures.py failed (exit "
              + make.exitValue()
              + "):\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    dir = out;
    return dir;
  }

  static byte[] model(String name) throws IOException, InterruptedException {
    return Files.readAllBytes(dir().resolve(name));
  }

  /** A holdout CSV written by make_fixtures.py: its feature columns and every other column. */
  record Holdout(List<String> header, double[][] features, List<String[]> rows) {
    String[] column(String name) {
      int j = header.indexOf(name);
      return rows.stream().map(r -> r[j]).toArray(String[]::new);
    }

    double[] numbers(String name) {
      return java.util.Arrays.stream(column(name)).mapToDouble(Double::parseDouble).toArray();
    }

    /** The features as a dataset; classification when {@code target} holds labels. */
    Dataset dataset(String target, boolean classification) {
      double[] y = new double[rows.size()];
      List<String> classes = null;
      if (classification) {
        classes = List.copyOf(new TreeSet<>(List.of(column(target))));
        String[] labels = column(target);
        for (int i = 0; i < y.length; i++) y[i] = classes.indexOf(labels[i]);
      } else {
        y = numbers(target);
      }
      return new Dataset("holdout.csv", "sha", target, FEATURES, y, features, classes);
    }
  }

  static Holdout holdout(String name) throws IOException, InterruptedException {
    List<String> lines = Files.readAllLines(dir().resolve(name), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.getFirst().split(","));
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) rows.add(line.split(","));
    double[][] columns = new double[FEATURES.size()][rows.size()];
    for (int j = 0; j < FEATURES.size(); j++) {
      int at = header.indexOf(FEATURES.get(j));
      for (int i = 0; i < rows.size(); i++) columns[j][i] = Double.parseDouble(rows.get(i)[at]);
    }
    return new Holdout(header, columns, rows);
  }
}
