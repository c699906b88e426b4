package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.models.ModelCodec;
import dev.tollgate.activities.models.ModelContract;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.tools.InstalledTool;
import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.activities.train.command.CommandRequest;
import dev.tollgate.activities.train.command.CommandRunner;
import dev.tollgate.activities.train.command.RunListener;
import dev.tollgate.activities.train.command.RunnerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples' own code, run for real: each example's seeded generator writes its data, its
 * train.py runs through core's {@link CommandRunner} as the spec's command (the contract's folders
 * and variables, the spec's params, the python-ml venv standing in for the spec's requirements,
 * whose pins ExampleRequirementsTest keeps equal), and the model.onnx it leaves loads through
 * {@link ModelCodec} with the spec's features and answers as the Python library did on the rows the
 * script held out (its validation_predictions.csv), within 1e-5. Never skipped.
 */
class ExampleTrainersTest {
  private static final double TOLERANCE = 1e-5;
  private static Path python;
  @TempDir Path dir;

  @BeforeAll
  static void python() throws Exception {
    python =
        InstalledTool.find(
            "TOLLGATE_PYTHON_ML",
            "install-python-ml.sh",
            "the examples' tests need scikit-learn, LightGBM and the ONNX converters");
  }

  @Test
  void churnClassifierTrainsByTheContractAndScoresAsScikitLearn() throws Exception {
    Example churn = Example.of("churn-sklearn", "churn.yaml");
    Trained run = train(churn, "customers.csv");
    assertThat(run.outcome.reportedMetrics()).containsOnlyKeys("accuracy", "auc");
    assertThat(run.outcome.reportedMetrics().get("auc")).isGreaterThan(0.8);

    ScoredRows rows = ScoredRows.read(run.outputDir().resolve("validation_predictions.csv"));
    List<String> classes = List.of("no", "yes"); // Tollgate's: the target's labels, sorted
    Dataset data = rows.dataset(churn, classes);
    try (Predictor model =
        ModelCodec.decode(
            ModelFormat.ONNX,
            run.model(),
            new ModelContract("classification", churn.features(), classes))) {
      Predictions answers = model.predict(data, data.allRows());
      for (int c = 0; c < classes.size(); c++) {
        double[] expected = rows.numbers("p_" + classes.get(c));
        for (int i = 0; i < data.rows(); i++) {
          assertThat(answers.probabilities()[i][c]).isCloseTo(expected[i], within(TOLERANCE));
        }
      }
      String[] predicted = rows.column("predicted");
      for (int i = 0; i < data.rows(); i++) {
        assertThat(classes.get((int) answers.values()[i])).isEqualTo(predicted[i]);
      }
    }
  }

  @Test
  void lightGbmRegressorTrainsByTheContractAndScoresAsLightGbm() throws Exception {
    Example bikes = Example.of("lightgbm-regressor", "bike-rentals.yaml");
    Trained run = train(bikes, "rentals.csv");
    assertThat(run.outcome.reportedMetrics()).containsOnlyKeys("rmse", "mae", "r2");
    assertThat(run.outcome.reportedMetrics().get("r2")).isGreaterThan(0.8);
    // One progress line per 50 of the 300 rounds, from the LightGBM callback, and the last at 1.
    assertThat(run.progress).hasSizeGreaterThanOrEqualTo(8).endsWith(1.0);
    ScoredRows rows = ScoredRows.read(run.outputDir().resolve("validation_predictions.csv"));
    assertValuesMatch(bikes, run.model(), rows);
  }

  @Test
  void importedModelIsTheFileTheSpecNamesAndScoresAsScikitLearn() throws Exception {
    Example deliveries = Example.of("import-onnx", "deliveries.yaml");
    // make_model.py's default folder is what the spec imports; here it writes to a temp folder.
    assertThat(deliveries.training().path("import").path("uri").asText())
        .isEqualTo("file:model/model.onnx");
    Path log = dir.resolve("make.log");
    deliveries.python(python, "make_model.py", log, dir.resolve("model").toString());
    byte[] onnx = Files.readAllBytes(dir.resolve("model/model.onnx"));
    assertValuesMatch(deliveries, onnx, ScoredRows.read(dir.resolve("model/check.csv")));

    // On the spec's own data, rows the model never saw, it passes the spec's rmse bound.
    Path csv = dir.resolve("deliveries.csv");
    deliveries.python(python, "generate_data.py", log, csv.toString());
    Dataset data = ScoredRows.read(csv).dataset(deliveries, null);
    double max = deliveries.spec().at("/validation/thresholds/rmse/max").asDouble();
    try (Predictor model =
        ModelCodec.decode(
            ModelFormat.ONNX, onnx, new ModelContract("regression", deliveries.features(), null))) {
      double[] answers = model.predict(data, data.allRows()).values();
      double squares = 0;
      for (int i = 0; i < data.rows(); i++) squares += Math.pow(answers[i] - data.y()[i], 2);
      assertThat(Math.sqrt(squares / data.rows())).isBetween(1.0, max * 0.8);
    }
  }

  private static void assertValuesMatch(Example example, byte[] onnx, ScoredRows rows)
      throws Exception {
    Dataset data = rows.dataset(example, null);
    try (Predictor model =
        ModelCodec.decode(
            ModelFormat.ONNX, onnx, new ModelContract("regression", example.features(), null))) {
      Predictions answers = model.predict(data, data.allRows());
      double[] expected = rows.numbers("predicted");
      for (int i = 0; i < data.rows(); i++) {
        double tolerance = TOLERANCE * Math.max(1, Math.abs(expected[i]));
        assertThat(answers.values()[i]).as("row " + i).isCloseTo(expected[i], within(tolerance));
      }
    }
  }

  /** A finished run of the example's command, with what it reported and the model it left. */
  private record Trained(CommandOutcome.Succeeded outcome, List<Double> progress) {
    Path outputDir() {
      return outcome.runFolder().resolve("output");
    }

    byte[] model() throws java.io.IOException {
      return Files.readAllBytes(outcome.modelDir().resolve("model.onnx"));
    }
  }

  /** Generates the example's data, then runs its spec's command as the train stage will. */
  private Trained train(Example example, String csvName) throws Exception {
    Path csv = dir.resolve(csvName);
    example.python(python, "generate_data.py", dir.resolve("generate.log"), csv.toString());
    CommandRunner runner =
        new CommandRunner(
            new RunnerSettings(
                dir.resolve("home/training-runs"),
                Duration.ofSeconds(2),
                Duration.ofMillis(200),
                RunnerSettings.DEFAULT_LOG_LIMIT,
                Set.of()));
    CommandRequest request =
        new CommandRequest(
                example.command(),
                example.workdir(),
                csv,
                example.params(),
                Map.of(),
                Duration.ofMinutes(10),
                null)
            .withVenv(python.getParent().getParent());
    List<Double> progress = Collections.synchronizedList(new ArrayList<>());
    RunListener listener =
        new RunListener() {
          @Override
          public void progress(double fraction, String text) {
            progress.add(fraction);
          }

          @Override
          public String stopReason() {
            return null;
          }
        };
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    CommandOutcome outcome = runner.run(request, listener, (stream, line) -> lines.add(line));
    assertThat(outcome).as(String.join("\n", lines)).isInstanceOf(CommandOutcome.Succeeded.class);
    CommandOutcome.Succeeded done = (CommandOutcome.Succeeded) outcome;
    assertThat(done.modelFiles()).containsExactly("model.onnx");
    assertThat(progress).isNotEmpty().endsWith(1.0);
    return new Trained(done, progress);
  }
}
