package dev.tollgate.adapters.onnx;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static dev.tollgate.activities.StageHarness.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.StageHarness;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MetricBound;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.ValidationSpec;
import dev.tollgate.stages.CheckResult.Status;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.ValidationVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validate stage, unchanged, measures an ONNX model itself: it loads the stored model.onnx
 * through core's model store, scores its own holdout of the spec's data and gates on the metrics it
 * computed, as for the models it trains. (The training command that leaves such a model comes with
 * the runner; here the file is stored by hand, as that stage will.)
 */
class OnnxValidationTest {
  @TempDir Path home;

  @Test
  void aModelAnsweringNaNOnTheHoldoutFailsValidationWithoutRetry() throws Exception {
    Path csv = home.resolve("data/prices.csv");
    Files.createDirectories(csv.getParent());
    List<String> lines = Files.readAllLines(OnnxFixtures.dir().resolve("regressor.csv"));
    Files.write(
        csv,
        lines.stream().map(l -> String.join(",", List.of(l.split(",")).subList(0, 5))).toList());
    var data = new DataSpec(csv.toUri().toString(), "y", OnnxFixtures.FEATURES, 50, null);
    var validation =
        new ValidationSpec(Map.of("rmse", new MetricBound(null, 10.0)), null, null, null, null);
    PipelineSpec spec =
        TestData.spec(
            Task.REGRESSION, data, TestData.training("random_forest", Map.of()), validation);
    var stored =
        new ModelStore(new LocalArtifactStore(home.resolve("artifacts")))
            .store(
                OnnxArtifacts.metadata(spec.model(), "regression", "y", null),
                ModelFormat.ONNX,
                OnnxFixtures.model("nan.onnx"));
    var trained =
        new TrainedModel(stored.uri(), stored.digest(), Digests.sha256(csv), 160, 40, Map.of(), 0);
    var version =
        new ModelVersion(spec.model(), 1, "run-1", stored.uri(), stored.digest(), Map.of());
    try (var stages = new StageHarness(home)) {
      int open = OnnxModel.openSessions();
      var failure =
          businessFailure(
              () -> stages.validate(spec, new StageHarness.Trained(trained, version), null),
              FailureTypes.ARTIFACT_MISMATCH);
      assertThat(failure.getOriginalMessage())
          .contains(stored.uri())
          .contains("predicted NaN for 40 of 40 rows of prices.csv");
      assertThat(OnnxModel.openSessions()).isEqualTo(open);
    }
  }

  @Test
  void theValidateStageScoresAnOnnxClassifierOnItsOwnHoldout() throws Exception {
    // The classifier's holdout rows as the spec's data: rows the model never saw.
    Path csv = home.resolve("data/churn.csv");
    Files.createDirectories(csv.getParent());
    List<String> lines = Files.readAllLines(OnnxFixtures.dir().resolve("classifier.csv"));
    Files.write(
        csv,
        lines.stream().map(l -> String.join(",", List.of(l.split(",")).subList(0, 5))).toList());
    var data = new DataSpec(csv.toUri().toString(), "label", OnnxFixtures.FEATURES, 50, null);
    var validation =
        new ValidationSpec(Map.of("accuracy", new MetricBound(0.8, null)), 0.05, null, null, null);
    PipelineSpec spec =
        TestData.spec(
            Task.CLASSIFICATION, data, TestData.training("random_forest", Map.of()), validation);
    var metadata =
        OnnxArtifacts.metadata(spec.model(), "classification", List.of("high", "low", "mid"));
    var stored =
        new ModelStore(new LocalArtifactStore(home.resolve("artifacts")))
            .store(metadata, ModelFormat.ONNX, OnnxFixtures.model("classifier.onnx"));
    var trained =
        new TrainedModel(stored.uri(), stored.digest(), Digests.sha256(csv), 160, 40, Map.of(), 0);
    var version =
        new ModelVersion(spec.model(), 1, "run-1", stored.uri(), stored.digest(), Map.of());

    try (var stages = new StageHarness(home)) {
      int open = OnnxModel.openSessions();
      var candidate = new StageHarness.Trained(trained, version);
      // Production is the same model: the baseline check loads and scores it a second time.
      ValidationVerdict verdict = stages.validate(spec, candidate, candidate);
      // Measured by Tollgate on its seeded holdout (40 of the 200 rows), not reported by anyone.
      assertThat(check(verdict, "threshold.accuracy").status()).isEqualTo(Status.PASS);
      assertThat(check(verdict, "threshold.accuracy").value()).isBetween(0.8, 1.0);
      assertThat(check(verdict, "baseline.accuracy").status()).isEqualTo(Status.PASS);
      assertThat(verdict.passed()).isTrue();
      // Both sessions validation loaded (candidate, baseline) are closed when it is done.
      assertThat(OnnxModel.openSessions()).isEqualTo(open);
    }
  }
}
