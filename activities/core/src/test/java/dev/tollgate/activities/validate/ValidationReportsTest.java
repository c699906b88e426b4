package dev.tollgate.activities.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.StageHarness;
import dev.tollgate.activities.StageHarness.Trained;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.files.Json;
import dev.tollgate.report.ValidationText;
import dev.tollgate.spec.MetricBound;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.ValidationSpec;
import dev.tollgate.stages.ValidationVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation writes the HTML report next to the JSON one and the verdict carries both, with the
 * Production model's metrics on the same holdout. The page of the test is copied to {@code
 * target/validation-report-sample.html} for people to look at.
 */
class ValidationReportsTest {
  @TempDir Path home;
  private StageHarness stages;

  @BeforeEach
  void setUp() throws IOException {
    stages = new StageHarness(home);
    TestData.linearCsv(home.resolve("data/train.csv"), 1500, 11, 0);
  }

  @AfterEach
  void tearDown() {
    stages.close();
  }

  @Test
  void theHtmlReportIsStoredBesideTheJsonAndTheVerdictCarriesBoth() throws IOException {
    var validation =
        new ValidationSpec(
            Map.of("rmse", new MetricBound(null, 1.5)),
            0.05,
            new ValidationSpec.DriftSpec("psi", 0.1, 0.5),
            5.0,
            new ValidationSpec.RangeSpec(3, 0.05));
    PipelineSpec weak =
        TestData.spec(
            TestData.data(home.resolve("data/train.csv")), TestData.weakBoosting(), validation);
    PipelineSpec good =
        TestData.spec(
            TestData.data(home.resolve("data/train.csv")), TestData.fastBoosting(), validation);
    Trained production = stages.train(weak, 1);
    Trained candidate = stages.train(good, 2);

    ValidationVerdict verdict = stages.validate(good, candidate, production);

    Path html = FileUris.artifact(verdict.htmlReportUri());
    Path json = FileUris.artifact(verdict.reportUri());
    assertThat(html.getParent()).isEqualTo(json.getParent());
    assertThat(html.getFileName()).hasToString("validation.html");
    assertThat(verdict.htmlReportDigest()).isEqualTo(Digests.sha256(Files.readAllBytes(html)));
    String page = Files.readString(html);
    // metric bars, predicted vs actual, residuals, one histogram per feature (x1, x2)
    assertThat(page.split("<svg ", -1)).hasSize(1 + 5);
    assertThat(page).contains("Metrics vs demo-model v1", "threshold.rmse", "x1", "x2");

    assertThat(verdict.baselineMetrics()).containsKeys("rmse", "r2");
    assertThat(verdict.baselineMetrics().get("rmse"))
        .isGreaterThan(candidate.trained().metrics().get("rmse"));
    JsonNode report = Json.read(json, JsonNode.class);
    assertThat(report.get("baseline_metrics").get("rmse").asDouble())
        .isEqualTo(verdict.baselineMetrics().get("rmse"));

    String text = ValidationText.render("demo-model v2", verdict, candidate.trained().metrics());
    assertThat(text).contains("better)", "HTML report  " + verdict.htmlReportUri());

    Path sample = Path.of("target", "validation-report-sample.html");
    Files.createDirectories(sample.getParent());
    Files.copy(html, sample, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(Path.of("target", "validation-report-sample.txt"), text);
  }
}
