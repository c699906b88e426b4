package dev.tollgate.activities.artifacts;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.data.CsvLoader;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.Frames;
import dev.tollgate.activities.models.SmileRegressor;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
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
    Dataset dataset = new CsvLoader().load(data);
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
