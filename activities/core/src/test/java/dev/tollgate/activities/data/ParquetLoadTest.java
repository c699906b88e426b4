package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static dev.tollgate.activities.data.ParquetFixtures.spec;
import static dev.tollgate.activities.data.ParquetFixtures.uri;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import dev.tollgate.spec.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Parquet file through the loader: the digest, {@code data.missing} on its nulls, the row limit,
 * progress, {@code max_bytes}, the sample and the head check.
 */
class ParquetLoadTest {
  private final DatasetLoader loader = new DatasetLoader();

  private static DataSpec nulls(MissingPolicy policy) {
    // d and s null in row 4, y_missing (the target) null in row 3
    return spec(
        uri("typed.parquet"), "y_missing", List.of("d", "s"), List.of("s"), null, policy, null);
  }

  @Test
  void theDigestIsTheFilesSha256AndTheSourceItsName() throws IOException {
    Dataset data = loader.load(spec(uri("numbers.parquet"), "y", List.of("x1", "x2")));
    assertThat(data.sha256()).isEqualTo(Digests.sha256(ParquetFixtures.path("numbers.parquet")));
    assertThat(data.source()).isEqualTo("numbers.parquet");
    assertThat(data.rows()).isEqualTo(40);
    assertThat(data.columns()[0][5]).isEqualTo(1.25);
    assertThat(data.y()[5]).isEqualTo(2 * 1.25 + 0);
  }

  @Test
  void missingFailNamesTheFirstRowAndColumnWithANull() {
    assertThat(
            businessFailure(() -> loader.load(nulls(MissingPolicy.FAIL)), FailureTypes.INVALID_DATA)
                .getOriginalMessage())
        .isEqualTo(
            "typed.parquet row 3, column y_missing: the value is missing (data.missing is fail;"
                + " drop_rows or impute accept it)");
  }

  @Test
  void missingDropRowsLeavesOutEveryRowWithANull() {
    Dataset data = loader.load(nulls(MissingPolicy.DROP_ROWS));
    assertThat(data.report().rowsRead()).isEqualTo(5);
    assertThat(data.report().rowsDropped()).isEqualTo(2);
    assertThat(data.y()).containsExactly(1, 2, 5);
  }

  @Test
  void missingImputeFillsFeaturesButRefusesAMissingTarget() {
    assertThat(
            businessFailure(
                    () -> loader.load(nulls(MissingPolicy.IMPUTE)), FailureTypes.INVALID_DATA)
                .getOriginalMessage())
        .startsWith("typed.parquet row 3, column y_missing: the target is missing");

    DataSpec featuresOnly =
        spec(
            uri("typed.parquet"),
            "y",
            List.of("d", "s"),
            List.of("s"),
            null,
            MissingPolicy.IMPUTE,
            null);
    Dataset data = loader.load(featuresOnly);
    assertThat(data.rows()).isEqualTo(5);
    assertThat(data.report().imputed()).containsEntry("d", 1).containsEntry("s", 1);
    assertThat(data.columns()[0][3])
        .as("the mean of the others")
        .isEqualTo((1.5 + 2.5 - 3.25 + 5) / 4);
  }

  @Test
  void aRowLimitStopsInsideALaterRowGroupAndTheDigestIsStillTheWholeFiles() throws IOException {
    DataSpec spec = spec(uri("many-rows.parquet"), "y", List.of("x1", "x2")).withRowLimit(45_001L);
    Dataset data = loader.load(spec);
    assertThat(data.rows()).isEqualTo(45_001);
    assertThat(data.columns()[1][45_000]).isEqualTo(45_000 % 5);
    assertThat(data.sha256()).isEqualTo(Digests.sha256(ParquetFixtures.path("many-rows.parquet")));
  }

  @Test
  void aWholeReadKeepsEveryRowGroupsValuesInOrder() {
    // 4 row groups of 20,000 rows, read in one batch a column (ParquetInput.batches)
    Dataset data = loader.load(spec(uri("many-rows.parquet"), "y", List.of("x1", "x2")));
    assertThat(data.rows()).isEqualTo(70_000);
    for (int row : new int[] {0, 19_999, 20_000, 40_001, 69_999}) {
      double x1 = (row % 1000) / 4.0;
      assertThat(data.columns()[0][row]).as("x1 at %d", row).isEqualTo(x1);
      assertThat(data.columns()[1][row]).as("x2 at %d", row).isEqualTo(row % 5);
      assertThat(data.y()[row]).as("y at %d", row).isEqualTo(2 * x1 + row % 5);
    }
  }

  @Test
  void aDoubleColumnKeptFromHardwoodsBatchIsNeverWrittenByALaterRead() {
    // The loader keeps a batch's array as the column (RawColumn.adoptFinite) because Hardwood
    // allocates each batch afresh and hands it over; if it ever pooled arrays across reads, the
    // later loads here would overwrite the first load's column.
    Dataset first = loader.load(spec(uri("many-rows.parquet"), "y", List.of("x1", "x2")));
    double[] kept = first.columns()[0].clone();
    Dataset again = loader.load(spec(uri("many-rows.parquet"), "y", List.of("x1", "x2")));
    loader.load(spec(uri("many-rows.parquet"), "x1", List.of("x2", "y")));
    assertThat(again.columns()[0]).isNotSameAs(first.columns()[0]);
    assertThat(first.columns()[0]).isEqualTo(kept);
  }

  @Test
  void progressIsToldEverySoManyRowsAndAtTheEnd() {
    List<Integer> told = new ArrayList<>();
    new DatasetLoader()
        .onProgress(told::add)
        .load(spec(uri("many-rows.parquet"), "y", List.of("x1", "x2")));
    assertThat(told).containsExactly(CsvReader.PROGRESS_EVERY, 70_000);
  }

  @Test
  void maxBytesIsHonouredBeforeReading() {
    DataSpec spec =
        spec(
            uri("many-rows.parquet"),
            "y",
            List.of("x1"),
            List.of(),
            null,
            MissingPolicy.FAIL,
            1000L);
    assertThat(
            businessFailure(() -> loader.load(spec), FailureTypes.INVALID_DATA)
                .getOriginalMessage())
        .startsWith("dataset " + uri("many-rows.parquet") + " is ")
        .contains("over data.max_bytes (1000 bytes)");
  }

  @Test
  void theHeadCheckReadsOnlyTheFirstRows() {
    DataSpec spec = spec(uri("many-rows.parquet"), "y", List.of("x1", "x2"));
    assertThat(loader.checkHead(spec, Task.REGRESSION, 100)).isEqualTo(100);
  }

  @Test
  void theSampleSendsCategoriesAsTextAndLeavesOutIncompleteRows() {
    DataSpec spec =
        spec(
            uri("typed.parquet"),
            "y",
            List.of("d", "s"),
            List.of("s"),
            null,
            MissingPolicy.DROP_ROWS,
            null);
    DataSchema schema = loader.load(spec).schema();
    List<Map<String, Object>> rows = loader.sample(spec, schema, 5);
    assertThat(rows).hasSize(4);
    assertThat(rows.getFirst()).containsEntry("d", 1.5).containsEntry("s", "red");
  }
}
