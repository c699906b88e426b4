package dev.tollgate.activities.pipeline;

import static dev.tollgate.activities.StageHarness.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.StageHarness;
import dev.tollgate.activities.StageHarness.Trained;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.files.Json;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.MetricBound;
import dev.tollgate.spec.MissingPolicy;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import dev.tollgate.spec.ValidationSpec;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.SmokeTestResult;
import dev.tollgate.stages.ValidationVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A categorical feature and a timestamp column through train → validate → deploy → smoke test:
 * every stage encodes the file with the model's recorded schema, so validation rebuilds the
 * time-ordered holdout training scored and gets the same metrics, and a Production model trained
 * before a category existed is scored with its own schema.
 */
class CategoricalPipelineTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Map<String, Double> EFFECT =
      Map.of("north", 10.0, "south", -10.0, "east", 0.0, "west", 30.0);

  @TempDir Path home;
  private StageHarness stages;

  @BeforeEach
  void setUp() {
    stages = new StageHarness(home);
  }

  @AfterEach
  void tearDown() {
    stages.close();
  }

  /**
   * Hourly rows, written newest first (the loader must not rely on file order): {@code y = region
   * effect + 2·temp + N(0, 1)}. Region {@code west} appears from row {@code westFrom} (in time
   * order) on; {@code rows} means never.
   */
  private DataSpec dataset(String name, int rows, int westFrom, long seed) throws IOException {
    Random random = new Random(seed);
    String[] others = {"north", "south", "east"};
    StringBuilder csv = new StringBuilder("ts,region,temp,y\n");
    for (int i = rows - 1; i >= 0; i--) {
      String region =
          i >= westFrom && random.nextInt(4) == 0 ? "west" : others[random.nextInt(others.length)];
      double temp = 30 * random.nextDouble() - 5;
      double y = EFFECT.get(region) + 2 * temp + random.nextGaussian();
      Instant ts = START.plus(i, ChronoUnit.HOURS);
      csv.append(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f%n", ts, region, temp, y));
    }
    Path file = home.resolve("data").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv);
    return new DataSpec(
        file.toUri().toString(),
        "y",
        List.of("region", "temp"),
        100,
        null,
        List.of("region"),
        "ts",
        MissingPolicy.FAIL);
  }

  private static PipelineSpec spec(DataSpec data, ValidationSpec validation) {
    TrainingSpec boosting =
        TestData.training("gradient_boosting", Map.of("trees", 80.0, "shrinkage", 0.2));
    return TestData.spec(Task.REGRESSION, data, boosting, validation);
  }

  @Test
  void trainedValidatedOnTheSameTimeOrderedHoldoutAndSmokeTested() throws IOException {
    // west shows up in the last 10% of the hours only: all of it falls in the 20% holdout.
    DataSpec data = dataset("sales.csv", 1500, 1350, 1);
    // The model cannot know west (+30, read as all zeros): its holdout rows cost it, rmse ~10.
    var thresholds = Map.of("rmse", new MetricBound(null, 15.0), "r2", new MetricBound(0.6, null));
    PipelineSpec spec =
        spec(
            data,
            new ValidationSpec(
                thresholds, 0.05, new ValidationSpec.DriftSpec("psi", 0.1, 0.5), null, null));
    Trained v1 = stages.train(spec, 1);

    JsonNode meta =
        Json.read(
            FileUris.artifact(v1.trained().artifactUri()).resolve("metadata.json"), JsonNode.class);
    assertThat(meta.get("features").toString())
        .isEqualTo("[\"region=east\",\"region=north\",\"region=south\",\"temp\"]");
    JsonNode region = meta.get("schema").get("features").get(0);
    assertThat(region.get("type").asText()).isEqualTo("CATEGORICAL");
    assertThat(region.get("categories").toString()).isEqualTo("[\"east\",\"north\",\"south\"]");
    // The holdout's west rows are already counted when training scores them.
    assertThat(meta.get("load_summary").asText())
        .startsWith("1500 rows read, unseen categories {region=");
    assertThat(v1.trained().holdoutRows()).isEqualTo(300);

    ValidationVerdict verdict = stages.validate(spec, v1, null);

    // The very holdout training scored: the same metrics to the last bit.
    JsonNode report = Json.read(FileUris.artifact(verdict.reportUri()), JsonNode.class);
    v1.trained()
        .metrics()
        .forEach(
            (metric, value) ->
                assertThat(report.get("metrics").get(metric).asDouble())
                    .as(metric)
                    .isEqualTo(value));
    assertThat(check(verdict, "threshold.rmse").value())
        .isEqualTo(v1.trained().metrics().get("rmse"));
    assertThat(verdict.passed()).as("%s", verdict.checks()).isTrue();
    CheckResult unseen = check(verdict, "data.unseen_categories");
    assertThat(unseen.status()).isEqualTo(CheckResult.Status.PASS);
    assertThat(unseen.value()).isPositive();
    assertThat(unseen.message())
        .contains("holdout value(s) of categories absent from the training rows")
        .contains("{region=" + unseen.value().intValue() + "}");
    assertThat(meta.get("load_summary").asText())
        .endsWith("{region=" + unseen.value().intValue() + "}");

    Deployment deployment =
        stages
            .deploy()
            .deploy(
                new DeployRequest(
                    v1.version(),
                    new DeploySpec(DeploySpec.Target.LOCAL, true, null),
                    data,
                    "run-1"));
    SmokeTestResult smoke = stages.deploy().smokeTest(deployment);
    assertThat(smoke.passed()).as(smoke.message()).isTrue();
    assertThat(smoke.rowsScored()).isEqualTo(20);
    // Rows with a region the model never saw are answered too (its one-hot inputs all zero).
    assertThat(smoke.message()).contains("answered 20 rows over its serving API, all finite");
  }

  @Test
  void theProductionModelIsScoredWithItsOwnSchemaOnTheSameHoldout() throws IOException {
    var validation =
        new ValidationSpec(
            Map.of(), 0.05, new ValidationSpec.DriftSpec("psi", 0.1, 0.5), null, null);
    // Production never saw west; the candidate's data has it throughout.
    Trained production = stages.train(spec(dataset("before.csv", 1500, 1500, 2), validation), 1);
    PipelineSpec now = spec(dataset("after.csv", 1500, 0, 3), validation);
    Trained candidate = stages.train(now, 2);

    ValidationVerdict verdict = stages.validate(now, candidate, production);

    // Production reads west as all zeros (region effect 0 instead of 30): clearly worse.
    CheckResult rmse = check(verdict, "baseline.rmse");
    assertThat(rmse.status()).isEqualTo(CheckResult.Status.PASS);
    assertThat(rmse.value()).isLessThan(-0.3);
    assertThat(rmse.message()).contains("demo-model v1 on the same holdout");
    CheckResult unseen = check(verdict, "data.unseen_categories");
    assertThat(unseen.message())
        .startsWith("no category unknown to the candidate")
        .contains("unknown to demo-model v1: {region=");
    assertThat(check(verdict, "drift.share").status()).isNotEqualTo(CheckResult.Status.SKIPPED);
    assertThat(verdict.passed()).as("%s", verdict.checks()).isTrue();
  }
}
