package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bring-your-own training on the real dev server (issue 24): the examples' own train.py, run by a
 * worker with training commands on, with the tests' pinned Python venv on its PATH. Each example
 * trains, validates, is approved, deploys and answers predictions over HTTP, and what ONNX Runtime
 * for Java answers for the rows Tollgate held out agrees with the library's own predict_proba /
 * predict within 1e-5; the import example (a model trained elsewhere) likewise for its check rows.
 * Then the bad inputs that only a real worker shows end to end: a worker with commands off, a
 * command that exits 0 without a model, one that fails with a {@code failure} file, an import of a
 * missing file — each FAILED with its reason in {@code tollgate status}, nothing registered.
 *
 * <p>One worker for the class, in its own namespace; the "commands off" case uses the shared
 * worker, which has its defaults.
 */
@ExtendWith(SharedStack.class)
class TrainingCommandIT {
  private static final String NAMESPACE = SharedStack.COMMANDS_NAMESPACE;
  private static final Duration TO_GATE = Duration.ofMinutes(4);
  private static final Duration TO_END = Duration.ofMinutes(2);
  private static WorkerProcess worker;
  private static Cli cli;
  private static Runs runs;
  private static Path work;
  private static ExampleCopy imported;
  private static final Map<Example, ExampleCopy> examples = new java.util.EnumMap<>(Example.class);

  enum Example {
    SKLEARN_CLASSIFIER("churn-sklearn", "churn.yaml"),
    LIGHTGBM_REGRESSOR("lightgbm-regressor", "bike-rentals.yaml");

    final String folder;
    final String spec;

    Example(String folder, String spec) {
      this.folder = folder;
      this.spec = spec;
    }
  }

  /**
   * Starts every run of the class at once, so they train side by side while the tests wait on each
   * in turn (the class's time is then about its longest run's, not their sum).
   */
  @BeforeAll
  static void start() {
    TemporalDevServer server = SharedStack.get().server();
    work = ItSettings.newWorkDir("commands");
    Map<String, String> env = new HashMap<>(PythonMl.onPath());
    env.put("TOLLGATE_TRAINING_COMMANDS", "true");
    worker =
        WorkerProcess.start(
            "commands", server.address(), NAMESPACE, ItSettings.newWorkDir("commands-home"), env);
    cli = new Cli(server.address(), NAMESPACE);
    runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
    for (Example example : Example.values()) {
      ExampleCopy copy = ExampleCopy.of(example.folder, example.spec, work);
      examples.put(example, copy);
      started(cli, copy.spec());
    }
    imported = ExampleCopy.ofImport("import-onnx", "deliveries.yaml", work);
    started(cli, imported.spec());
    started(cli, CommandSpecs.importing(work, "it-import-missing", "file:model/missing.onnx"));
    started(
        SharedStack.get().cli(),
        CommandSpecs.write(
            ItSettings.newWorkDir("commands-off"),
            "it-cmd-off",
            List.of("sh", "-c", "echo should never run; exit 1"),
            Map.of(),
            Map.of()));
    started(
        cli,
        CommandSpecs.write(
            work,
            "it-cmd-no-model",
            List.of("sh", "-c", "echo weights > model.pkl; echo trained"),
            Map.of(),
            Map.of()));
    started(
        cli,
        CommandSpecs.write(
            work,
            "it-cmd-failure",
            List.of(
                "sh",
                "-c",
                "echo 'column churned has one class only' > \"$TOLLGATE_OUTPUT_DIR/failure\";"
                    + " echo noise on stderr >&2; exit 3"),
            Map.of(),
            Map.of()));
  }

  private static void started(Cli cli, Path spec) {
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
  }

  @AfterAll
  static void stop() {
    if (worker != null) worker.close();
    if (worker != null) TrainingProcesses.killAll(worker.home());
  }

  @ParameterizedTest
  @EnumSource(Example.class)
  void theExampleIsDeployedAndServesWhatItsLibraryPredicts(Example example) throws Exception {
    ExampleCopy copy = examples.get(example);
    String run = copy.model() + "/r1";
    runs.awaitStage(run, "AWAITING_APPROVAL", TO_GATE);
    ProcResult approved = cli.approve(run, "alice");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    RunStatus done = runs.awaitFinished(run, TO_END);
    assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + copy.model() + " v1");
    JsonNode registry = new RegistryView(cli).record(copy.model());
    assertThat(RegistryView.versionStages(registry)).containsExactly("PRODUCTION");

