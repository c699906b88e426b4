package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The examples' requirements pin every package exactly, at the versions of
 * scripts/python-ml-requirements.txt: ExampleTrainersTest trains the examples with that venv, so a
 * pin that drifted from it would leave the examples untested at the versions people install.
 */
class ExampleRequirementsTest {
  private static final List<String> FILES =
      List.of(
          "churn-sklearn/trainer/requirements.txt",
          "lightgbm-regressor/trainer/requirements.txt",
          "import-onnx/requirements.txt");

  @Test
  void everyExamplePinIsExactAndTheTestedOne() throws IOException {
    Path examples = Example.examples();
    List<String> tested = pins(examples.resolveSibling("scripts/python-ml-requirements.txt"));
    for (String file : FILES) {
      List<String> pins = pins(examples.resolve(file));
      assertThat(pins).as(file).isNotEmpty().allMatch(p -> p.matches("[a-z0-9_.-]+==[0-9][\\w.]*"));
      assertThat(tested).as(file + " vs scripts/python-ml-requirements.txt").containsAll(pins);
    }
  }

  @Test
  void aTrainerRequiresWhatItImportsToExport() throws IOException {
    Path examples = Example.examples();
    assertThat(pins(examples.resolve(FILES.get(0))))
        .contains("scikit-learn==1.9.1", "skl2onnx==1.20.0", "onnx==1.23.2");
    assertThat(pins(examples.resolve(FILES.get(1))))
        .contains("lightgbm==4.7.0", "onnxmltools==1.16.0", "packaging==26.4");
  }

  /** The requirement lines, comments dropped, names lower-cased ({@code ml_dtypes==0.7.0}). */
  private static List<String> pins(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(l -> l.replaceAll("#.*", "").strip())
        .filter(l -> !l.isEmpty())
        .map(l -> l.toLowerCase(Locale.ROOT))
        .toList();
  }
}
