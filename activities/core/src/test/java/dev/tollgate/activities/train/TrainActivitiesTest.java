package dev.tollgate.activities.train;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.ActivityTesting;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.files.Json;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainProgress;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.TrialResult;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainActivitiesTest {
  @TempDir Path home;
  private TestActivityEnvironment env;
  private TrainActivities train;
  private final List<TrainProgress> beats = new CopyOnWriteArrayList<>();
  private Path csv;

  @BeforeEach
  void setUp() throws IOException {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new TrainActivitiesImpl(new DatasetLoader(), new ModelStore(home.resolve("models"))));
    env.setActivityHeartbeatListener(TrainProgress.class, beats::add);
    train = env.newActivityStub(TrainActivities.class, ActivityTesting.OPTIONS);
    csv = TestData.linearCsv(home.resolve("data/train.csv"), 2000, 7, 0);
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private TrainedModel run(DataSpec data, TrainingSpec training) {
    return run(Task.REGRESSION, data, training);
  }

  private TrainedModel run(Task task, DataSpec data, TrainingSpec training) {
    return train.train(new TrainRequest(TestData.MODEL, "run-1", task, data, training));
  }

  @Test
  void gradientBoostingLearnsTheLinearSignalDownToTheNoise() {
    TrainedModel model = run(TestData.data(csv), TestData.fastBoosting());

    assertThat(model.metrics().get("r2")).isGreaterThan(0.9);
    assertThat(model.metrics().get("rmse")).isBetween(TestData.NOISE * 0.8, TestData.NOISE * 1.5);
    assertThat(model.metrics()).containsKeys("mae", "mape");
    assertThat(model.trainRows()).isEqualTo(1600);
    assertThat(model.holdoutRows()).isEqualTo(400);
    // Temporal throttles heartbeats, so a training this short reports its first phase only.
    assertThat(beats).extracting(TrainProgress::phase).startsWith("loading");
  }

  @Test
  void aTrialScoresTheSameAsTrainingButStoresNothing() throws IOException {
    TrialResult trial =
        train.trial(
            new TrainRequest(
                TestData.MODEL,
                "run-1",
                Task.REGRESSION,
                TestData.data(csv),
                TestData.fastBoosting()));
    assertThat(home.resolve("models")).doesNotExist();

    TrainedModel trained = run(TestData.data(csv), TestData.fastBoosting());
    assertThat(trial.metrics()).isEqualTo(trained.metrics());
    assertThat(trial.params()).isEqualTo(TestData.fastBoosting().params());
    assertThat(trial.succeeded()).isTrue();
  }

  @Test
  void sameDataSpecAndSeedGiveTheSameMetricsAndTheSameArtifact() {
    TrainedModel first = run(TestData.data(csv), TestData.fastBoosting());
    TrainedModel second = run(TestData.data(csv), TestData.fastBoosting());

    assertThat(second.metrics()).isEqualTo(first.metrics());
    assertThat(second.modelDigest()).isEqualTo(first.modelDigest());
    assertThat(second.artifactUri()).isEqualTo(first.artifactUri());
    Path folder = FileUris.artifact(first.artifactUri());
    assertThat(folder.getFileName().toString()).isEqualTo(first.modelDigest());
    assertThat(folder.getParent().getParent()).isEqualTo(home.resolve("models"));
    try (var stream = Files.list(folder.getParent())) {
      assertThat(stream.toList()).hasSize(1); // no second folder, no leftover temp folder
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anotherSeedGivesAnotherModel() {
    TrainedModel first = run(TestData.data(csv), TestData.fastBoosting());
    TrainedModel other =
        run(
            TestData.data(csv),
            new TrainingSpec(
                "gradient_boosting",
                TestData.params(Map.of("trees", 120.0, "shrinkage", 0.1)),
                7,
                0.2));
    assertThat(other.modelDigest()).isNotEqualTo(first.modelDigest());
  }

  @Test
  void metadataDescribesHowTheModelWasMade() {
    TrainedModel model = run(TestData.data(csv), TestData.fastBoosting());
    JsonNode meta = readJson(FileUris.artifact(model.artifactUri()).resolve("metadata.json"));

    assertThat(meta.get("model").asText()).isEqualTo(TestData.MODEL);
    assertThat(meta.get("algorithm").asText()).isEqualTo("gradient_boosting");
    assertThat(meta.get("params").get("trees").asDouble()).isEqualTo(120);
    assertThat(meta.get("params").get("max_depth").asDouble()).isEqualTo(6); // default filled in
    assertThat(meta.get("params").get("grow_policy").asText()).isEqualTo("lossguide"); // by name
    assertThat(meta.get("tollgate_version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    JsonNode stats = meta.get("reference_stats").get("x1");
    assertThat(stats.get("count").asLong()).isEqualTo(meta.get("train_rows").asLong());
    assertThat(stats.get("min").asDouble()).isLessThan(stats.get("max").asDouble());
    assertThat(stats.get("sd").asDouble()).isPositive();
    // No missing values here, so the schema's fill value is the same training-rows mean.
    assertThat(stats.get("mean").asDouble())
        .isCloseTo(
            meta.get("schema").get("features").get(0).get("mean").asDouble(),
            org.assertj.core.api.Assertions.within(1e-9));
    assertThat(meta.get("features").toString()).isEqualTo("[\"x1\",\"x2\"]");
    assertThat(meta.get("target").asText()).isEqualTo("y");
    assertThat(meta.get("data_sha256").asText()).isEqualTo(model.dataDigest());
    assertThat(meta.get("model_sha256").asText()).isEqualTo(model.modelDigest());
    assertThat(meta.get("metrics").get("rmse").asDouble())
        .isCloseTo(model.metrics().get("rmse"), within(1e-12));
    assertThat(meta.get("seed").asLong()).isEqualTo(42);
    assertThat(meta.get("smile_version").asText()).isEqualTo("4.4.2");
    assertThat(meta.get("xgboost_version").asText()).isEqualTo("3.0.4");
    assertThat(meta.get("model_file").asText()).isEqualTo("model.ubj");
    assertThat(meta.get("model_format").asText()).isEqualTo("xgboost-ubj");
    assertThat(meta.get("task").asText()).isEqualTo("regression");
    assertThat(FileUris.artifact(model.artifactUri()).resolve("model.ubj")).isRegularFile();
    assertThat(meta.get("java_version").asText()).isEqualTo(Runtime.version().toString());
    assertThat(java.time.Instant.parse(meta.get("trained_at").asText()))
        .isBetween(java.time.Instant.now().minusSeconds(600), java.time.Instant.now());
    assertThat(meta.get("reference_bins").get("x1").get("shares")).hasSize(10);
    assertThat(meta.get("load_summary").asText()).isEqualTo("2000 rows read");
    JsonNode x1 = meta.get("schema").get("features").get(0);
    assertThat(x1.get("name").asText()).isEqualTo("x1");
    assertThat(x1.get("type").asText()).isEqualTo("NUMERIC");
    assertThat(x1.get("mean").asDouble()).isBetween(4.0, 6.0); // the training rows' mean
  }

  @Test
  void randomForestAndLinearRegressionTrainToo() {
    TrainedModel forest =
        run(
            TestData.data(csv),
            TestData.training("random_forest", Map.of("trees", 30.0, "max_depth", 8.0)));
    TrainedModel again =
        run(
            TestData.data(csv),
            TestData.training("random_forest", Map.of("trees", 30.0, "max_depth", 8.0)));
    TrainedModel linear = run(TestData.data(csv), TestData.training("linear", Map.of()));
    TrainedModel linearAgain = run(TestData.data(csv), TestData.training("linear", Map.of()));

    assertThat(forest.metrics().get("r2")).isGreaterThan(0.9);
    assertThat(again.modelDigest()).isEqualTo(forest.modelDigest()); // parallel yet seeded
    assertThat(linearAgain.modelDigest()).isEqualTo(linear.modelDigest());
    assertThat(linear.metrics().get("r2")).isGreaterThan(0.98);
    assertThat(linear.metrics().get("rmse")).isCloseTo(TestData.NOISE, within(0.1));
  }

  @Test
  void aStringInANumericColumnFailsTheActivityNonRetryably() throws IOException {
    List<String> lines = Files.readAllLines(csv);
    lines.set(16, lines.get(16).replaceFirst("^(\\d+),[^,]+,", "$1,warm,"));
    Files.write(csv, lines);

    var failure =
        businessFailure(
            () -> run(TestData.data(csv), TestData.fastBoosting()), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("train.csv row 17, column x1: 'warm' is not a number");
  }

  @Test
  void aMissingFeatureFailsNonRetryably() {
    var data = new DataSpec(csv.toUri().toString(), "y", List.of("x1", "x3"), 100, null);
    var failure =
        businessFailure(() -> run(data, TestData.fastBoosting()), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "train.csv has no column 'x3' (its header has 5 columns: 'id', 'x1', 'x2' and 2 more)");
  }

  @Test
  void classificationLearnsNumericLabelsAsClasses() throws IOException {
    Path labelled = labelledCsv(home.resolve("data/labels.csv"), 3);
    TrainedModel model =
        run(
            Task.CLASSIFICATION,
            TestData.data(labelled),
            TestData.training("gradient_boosting", Map.of("trees", 40.0)));
    JsonNode meta = readJson(FileUris.artifact(model.artifactUri()).resolve("metadata.json"));

    assertThat(model.metrics().get("accuracy")).isGreaterThan(0.9);
    assertThat(model.metrics()).containsKeys("precision", "recall", "f1", "auc", "log_loss");
    assertThat(meta.get("classes").toString()).isEqualTo("[\"0\",\"1\",\"2\"]");
    assertThat(meta.get("task").asText()).isEqualTo("classification");
  }

  @Test
  void aSingleClassTargetFailsNonRetryablyNamingTheColumn() throws IOException {
    Path labelled = labelledCsv(home.resolve("data/one-class.csv"), 1);
    var failure =
        businessFailure(
            () ->
                run(
                    Task.CLASSIFICATION,
                    TestData.data(labelled),
                    TestData.training("logistic", Map.of())),
            FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "one-class.csv column y: classification needs at least two classes, every row is"
                + " '0'");
  }

  @Test
  void aRetriedAttemptAfterACrashStartsCleanAndStoresTheSameModel() throws IOException {
    TrainedModel first = run(TestData.data(csv), TestData.fastBoosting());
    // What a worker killed mid-store may leave: a half-written temporary folder, and (worse) a
    // truncated model file in the final folder. The retry trains from scratch, not from them.
    Path folder = FileUris.artifact(first.artifactUri());
    Files.createDirectories(folder.resolveSibling(".tmp-crashed"));
    Path modelFile = folder.resolve("model.ubj");
    Files.write(modelFile, java.util.Arrays.copyOf(Files.readAllBytes(modelFile), 100));

    TrainedModel retried = run(TestData.data(csv), TestData.fastBoosting());

    assertThat(retried.modelDigest()).isEqualTo(first.modelDigest());
    assertThat(retried.metrics()).isEqualTo(first.metrics());
    assertThat(dev.tollgate.activities.artifacts.Digests.sha256(modelFile))
        .isEqualTo(first.modelDigest()); // repaired
  }

  /** y = the class (0..k-1) whose band x1 falls in, with x2 as noise. */
  private static Path labelledCsv(Path file, int k) throws IOException {
    var random = new java.util.Random(11);
    StringBuilder csv = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < 1500; i++) {
      double x1 = 10 * random.nextDouble();
      int label = Math.min(k - 1, (int) (x1 / (10.0 / k)));
      csv.append(
          String.format(java.util.Locale.ROOT, "%.5f,%.5f,%d%n", x1, random.nextDouble(), label));
    }
    Files.createDirectories(file.getParent());
    return Files.writeString(file, csv);
  }

  private static JsonNode readJson(Path file) {
    return Json.read(file, JsonNode.class);
  }
}
