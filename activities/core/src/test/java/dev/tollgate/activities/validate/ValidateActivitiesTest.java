package dev.tollgate.activities.validate;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static dev.tollgate.activities.StageHarness.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.StageHarness;
import dev.tollgate.activities.StageHarness.Trained;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.files.Json;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MetricBound;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.TrainingSpec;
import dev.tollgate.spec.ValidationSpec;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.CheckResult.Status;
import dev.tollgate.stages.IdenticalModel;
import dev.tollgate.stages.ValidationVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateActivitiesTest {
  @TempDir Path home;
  private StageHarness stages;
  private Path csv;

  @BeforeEach
  void setUp() throws IOException {
    stages = new StageHarness(home);
    csv = TestData.linearCsv(home.resolve("data/train.csv"), 1500, 11, 0);
  }

  @AfterEach
  void tearDown() {
    stages.close();
  }

  private PipelineSpec spec(TrainingSpec training, ValidationSpec validation) {
    return TestData.spec(TestData.data(csv), training, validation);
  }

  @Test
  void aGoodModelPassesEveryCheckAndTheReportSaysSo() throws IOException {
    var validation =
        new ValidationSpec(
            Map.of("rmse", new MetricBound(null, 1.5), "r2", new MetricBound(0.9, null)),
            0.05,
            new ValidationSpec.DriftSpec("psi", 0.1, 0.5),
            5.0, // y spans about -20..30 around a mean near 5: a cv near 2 is expected
            new ValidationSpec.RangeSpec(3, 0.05));
    PipelineSpec spec = spec(TestData.fastBoosting(), validation);
    Trained candidate = stages.train(spec, 1);

    ValidationVerdict verdict = stages.validate(spec, candidate, null);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.checks())
        .extracting(CheckResult::name)
        .containsExactly(
            "threshold.r2",
            "threshold.rmse",
            "baseline",
            "stability.cv",
            "range.outlier_share",
            "drift.share");
    assertThat(check(verdict, "threshold.rmse").status()).isEqualTo(Status.PASS);
    assertThat(check(verdict, "threshold.rmse").value())
        .isEqualTo(candidate.trained().metrics().get("rmse")); // same holdout as training
    assertThat(check(verdict, "baseline").status()).isEqualTo(Status.SKIPPED);
    assertThat(check(verdict, "baseline").message())
        .isEqualTo("no Production model to compare with");
    assertThat(check(verdict, "drift.share").status()).isEqualTo(Status.PASS);
    assertThat(check(verdict, "drift.share").message()).contains("holdout vs training part");

    Path report = FileUris.artifact(verdict.reportUri());
    assertThat(report).isEqualTo(home.resolve("artifacts/reports/demo-model/v1/validation.json"));
    assertThat(verdict.reportDigest()).isEqualTo(Digests.sha256(Files.readAllBytes(report)));
    JsonNode json = Json.read(report, JsonNode.class);
    assertThat(json.get("model").asText()).isEqualTo("demo-model");
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("run_id").asText()).isEqualTo("run-1");
    assertThat(json.get("passed").asBoolean()).isTrue();
    assertThat(json.get("baseline_version").isNull()).isTrue();
    assertThat(json.get("created_at").asText()).isNotBlank();
    assertThat(json.get("metrics").get("r2").asDouble()).isGreaterThan(0.9);
    assertThat(json.get("checks")).hasSize(6);
    JsonNode first = json.get("checks").get(0);
    assertThat(first.get("name").asText()).isEqualTo("threshold.r2");
    assertThat(first.get("status").asText()).isEqualTo("PASS");
    assertThat(first.get("threshold").asText()).isEqualTo("≥ 0.9");
    assertThat(first.has("message")).isTrue();
  }

  @Test
  void aMissedThresholdAndAnUnknownMetricFailTheVerdict() {
    var validation =
        TestData.validation(
            Map.of("rmse", new MetricBound(null, 0.1), "auc", new MetricBound(0.8, null)));
    PipelineSpec spec = spec(TestData.fastBoosting(), validation);
    Trained candidate = stages.train(spec, 1);

    ValidationVerdict verdict = stages.validate(spec, candidate, null);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.failures())
        .extracting(CheckResult::name)
        .containsExactly("threshold.auc", "threshold.rmse");
    assertThat(check(verdict, "threshold.auc").message()).contains("'auc' is not produced");
    assertThat(check(verdict, "threshold.rmse").message()).contains("is outside ≤ 0.1");
    JsonNode json = Json.read(FileUris.artifact(verdict.reportUri()), JsonNode.class);
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.get("checks").get(0).get("status").asText()).isEqualTo("FAIL");
  }

  @Test
  void aCandidateByteIdenticalToProductionIsSaidSoAndPasses() {
    var validation = new ValidationSpec(Map.of(), 0.05, null, null, null);
    PipelineSpec same = spec(TestData.fastBoosting(), validation);
    Trained production = stages.train(same, 1);
    Trained again = stages.train(same, 2);
    assertThat(again.version().modelDigest())
        .as("same data, spec and seed: the same bytes")
        .isEqualTo(production.version().modelDigest());

    ValidationVerdict verdict = stages.validate(same, again, production);

    assertThat(verdict.passed()).isTrue();
    assertThat(check(verdict, IdenticalModel.NAME).status()).isEqualTo(Status.PASS);
    assertThat(check(verdict, IdenticalModel.NAME).message())
        .contains("byte-identical to Production demo-model v1", "deploying it changes nothing");
    JsonNode json = Json.read(FileUris.artifact(verdict.reportUri()), JsonNode.class);
    assertThat(json.get("checks").toString()).contains(IdenticalModel.NAME);
  }

  @Test
  void aClearlyWorseCandidateFailsTheBaselineComparison() {
    var validation = new ValidationSpec(Map.of(), 0.05, null, null, null);
    Trained production = stages.train(spec(TestData.fastBoosting(), validation), 1);
    PipelineSpec weakSpec = spec(TestData.weakBoosting(), validation);
    Trained weak = stages.train(weakSpec, 2);

    ValidationVerdict verdict = stages.validate(weakSpec, weak, production);

    assertThat(verdict.passed()).isFalse();
    assertThat(check(verdict, "baseline.rmse").status()).isEqualTo(Status.FAIL);
    assertThat(check(verdict, "baseline.rmse").value()).isGreaterThan(1.0); // over twice the rmse
    assertThat(check(verdict, "baseline.r2").status()).isEqualTo(Status.FAIL);
    assertThat(check(verdict, "baseline.rmse").message()).contains("demo-model v1", "% worse");
    JsonNode json = Json.read(FileUris.artifact(verdict.reportUri()), JsonNode.class);
    assertThat(json.get("baseline_version").asInt()).isEqualTo(1);
    assertThat(verdict.checks())
        .as("another model is not identical")
        .noneMatch(c -> c.name().equals(IdenticalModel.NAME));

    // The other way round the better candidate passes.
    PipelineSpec goodSpec = spec(TestData.fastBoosting(), validation);
    Trained good = stages.train(goodSpec, 3);
    ValidationVerdict better = stages.validate(goodSpec, good, weak);
    assertThat(better.passed()).isTrue();
    assertThat(check(better, "baseline.rmse").value()).isNegative();
  }

  @Test
  void driftAgainstTheProductionTrainingDataIsDetected() throws IOException {
    var validation =
        new ValidationSpec(
            Map.of(), null, new ValidationSpec.DriftSpec("psi", 0.1, 0.4), null, null);
    Trained production = stages.train(spec(TestData.training("linear", Map.of()), validation), 1);
    // New data: x1 moved by half its range, x2 unchanged -> one of two features drifted (0.5 >
    // 0.4).
    csv = TestData.linearCsv(home.resolve("data/shifted.csv"), 1500, 12, 5);
    PipelineSpec shifted = spec(TestData.training("linear", Map.of()), validation);
    Trained candidate = stages.train(shifted, 2);

    ValidationVerdict verdict = stages.validate(shifted, candidate, production);

    CheckResult drift = check(verdict, "drift.share");
    assertThat(drift.status()).isEqualTo(Status.FAIL);
    assertThat(drift.value()).isEqualTo(0.5);
    assertThat(drift.message()).contains("x1", "(drifted)", "demo-model v1's training data");
    assertThat(drift.message()).doesNotContain("x2 0.1");
    assertThat(verdict.passed()).isFalse();
  }

  @Test
  void staleDataFailsTheVerdictAndTheReportListsDriftPerFeature() throws IOException {
    var validation =
        new ValidationSpec(
            Map.of(),
            null,
            new ValidationSpec.DriftSpec("ks", 0.1, 0.5, 0.01, true, 10),
            null,
            null,
            new ValidationSpec.QualitySpec(
                0.0, 0.0, Map.of("x2", new ValidationSpec.ValueRange(0.0, 10.0)), 0.0));
    PipelineSpec fresh = spec(TestData.training("linear", Map.of()), validation);
    Trained production = stages.train(fresh, 1);
    csv = TestData.linearCsv(home.resolve("data/shifted.csv"), 1500, 12, 5);
    PipelineSpec trained = spec(TestData.training("linear", Map.of()), validation);
    Trained candidate = stages.train(trained, 2);
    // Three days later, with data.max_age 48h: the file has not been refreshed.
    Files.setLastModifiedTime(
        csv,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofDays(3))));
    var d = trained.data();
    PipelineSpec stale =
        TestData.spec(
            new dev.tollgate.spec.DataSpec(
                d.train(), d.target(), d.features(), d.minRows(), java.time.Duration.ofHours(48)),
            trained.training(),
            validation);

    ValidationVerdict verdict = stages.validate(stale, candidate, production);

    assertThat(verdict.passed()).isFalse();
    assertThat(check(verdict, "data.freshness").status()).isEqualTo(Status.FAIL);
    assertThat(check(verdict, "data.freshness").message())
        .contains("file last modified", "older than data.max_age 48h");
    assertThat(check(verdict, "quality.schema").status()).isEqualTo(Status.PASS);
    assertThat(check(verdict, "quality.missing_share").status()).isEqualTo(Status.PASS);
    assertThat(check(verdict, "quality.duplicate_share").status()).isEqualTo(Status.PASS);
    assertThat(check(verdict, "quality.out_of_range_share").status()).isEqualTo(Status.PASS);
    assertThat(check(verdict, "drift.share").message()).contains("demo-model v1's training data");
    JsonNode json = Json.read(FileUris.artifact(verdict.reportUri()), JsonNode.class);
    JsonNode features = json.get("drift").get("features");
    assertThat(features).hasSize(2);
    assertThat(features.get(0).get("name").asText()).isEqualTo("x1");
    assertThat(features.get(0).get("drifted").asBoolean()).isTrue();
    assertThat(features.get(0).get("ks_p_value").asDouble()).isLessThan(1e-6);
    assertThat(features.get(1).get("drifted").asBoolean()).isFalse();
    assertThat(features.get(1).has("z_p_value")).isTrue();
    assertThat(json.get("drift").get("alpha").asDouble()).isEqualTo(0.005);
  }

  @Test
  void aProductionModelOnOtherColumnsIsScoredWithItsOwnOrSkipped() {
    var validation = new ValidationSpec(Map.of(), 0.5, null, null, null);
    var linear = TestData.training("linear", Map.of());
    var x1Only = new DataSpec(TestData.data(csv).train(), "y", List.of("x1"), 100, null);
    Trained narrow = stages.train(TestData.spec(x1Only, linear, validation), 1);
    PipelineSpec both = spec(linear, validation);
    Trained wide = stages.train(both, 2);

    // Production needs x1 only, which the candidate's spec still has: it scores the same holdout.
    ValidationVerdict wider = stages.validate(both, wide, narrow);
    assertThat(check(wider, "baseline.rmse").status()).isEqualTo(Status.PASS);
    assertThat(check(wider, "baseline.rmse").value()).isLessThan(-0.5); // x2 explains a lot

    // Production needs x2, which the candidate's spec dropped: nothing to compare, not a failure.
    ValidationVerdict narrower =
        stages.validate(TestData.spec(x1Only, linear, validation), narrow, wide);
    assertThat(check(narrower, "baseline").status()).isEqualTo(Status.SKIPPED);
    assertThat(check(narrower, "baseline").message())
        .isEqualTo(
            "demo-model v2 was trained on other columns (y from [x1, x2]), it cannot score this"
                + " data");
    assertThat(narrower.passed()).isTrue();
  }

  @Test
  void unstableOrOutOfRangePredictionsFail() {
    var validation =
        new ValidationSpec(Map.of(), null, null, 0.01, new ValidationSpec.RangeSpec(0.1, 0.05));
    PipelineSpec spec = spec(TestData.training("linear", Map.of()), validation);
    ValidationVerdict verdict = stages.validate(spec, stages.train(spec, 1), null);

    assertThat(check(verdict, "stability.cv").status()).isEqualTo(Status.FAIL);
    assertThat(check(verdict, "range.outlier_share").status()).isEqualTo(Status.FAIL);
    assertThat(check(verdict, "range.outlier_share").value()).isGreaterThan(0.5);
  }

  @Test
  void dataChangedSinceTrainingIsAnArtifactMismatch() throws IOException {
    PipelineSpec spec = spec(TestData.training("linear", Map.of()), TestData.validation(Map.of()));
    Trained candidate = stages.train(spec, 1);
    Files.writeString(csv, "0,1,1,extra,1\n", java.nio.file.StandardOpenOption.APPEND);

    var failure =
        businessFailure(
            () -> stages.validate(spec, candidate, null), FailureTypes.ARTIFACT_MISMATCH);
    assertThat(failure.getOriginalMessage()).contains("train.csv changed since training");
  }
}
