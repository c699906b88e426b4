package dev.tollgate.activities.validate;

import static dev.tollgate.activities.StageHarness.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.StageHarness;
import dev.tollgate.activities.StageHarness.Trained;
import dev.tollgate.activities.TestData;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MetricBound;
import dev.tollgate.spec.MissingPolicy;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.ValidationSpec;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.ValidationVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation recomputes a classifier's metrics as training did, and gates on them. */
class ValidateClassificationTest {
  @TempDir Path home;
  private StageHarness stages;
  private PipelineSpec spec;

  @BeforeEach
  void setUp() throws IOException {
    stages = new StageHarness(home);
    Random random = new Random(5);
    StringBuilder csv = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < 1500; i++) {
      double x1 = random.nextGaussian();
      double x2 = random.nextGaussian();
      int label = x1 + x2 + 0.2 * random.nextGaussian() > 0 ? 1 : 0;
      csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%d%n", x1, x2, label));
    }
    Path file = home.resolve("data/labels.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv);
    var thresholds =
        Map.of(
            "accuracy", new MetricBound(0.9, null),
            "log_loss", new MetricBound(null, 0.3),
            "auc", new MetricBound(0.999, null)); // deliberately out of reach
    spec =
        TestData.spec(
            Task.CLASSIFICATION,
            TestData.data(file),
            TestData.training("logistic", Map.of()),
            new ValidationSpec(thresholds, 0.05, null, null, null));
  }

  @AfterEach
  void tearDown() {
    stages.close();
  }

  @Test
  void checksTheClassifiersOwnMetricsAndComparesWithTheBaseline() {
    Trained trained = stages.train(spec, 1);

    // Itself as Production: the baseline checks must see a zero difference.
    ValidationVerdict verdict = stages.validate(spec, trained, trained);

    assertThat(status(verdict, "threshold.accuracy")).isEqualTo(CheckResult.Status.PASS);
    assertThat(status(verdict, "threshold.log_loss")).isEqualTo(CheckResult.Status.PASS);
    assertThat(status(verdict, "threshold.auc")).isEqualTo(CheckResult.Status.FAIL);
    assertThat(status(verdict, "baseline.accuracy")).isEqualTo(CheckResult.Status.PASS);
    assertThat(status(verdict, "baseline.log_loss")).isEqualTo(CheckResult.Status.PASS);
    assertThat(verdict.passed()).isFalse();
  }

  @Test
  void anXgboostClassifierOnTextLabelsAndACategoryPassesItsAccuracyThreshold() throws IOException {
    Random random = new Random(8);
    String[] regions = {"coast", "hills", "plain"};
    StringBuilder csv = new StringBuilder("region,x1,grade\n");
    for (int i = 0; i < 1500; i++) {
      String region = regions[random.nextInt(regions.length)];
      double x1 = random.nextGaussian();
      double score = x1 + (region.equals("hills") ? 1.5 : 0) + 0.2 * random.nextGaussian();
      String grade = score < -0.3 ? "low" : score < 0.9 ? "mid" : "high";
      csv.append(String.format(Locale.ROOT, "%s,%.5f,%s%n", region, x1, grade));
    }
    Path file = Files.writeString(home.resolve("data/grades.csv"), csv);
    PipelineSpec xgboost =
        TestData.spec(
            Task.CLASSIFICATION,
            new DataSpec(
                file.toUri().toString(),
                "grade",
                List.of("region", "x1"),
                100,
                null,
                List.of("region"),
                null,
                MissingPolicy.FAIL),
            TestData.training("gradient_boosting", Map.of("trees", 60.0)),
            new ValidationSpec(
                Map.of("accuracy", new MetricBound(0.85, null)), 0.05, null, null, null));
    Trained trained = stages.train(xgboost, 1);

    ValidationVerdict verdict = stages.validate(xgboost, trained, trained);

    CheckResult accuracy = check(verdict, "threshold.accuracy");
    assertThat(accuracy.status()).isEqualTo(CheckResult.Status.PASS);
    assertThat(accuracy.value())
        .isEqualTo(trained.trained().metrics().get("accuracy")); // same holdout
    assertThat(accuracy.value()).isGreaterThan(0.85);
    assertThat(check(verdict, "baseline.accuracy").value()).isZero(); // itself as Production
    assertThat(verdict.passed()).as("%s", verdict.checks()).isTrue();
  }

  @Test
  void validationJsonSaysWhatTheHoldoutHeldPerClass() throws IOException {
    Trained trained = stages.train(spec, 1);
    ValidationVerdict verdict = stages.validate(spec, trained, null);

    var json =
        dev.tollgate.activities.files.Json.mapper()
            .readTree(
                dev.tollgate.activities.files.FileUris.artifact(verdict.reportUri()).toFile());
    var holdout = json.get("holdout");
    assertThat(holdout.get("rows").asInt()).isEqualTo(300);
    assertThat(holdout.get("train_rows").asInt()).isEqualTo(1200);
    assertThat(holdout.get("split").asText()).isEqualTo("stratified");
    int zeros = holdout.get("classes").get("0").asInt();
    int ones = holdout.get("classes").get("1").asInt();
    assertThat(zeros + ones).isEqualTo(300);
    long onesInFile =
        Files.readAllLines(home.resolve("data/labels.csv")).stream()
            .skip(1)
            .filter(l -> l.endsWith(",1"))
            .count();
    assertThat(ones)
        .isCloseTo((int) Math.round(onesInFile * 0.2), org.assertj.core.data.Offset.offset(1));
  }

  private static CheckResult.Status status(ValidationVerdict verdict, String name) {
    return check(verdict, name).status();
  }
}
