package dev.tollgate.activities.train;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.models.Predictor;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Models survive the store: same file name as recorded, same answers after loading. */
class ModelRoundTripTest {
  @TempDir Path home;

  private ModelStore.Loaded storeAndLoad(Task task, Dataset data, Predictor model) {
    ModelStore store = new ModelStore(home);
    ModelStore.Stored stored = store.store(metadata(task, data, model), model);
    assertThat(FileUris.artifact(stored.uri()).resolve(model.format().file())).isRegularFile();
    return store.load(stored.uri(), stored.digest(), null);
  }

  @Test
  void anXgboostClassifierComesBackFromItsPortableFormatPredictingIdentically() throws Exception {
    Dataset data = Synthetic.blobs(2500, 3, 9);
    Predictor model =
        TrainersTest.fit(Task.CLASSIFICATION, data, "gradient_boosting", Map.of("trees", 30.0))
            .model();
    ModelStore.Loaded loaded = storeAndLoad(Task.CLASSIFICATION, data, model);

    int[] rows = Synthetic.range(0, data.rows());
    assertSame(loaded.model().predict(data, rows), model.predict(data, rows));
    assertThat(loaded.metadata().modelFile()).isEqualTo("model.ubj");
    assertThat(loaded.metadata().modelFormat()).isEqualTo("xgboost-ubj");
    // Plain XGBoost reads the file too: it is XGBoost's own format, not a Java object.
    byte[] file =
        Files.readAllBytes(home.resolve("demo").resolve(loaded.digest()).resolve("model.ubj"));
    assertThat(XGBoost.loadModel(file).getNumBoostedRound()).isEqualTo(30);
  }

  @Test
  void smileClassifiersAndTheIsolationForestComeBackIdenticallyToo() {
    Dataset blobs = Synthetic.blobs(2500, 3, 4);
    Predictor logistic = TrainersTest.fit(Task.CLASSIFICATION, blobs, "logistic", Map.of()).model();
    int[] rows = Synthetic.range(0, blobs.rows());
    assertSame(
        storeAndLoad(Task.CLASSIFICATION, blobs, logistic).model().predict(blobs, rows),
        logistic.predict(blobs, rows));

    Dataset sensors = Synthetic.outliers(2500, 50, 2);
    Predictor forest =
        TrainersTest.fit(Task.ANOMALY, sensors, "isolation_forest", Map.of("trees", 30.0)).model();
    int[] all = Synthetic.range(0, sensors.rows());
    assertSame(
        storeAndLoad(Task.ANOMALY, sensors, forest).model().predict(sensors, all),
        forest.predict(sensors, all));
  }

  /**
   * Every Smile algorithm, grown as deep as a spec may ask, reads back through the model filter
   * (JavaSerial: its JDK classes and its depth limit): a Smile upgrade that serializes another JDK
   * class fails here, not in a worker loading a production model.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "REGRESSION, smile_gradient_boosting",
    "REGRESSION, random_forest",
    "REGRESSION, linear",
    "REGRESSION, ridge",
    "REGRESSION, lasso",
    "CLASSIFICATION, random_forest",
    "CLASSIFICATION, logistic",
    "ANOMALY, isolation_forest"
  })
  void everySmileModelComesBackThroughTheModelFilter(Task task, String algorithm) {
    Dataset data =
        switch (task) {
          case REGRESSION -> Synthetic.regression(2500, 3);
          case CLASSIFICATION -> Synthetic.blobs(2500, 3, 4);
          case ANOMALY -> Synthetic.outliers(2500, 50, 2);
        };
    Map<String, Double> deepest =
        switch (algorithm) {
          case "random_forest", "smile_gradient_boosting" ->
              Map.of("trees", 5.0, "max_depth", 64.0, "max_nodes", 1_000_000.0, "node_size", 1.0);
          case "isolation_forest" -> Map.of("trees", 10.0, "max_depth", 64.0);
          default -> Map.of();
        };
    Predictor model = TrainersTest.fit(task, data, algorithm, deepest).model();
    int[] rows = Synthetic.range(0, data.rows());
    assertSame(
        storeAndLoad(task, data, model).model().predict(data, rows), model.predict(data, rows));
  }

  @Test
  void aModelFileThatIsNotAModelIsAnArtifactMismatch() throws IOException {
    Dataset data = Synthetic.regression(2500, 3);
    Predictor model =
        TrainersTest.fit(Task.REGRESSION, data, "gradient_boosting", Map.of("trees", 5.0)).model();
    ModelStore store = new ModelStore(home);
    ModelStore.Stored stored = store.store(metadata(Task.REGRESSION, data, model), model);
    Files.writeString(FileUris.artifact(stored.uri()).resolve("model.ubj"), "not a model");
    var failure =
        businessFailure(() -> store.load(stored.uri(), null, null), FailureTypes.ARTIFACT_MISMATCH);
    assertThat(failure.getOriginalMessage()).contains("model.ubj is not a usable model");
  }

  private static void assertSame(Predictions actual, Predictions expected) {
    assertThat(actual.values()).containsExactly(expected.values());
    if (expected.probabilities() != null) {
      assertThat(actual.probabilities()).isDeepEqualTo(expected.probabilities());
    }
  }

  private static ModelMetadata metadata(Task task, Dataset data, Predictor model) {
    return new ModelMetadata(
        "demo",
        "test",
        Map.of(),
        data.features(),
        data.target(),
        Map.of(),
        data.sha256(),
        data.rows(),
        0,
        42,
        0.2,
        null,
        null,
        null,
        null,
        null,
        task.name().toLowerCase(java.util.Locale.ROOT),
        model.format().file(),
        model.format().id(),
        data.classes() == null ? null : List.copyOf(data.classes()),
        null,
        null,
        data.schema(),
        null,
        null,
        null,
        null);
  }
}
