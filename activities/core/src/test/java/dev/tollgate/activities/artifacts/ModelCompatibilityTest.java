package dev.tollgate.activities.artifacts;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.data.DataSchema;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.data.Frames;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.SmileRegressor;
import dev.tollgate.activities.train.HyperParams;
import dev.tollgate.activities.train.Trainers;
import dev.tollgate.activities.train.TrainingSet;
import dev.tollgate.activities.train.TreeProgress;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import dev.tollgate.spec.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.data.formula.Formula;
import smile.regression.OLS;

/** A stored model is refused when this worker's Smile or the spec's columns do not match it. */
class ModelCompatibilityTest {
  @TempDir Path home;
  private ModelStore models;
  private DataSpec data;
  private ModelStore.Stored stored;

  @BeforeEach
  void setUp() throws IOException {
    models = new ModelStore(new LocalArtifactStore(home.resolve("artifacts")));
    data = TestData.data(TestData.linearCsv(home.resolve("load.csv"), 200, 1, 0));
    Dataset dataset = new DatasetLoader().load(data);
    var model = OLS.fit(Formula.lhs("y"), Frames.of(dataset, dataset.allRows()));
    stored = models.store(metadata(ModelCompatibility.smileVersion()), new SmileRegressor(model));
  }

  private static ModelMetadata metadata(String smileVersion) {
    return new ModelMetadata(
        TestData.MODEL,
        "linear",
        Map.of(),
        List.of("x1", "x2"),
        "y",
        Map.of(),
        "d",
        160,
        40,
        42,
        0.2,
        smileVersion,
        "25",
        "2026-11-20T00:00:00Z",
        null,
        Map.of(),
        "regression",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void theSameSmileAndColumnsLoad() {
    var loaded = models.load(stored.uri(), stored.digest(), data);
    assertThat(loaded.metadata().smileVersion()).isEqualTo("4.4.2");
    assertThat(loaded.metadata().modelSha256()).isEqualTo(stored.digest());
  }

  @Test
  void aModelFromAnotherSmileVersionIsRefused() throws IOException {
    Path metadata = FileUris.artifact(stored.uri()).resolve(ModelStore.METADATA_FILE);
    Files.writeString(metadata, Files.readString(metadata).replace("\"4.4.2\"", "\"3.1.0\""));

    var failure =
        businessFailure(
            () -> models.load(stored.uri(), stored.digest(), data), FailureTypes.ARTIFACT_MISMATCH);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "model "
                + stored.uri()
                + " was trained with Smile 3.1.0 but this worker runs Smile 4.4.2: retrain it, or"
                + " load it on a worker with Smile 3.1.0");
  }

  @Test
  void anXgboostModelIsNotJudgedOnTheSmileVersionItRecords() throws IOException {
    Dataset dataset = new DatasetLoader().load(data);
    Predictor xgboost =
        Trainers.forAlgorithm(Task.REGRESSION, "gradient_boosting")
            .fit(
                new TrainingSet(dataset, dataset.allRows()),
                HyperParams.resolve(
                    Task.REGRESSION, TestData.training("gradient_boosting", Map.of("trees", 5.0))),
                42,
                TreeProgress.NONE);
    assertThat(xgboost.format()).isEqualTo(ModelFormat.XGBOOST_UBJ);
    ModelStore.Stored ubj = models.store(metadata("3.1.0"), xgboost);

    var loaded = models.load(ubj.uri(), ubj.digest(), data);

    assertThat(loaded.metadata().modelFormat()).isEqualTo("xgboost-ubj");
    assertThat(loaded.metadata().smileVersion()).isEqualTo("3.1.0");
    assertThat(loaded.model().predict(dataset, dataset.firstRows(3)).values()).hasSize(3);
  }

  @Test
  void withARecordedSchemaTheSpecsFeatureNamesAreComparedNotTheEncodedInputs() {
    DataSchema schema =
        new DataSchema(
            List.of(
                new DataSchema.Feature(
                    "region",
                    DataSchema.Type.CATEGORICAL,
                    List.of("north", "south"),
                    null,
                    "north"),
                new DataSchema.Feature("x1", DataSchema.Type.NUMERIC, List.of(), 5.0, null)));
    ModelMetadata encoded = withSchema(metadata(ModelCompatibility.smileVersion()), schema);
    assertThat(encoded.features()).containsExactly("region=north", "region=south", "x1");
    var spec =
        new DataSpec(
            data.train(),
            "y",
            List.of("region", "x1"),
            1,
            null,
            List.of("region"),
            null,
            MissingPolicy.FAIL);

    ModelCompatibility.check(encoded, spec, "file:/m"); // no failure

    var swapped = new DataSpec(data.train(), "y", List.of("x1", "region"), 1, null);
    var failure =
        businessFailure(
            () -> ModelCompatibility.check(encoded, swapped, "file:/m"),
            FailureTypes.ARTIFACT_MISMATCH);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "model file:/m predicts 'y' from features [region, x1], but the spec has target 'y'"
                + " and features [x1, region] (same names in the same order are needed)");
    var inputs =
        new DataSpec(data.train(), "y", List.of("region=north", "region=south", "x1"), 1, null);
    businessFailure(
        () -> ModelCompatibility.check(encoded, inputs, "file:/m"), FailureTypes.ARTIFACT_MISMATCH);
  }

  private static ModelMetadata withSchema(ModelMetadata m, DataSchema schema) {
    return new ModelMetadata(
        m.model(),
        m.algorithm(),
        m.params(),
        schema.inputs(),
        m.target(),
        m.metrics(),
        m.dataSha256(),
        m.trainRows(),
        m.holdoutRows(),
        m.seed(),
        m.holdout(),
        m.smileVersion(),
        m.javaVersion(),
        m.trainedAt(),
        m.modelSha256(),
        m.referenceBins(),
        m.task(),
        m.modelFile(),
        m.modelFormat(),
        m.classes(),
        m.xgboostVersion(),
        "3 rows read",
        schema,
        m.tollgateVersion(),
        m.referenceStats(),
        null,
        null);
  }

  @Test
  void otherFeaturesOrTheSameInAnotherOrderAreRefused() {
    for (List<String> features : List.of(List.of("x1"), List.of("x2", "x1"))) {
      var other = new DataSpec(data.train(), "y", features, 1, null);
      var failure =
          businessFailure(
              () -> models.load(stored.uri(), stored.digest(), other),
              FailureTypes.ARTIFACT_MISMATCH);
      assertThat(failure.getOriginalMessage())
          .contains(
              "predicts 'y' from features [x1, x2], but the spec has target 'y' and features "
                  + features);
    }
  }

  @Test
  void anotherTargetIsRefused() {
    var other = new DataSpec(data.train(), "x2", List.of("x1"), 1, null);
    var failure =
        businessFailure(
            () -> models.load(stored.uri(), stored.digest(), other),
            FailureTypes.ARTIFACT_MISMATCH);
    assertThat(failure.getOriginalMessage()).contains("the spec has target 'x2'");
  }
}
