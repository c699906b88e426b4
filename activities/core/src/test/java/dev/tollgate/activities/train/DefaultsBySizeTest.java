package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.ActivityTesting;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.files.Json;
import dev.tollgate.spec.AlgorithmCatalogue;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A default that depends on the training set's size is chosen from the rows actually trained on
 * (the holdout not counted), yields to the spec's value, and is what the model's metadata records.
 */
class DefaultsBySizeTest {
  @TempDir Path home;
  private TestActivityEnvironment env;
  private TrainActivities train;

  @BeforeEach
  void setUp() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new TrainActivitiesImpl(new DatasetLoader(), new ModelStore(home.resolve("models"))));
    train = env.newActivityStub(TrainActivities.class, ActivityTesting.OPTIONS);
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void resolvingBySizeChangesOnlyWhatTheSpecLeftOut() {
    var unset = TestData.training("gradient_boosting", Map.of("trees", 10.0));
    assertThat(HyperParams.resolve(Task.REGRESSION, unset, 49_999).real("shrinkage"))
        .isEqualTo(0.05);
    assertThat(HyperParams.resolve(Task.REGRESSION, unset, 50_000).real("shrinkage"))
        .isEqualTo(0.1);
    assertThat(HyperParams.resolve(Task.REGRESSION, unset, 50_000).integer("max_bin"))
        .isEqualTo(128);
    var given = TestData.training("gradient_boosting", Map.of("shrinkage", 0.05));
    assertThat(HyperParams.resolve(Task.REGRESSION, given, 1_000_000).real("shrinkage"))
        .isEqualTo(0.05);
    // Everything else is the size-free default.
    var large = new TreeMap<>(HyperParams.resolve(Task.REGRESSION, unset, 1_000_000).values());
    var small = new TreeMap<>(HyperParams.resolve(Task.REGRESSION, unset).values());
    for (String sized : List.of("shrinkage", "max_bin")) {
      large.remove(sized);
      small.remove(sized);
    }
    assertThat(large).isEqualTo(small).isNotEmpty();
  }

  @Test
  void theLargeSetDefaultsStillGiveTheSameBytesWhateverTheThreadCount() {
    var params =
        HyperParams.resolve(
            Task.REGRESSION,
            TestData.training("gradient_boosting", Map.of("trees", 30.0)),
            AlgorithmCatalogue.LARGE_TRAINING_SET);
    assertThat(params.integer("max_bin")).isEqualTo(128);
    var set = new TrainingSet(Synthetic.regression(2000, 2), Synthetic.range(0, 1600));
    String one = TrainersTest.digest(new XgboostTrainer(1).fit(set, params, 42, TreeProgress.NONE));
    String three =
        TrainersTest.digest(new XgboostTrainer(3).fit(set, params, 42, TreeProgress.NONE));
    assertThat(three).isEqualTo(one);
    var smallSetParams =
        HyperParams.resolve(
            Task.REGRESSION, TestData.training("gradient_boosting", Map.of("trees", 30.0)));
    assertThat(
            TrainersTest.digest(
                new XgboostTrainer(1).fit(set, smallSetParams, 42, TreeProgress.NONE)))
        .as("the rule changes the model")
        .isNotEqualTo(one);
  }

  @Test
  void theTrainingRowsDecideAndTheMetadataShowsTheValueUsed() throws IOException {
    // 62,500 rows with a 20 % holdout train on 50,000; 62,499 on 49,999.
    JsonNode large = paramsRecorded(62_500, 50_000);
    assertThat(large.get("shrinkage").asDouble()).isEqualTo(0.1);
    assertThat(large.get("max_bin").asDouble()).isEqualTo(128);
    JsonNode small = paramsRecorded(62_499, 49_999);
    assertThat(small.get("shrinkage").asDouble()).isEqualTo(0.05);
    assertThat(small.get("max_bin").asDouble()).isEqualTo(256);
  }

  private JsonNode paramsRecorded(int rows, int trainRows) throws IOException {
    Path csv = TestData.linearCsv(home.resolve("data/train-" + rows + ".csv"), rows, 7, 0);
    TrainedModel model =
        train.train(
            new TrainRequest(
                TestData.MODEL,
                "run-" + rows,
                Task.REGRESSION,
                TestData.data(csv),
                TestData.training("gradient_boosting", Map.of("trees", 2.0))));
    assertThat(model.trainRows()).isEqualTo(trainRows);
    JsonNode meta =
        Json.read(FileUris.artifact(model.artifactUri()).resolve("metadata.json"), JsonNode.class);
    return meta.get("params");
  }
}
