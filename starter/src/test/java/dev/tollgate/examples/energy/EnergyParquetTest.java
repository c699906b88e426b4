package dev.tollgate.examples.energy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.ActivityTesting;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.train.TrainActivitiesImpl;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.testing.TestActivityEnvironment;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The energy example trains the same from Parquet as from its CSV: the example's own spec (its
 * algorithm, parameters, seed and holdout), the generator's CSV (seed 42, 10,000 rows) against a
 * Parquet copy of it (made by scripts/parquet-fixtures.py with pyarrow, timestamps as TIMESTAMP,
 * whole numbers as INT64, the rest DOUBLE), trained through the train activity the demo's pipeline
 * runs. Same rows, same metrics, same model bytes.
 */
class EnergyParquetTest {
  @TempDir Path home;
  private TestActivityEnvironment env;
  private TrainActivities train;
  private PipelineSpec spec;
  private DataSpec csv;
  private DataSpec parquet;

  @BeforeEach
  void setUp() throws URISyntaxException {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new TrainActivitiesImpl(new DatasetLoader(), new ModelStore(home.resolve("models"))));
    train = env.newActivityStub(TrainActivities.class, ActivityTesting.OPTIONS);
    spec = SpecParser.parse(Path.of("../examples/energy/energy-load.yaml"));
    Path file = home.resolve("load.csv");
    EnergyDataGenerator.write(
        file, EnergyDataGenerator.DEFAULT_SEED, EnergyDataGenerator.DEFAULT_ROWS);
    csv = spec.data().withTrain(file.toUri().toString());
    Path copy = Path.of(EnergyParquetTest.class.getResource("/energy/load.parquet").toURI());
    parquet = spec.data().withTrain(copy.toUri().toString());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void theParquetCopyHoldsTheSameRowsAsTheGeneratorsCsv() {
    Dataset fromCsv = new DatasetLoader().load(timed(csv));
    Dataset fromParquet = new DatasetLoader().load(timed(parquet));

    assertThat(fromParquet.rows()).isEqualTo(EnergyDataGenerator.DEFAULT_ROWS);
    assertThat(fromParquet.features()).isEqualTo(fromCsv.features());
    assertThat(fromParquet.y()).containsExactly(fromCsv.y());
    for (int j = 0; j < fromCsv.columns().length; j++) {
      assertThat(fromParquet.columns()[j]).containsExactly(fromCsv.columns()[j]);
    }
    assertThat(fromParquet.timestamps()).containsExactly(fromCsv.timestamps());
    assertThat(fromParquet.sha256()).isNotEqualTo(fromCsv.sha256());
  }

  /** The same data with its timestamp column read too (the example's spec leaves it out). */
  private static DataSpec timed(DataSpec data) {
    return new DataSpec(
        data.train(),
        data.target(),
        data.features(),
        data.minRows(),
        null,
        data.categorical(),
        "timestamp",
        data.missing(),
        data.maxClasses(),
        data.maxBytes());
  }

  @Test
  void theExampleTrainsToTheSameMetricsAndTheSameModelFromParquet() {
    TrainedModel fromCsv =
        train.train(new TrainRequest(spec.model(), "run-csv", spec.task(), csv, spec.training()));
    TrainedModel fromParquet =
        train.train(
            new TrainRequest(spec.model(), "run-parquet", spec.task(), parquet, spec.training()));

    assertThat(fromParquet.metrics()).isEqualTo(fromCsv.metrics());
    assertThat(fromParquet.metrics().get("r2")).isGreaterThan(0.85);
    assertThat(fromParquet.trainRows()).isEqualTo(fromCsv.trainRows());
    assertThat(fromParquet.modelDigest()).isEqualTo(fromCsv.modelDigest());
    assertThat(fromParquet.dataDigest()).isNotEqualTo(fromCsv.dataDigest());
  }
}