    HoldoutRows holdout =
        HoldoutRows.of(
            copy.data(), copy.keep().resolve("train.csv"), copy.features(), copy.target());
    assertThat(holdout.features())
        .as("Tollgate held out a fifth or so of %d rows", holdout.dataRows())
        .hasSizeBetween(holdout.dataRows() / 10, holdout.dataRows() / 3);
    List<String[]> library = libraryScores(copy, holdout);
    JsonNode served =
        ServingClient.of(worker).predict(copy.model(), copy.features(), holdout.features());
    assertThat(served.path("version").asInt()).isEqualTo(1);
    if (example == Example.SKLEARN_CLASSIFIER) {
      ScoreComparison.classifier(served, library, 1e-5);
    } else {
      ScoreComparison.regressor(served, library, 1e-5);
    }
    ScoreComparison.measuredOnThisHoldout(
        registry, done, holdout, library, example == Example.SKLEARN_CLASSIFIER);
  }

  /**
   * The import example (the CD half): a model trained elsewhere, taken, measured, approved,
   * deployed, and served as scikit-learn predicted for make_model.py's 200 check rows.
   */
  @Test
  void theImportedModelIsDeployedAndServesWhatScikitLearnPredicted() throws Exception {
    String run = imported.model() + "/r1";
    runs.awaitStage(run, "AWAITING_APPROVAL", TO_GATE);
    ProcResult approved = cli.approve(run, "alice");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    RunStatus done = runs.awaitFinished(run, TO_END);
    assertThat(done.outcome())
        .as(done.toString())
        .startsWith("DEPLOYED " + imported.model() + " v1");
    assertThat(new RegistryView(cli).versionStages(imported.model())).containsExactly("PRODUCTION");

    List<String[]> check =
        Files.readAllLines(imported.keep().resolve("check.csv")).stream()
            .map(l -> l.split(",", -1))
            .toList();
    List<String> header = List.of(check.get(0));
    List<double[]> rows = new java.util.ArrayList<>();
    List<String[]> sklearn = new java.util.ArrayList<>();
    sklearn.add(new String[] {"predicted"});
    for (String[] line : check.subList(1, check.size())) {
      rows.add(
          imported.features().stream()
              .mapToDouble(f -> Double.parseDouble(line[header.indexOf(f)]))
              .toArray());
      sklearn.add(new String[] {line[header.indexOf("predicted")]});
    }
    JsonNode served = ServingClient.of(worker).predict(imported.model(), imported.features(), rows);
    ScoreComparison.regressor(served, sklearn, 1e-5);
  }

  @Test
  void anImportOfAMissingFileFailsNamingTheKeyAndTheFile() {
    RunStatus done = ended(cli, "it-import-missing", worker);
    assertThat(done.lines().get("cause"))
        .contains("training.import.uri")
        .contains("missing.onnx")
        .doesNotContain("data.train");
    assertThat(new RegistryView(cli).versionStages("it-import-missing")).isEmpty();
  }

  @Test
  void aWorkerWithCommandsOffRefusesTheRunSayingHowToTurnThemOn() {
    SharedStack shared = SharedStack.get();
    RunStatus done = ended(shared.cli(), "it-cmd-off", shared.worker());
    assertThat(done.lines().get("cause"))
        .contains("this worker does not run training commands")
        .contains("tollgate worker --training-commands");
    assertThat(shared.registry().versionStages("it-cmd-off")).isEmpty();
  }

  @Test
  void aCommandThatExitsZeroWithoutAModelFailsSayingWhatItLeft() {
    RunStatus done = ended(cli, "it-cmd-no-model", worker);
    assertThat(done.lines().get("cause"))
        .contains("exited 0 but wrote no model")
        .contains("model.pkl")
        .contains("TOLLGATE_MODEL_DIR");
    assertThat(new RegistryView(cli).versionStages("it-cmd-no-model")).isEmpty();
  }

  @Test
  void aCommandThatFailsWithAFailureFileFailsTheRunWithItsReason() {
    RunStatus done = ended(cli, "it-cmd-failure", worker);
    assertThat(done.lines().get("cause"))
        .contains("exit 3")
        .contains("column churned has one class only")
        .doesNotContain("noise on stderr");
    assertThat(new RegistryView(cli).versionStages("it-cmd-failure")).isEmpty();
    assertThat(
            History.startedAttempts(
                SharedStack.get().server(), NAMESPACE, "pipeline/it-cmd-failure/r1", "Train"))
        .as("a failed command is not retried")
        .containsExactly(1);
  }

  /** The run {@link #start} started for {@code model}, once it has ended FAILED. */
  private static RunStatus ended(Cli cli, String model, WorkerProcess worker) {
    RunStatus done = new Runs(cli, worker::tail).awaitFinished(model + "/r1", TO_GATE);
    assertThat(done.outcome()).as(done.toString()).startsWith("FAILED " + model);
    return done;
  }

  /** The library's own answers for the holdout, from the model train.py fitted. */
  private static List<String[]> libraryScores(ExampleCopy copy, HoldoutRows holdout)
      throws IOException {
    Path rows = holdout.writeFeatures(copy.keep().resolve("holdout.csv"), copy.features());
    Path out = copy.keep().resolve("library-scores.csv");
    Path script = PythonMl.copyScript("score.py", copy.keep());
    ProcResult scored =
        PythonMl.run(
            Duration.ofMinutes(2),
            script.toString(),
            copy.keep().resolve("model.pkl").toString(),
            rows.toString(),
            out.toString());
    assertThat(scored.exitCode()).as(scored.toString()).isZero();
    List<String> lines = Files.readAllLines(out);
    return lines.stream().map(l -> l.split(",", -1)).toList();
  }
}
