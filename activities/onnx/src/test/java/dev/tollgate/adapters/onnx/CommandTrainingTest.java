package dev.tollgate.adapters.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.scores.Scores;
import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingCommandSpec;
import dev.tollgate.stages.TrainedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real scikit-learn training script run through the train activity: it trains on Tollgate's
 * training rows, leaves model.onnx, and Tollgate measures the holdout itself with ONNX Runtime; the
 * metrics equal those of scikit-learn's own predict_proba on the same rows within 1e-5.
 */
class CommandTrainingTest {
  @TempDir Path home;
  private CommandHarness h;
  private Path python;

  @BeforeEach
  void setUp() throws Exception {
    python = OnnxFixtures.python();
    h = new CommandHarness(home, true);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private TrainingCommandSpec sklearn(Map<String, String> env) {
    return h.command(
        List.of(python.toString(), "train_classifier.py"),
        Map.of("C", ParamValue.number(0.5)),
        env);
  }

  @Test
  void tollgateMeasuresTheHoldoutAsScikitLearnDoes() throws Exception {
    Path keep = Files.createDirectories(home.resolve("keep"));
    TrainedModel trained = h.run(sklearn(Map.of("KEEP_DIR", keep.toString(), "REPORTED", "0.5")));

    // the command saw the training rows only: 800 of 1000, Tollgate's split
    assertThat(trained.trainRows()).isEqualTo(800);
    assertThat(trained.holdoutRows()).isEqualTo(200);
    Map<String, Double> sklearn = scikitLearnOnTheHoldout(keep);
    assertThat(trained.metrics()).containsKeys("accuracy", "auc", "log_loss");
    for (String metric : List.of("accuracy", "auc", "log_loss", "f1")) {
      assertThat(trained.metrics().get(metric))
          .as(metric)
          .isCloseTo(sklearn.get(metric), within(1e-5));
    }
    assertThat(trained.metrics().get("accuracy")).isGreaterThan(0.8);

    ModelMetadata metadata = h.models.metadata(trained.artifactUri());
    assertThat(metadata.modelFormat()).isEqualTo("onnx");
    assertThat(metadata.algorithm()).isEqualTo("command");
    assertThat(metadata.classes()).containsExactly("no", "yes");
    assertThat(metadata.features()).isEqualTo(CommandHarness.FEATURES);
    assertThat(metadata.metrics()).isEqualTo(trained.metrics());
    assertThat(metadata.reportedMetrics()).containsExactly(Map.entry("accuracy", 0.5));
    assertThat(metadata.referenceBins()).containsKeys("f0", "f3");
    assertThat(metadata.lineage())
        .containsEntry("command", "[\"" + python + "\",\"train_classifier.py\"]")
        .containsKeys("code_version", "train_log");
    assertThat(metadata.lineage().get("code_version")).startsWith("sha256:");
    // the stored model loads back through the store, as validation and serving load it
    try (var loaded =
        h.models.load(trained.artifactUri(), trained.modelDigest(), h.data()).model()) {
      assertThat(loaded.format().id()).isEqualTo("onnx");
    }
    // train.log is the run's artifact; the run folder is gone
    Path log = h.artifacts.resolve("runs/churn/run-1/train.log");
    assertThat(Files.readString(log)).contains("trained on 800 rows");
    assertThat(h.runFoldersLeft()).isZero();
  }

  @Test
  void aModelTrainedElsewhereIsImportedAndMeasuredOnTheHoldout() throws Exception {
    // trained outside Tollgate, on every row (so not the same bytes as any command's model)
    Path exported = Files.createDirectories(h.specDir.resolve("exported"));
    Path channel = Files.createDirectories(home.resolve("elsewhere"));
    Files.copy(h.specDir.resolve("churn.csv"), channel.resolve("train.csv"));
    ProcessBuilder elsewhere =
        new ProcessBuilder(python.toString(), h.trainer.resolve("train_classifier.py").toString())
            .redirectErrorStream(true);
    elsewhere.environment().put("TOLLGATE_CHANNEL_TRAIN", channel.toString());
    elsewhere.environment().put("TOLLGATE_MODEL_DIR", exported.toString());
    elsewhere.environment().put("TOLLGATE_OUTPUT_DIR", channel.toString());
    Process p = elsewhere.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();

    TrainedModel imported = h.run(h.importing("file:" + exported.resolve("model.onnx")));

    assertThat(imported.metrics().get("accuracy")).isGreaterThan(0.8);
    assertThat(imported.holdoutRows()).isEqualTo(200);
    ModelMetadata metadata = h.models.metadata(imported.artifactUri());
    assertThat(metadata.algorithm()).isEqualTo("import");
    assertThat(metadata.lineage()).containsKey("import_uri").doesNotContainKey("command");
    assertThat(metadata.reportedMetrics()).isEmpty();
  }

  @Test
  void theValidateStageRefusesAClaimTheHoldoutDoesNotBearOut() throws Exception {
    // the script claims 0.5 accuracy; Tollgate measures about 0.9 on the holdout
    TrainingCommandSpec command = sklearn(Map.of("REPORTED", "0.5"));
    TrainedModel trained = h.run(command);
    var spec =
        dev.tollgate.activities.TestData.spec(
            Task.CLASSIFICATION,
            h.data(),
            CommandHarness.training(command),
            new dev.tollgate.spec.ValidationSpec(Map.of(), null, null, null, null));
    var version =
        new dev.tollgate.stages.ModelVersion(
            spec.model(), 1, "run-1", trained.artifactUri(), trained.modelDigest(), Map.of());
    try (var stages = new dev.tollgate.activities.StageHarness(home)) {
      var verdict =
          stages.validate(
              spec, new dev.tollgate.activities.StageHarness.Trained(trained, version), null);
      var check =
          dev.tollgate.activities.StageHarness.check(verdict, "reported_vs_measured.accuracy");
      assertThat(check.status()).isEqualTo(dev.tollgate.stages.CheckResult.Status.FAIL);
      assertThat(check.message())
          .startsWith("the training command reported accuracy 0.5000, Tollgate measured 0.")
          .endsWith("on the holdout (off by more than 0.05)");
      assertThat(verdict.passed()).isFalse();
    }
  }

  /** Scores.of over scikit-learn's own labels and probabilities on Tollgate's holdout rows. */
  private Map<String, Double> scikitLearnOnTheHoldout(Path keep) throws Exception {
    var training = CommandHarness.training(sklearn(Map.of()));
    Dataset data = new DatasetLoader().load(h.data(), Task.CLASSIFICATION, training);
    int[] holdout = HoldoutSplit.of(data, training).holdout();
    StringBuilder csv = new StringBuilder(String.join(",", data.features()) + "\n");
    for (int r : holdout) {
      for (int j = 0; j < data.features().size(); j++) {
        csv.append(j == 0 ? "" : ",").append(Double.toString(data.columns()[j][r]));
      }
      csv.append('\n');
    }
    Path holdoutCsv = Files.writeString(keep.resolve("holdout.csv"), csv);
    Path out = keep.resolve("sklearn.csv");
    Process p =
        new ProcessBuilder(
                python.toString(),
                h.trainer.resolve("score_holdout.py").toString(),
                keep.resolve("model.pkl").toString(),
                holdoutCsv.toString(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.getFirst()).isEqualTo("label,no,yes");
    double[] labels = new double[holdout.length];
    double[][] proba = new double[holdout.length][];
    for (int i = 0; i < holdout.length; i++) {
      String[] f = lines.get(i + 1).split(",");
      labels[i] = data.classes().indexOf(f[0]);
      proba[i] = new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }
    return Scores.of(Task.CLASSIFICATION, data, holdout, new Predictions(labels, proba));
  }

  static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
