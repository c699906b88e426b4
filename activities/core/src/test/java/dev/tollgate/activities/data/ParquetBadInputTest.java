package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static dev.tollgate.activities.data.ParquetFixtures.spec;
import static dev.tollgate.activities.data.ParquetFixtures.uri;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Parquet dataset the loader cannot use is refused as a CSV one is: a non-retryable {@code
 * INVALID_DATA} failure naming the file, the row where there is one, the column and what was
 * expected. Each refusal is also the head check's ({@code tollgate check}).
 */
class ParquetBadInputTest {
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  private String refusal(DataSpec spec) {
    String load =
        businessFailure(() -> loader.load(spec), FailureTypes.INVALID_DATA).getOriginalMessage();
    String head =
        businessFailure(
                () -> loader.checkHead(spec, dev.tollgate.spec.Task.REGRESSION, 100),
                FailureTypes.INVALID_DATA)
            .getOriginalMessage();
    assertThat(head).as("tollgate check words it as the run does").isEqualTo(load);
    return load;
  }

  private static DataSpec typed(List<String> features, List<String> categorical, String time) {
    return spec(uri("typed.parquet"), "y", features, categorical, time, MissingPolicy.FAIL, null);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s|typed.parquet column s holds text (BYTE_ARRAY/STRING), expected numbers",
        "ts_ms|typed.parquet column ts_ms holds dates or times (INT64/TIMESTAMP(MILLIS)), expected"
            + " numbers",
        "day|typed.parquet column day holds dates or times (INT32/DATE), expected numbers",
      })
  void aColumnOfTheWrongTypeIsRefusedBeforeAnyRow(String column, String message) {
    assertThat(refusal(typed(List.of("d", column), List.of(), null))).isEqualTo(message);
  }

  @Test
  void floatingPointNumbersAreNotCategories() {
    assertThat(refusal(typed(List.of("d"), List.of("d"), null)))
        .isEqualTo(
            "typed.parquet column d holds floating-point numbers (DOUBLE), expected categories"
                + " (text, whole numbers or booleans)");
  }

  @Test
  void aTimestampMustBeATimestampADateOrText() {
    assertThat(refusal(typed(List.of("s"), List.of("s"), "d")))
        .isEqualTo(
            "typed.parquet column d holds floating-point numbers (DOUBLE), expected timestamps"
                + " (TIMESTAMP, DATE or text)");
  }

  @Test
  void everyMissingColumnIsNamedAtOnceWithTheFilesOwn() {
    assertThat(refusal(typed(List.of("d", "price", "region"), List.of(), null)))
        .isEqualTo(
            "typed.parquet has no column 'price', 'region' (it has 22 columns: 'd', 'f', 'i32'"
                + " and 19 more)");
  }

  @ParameterizedTest
  @CsvSource({"address, a struct", "tags, a list", "attrs, a map"})
  void aNestedColumnIsRefusedWhenUsed(String column, String kind) {
    assertThat(refusal(typed(List.of("d", column), List.of(column), null)))
        .isEqualTo(
            "typed.parquet column "
                + column
                + " is "
                + kind
                + ": only flat columns (numbers, text, booleans, dates, timestamps) can be used;"
                + " flatten it into columns of their own in the export");
  }

  @Test
  void nestedColumnsTheSpecDoesNotUseAreNoProblem() {
    DataSpec spec =
        spec(
            uri("typed.parquet"),
            "y",
            List.of("d", "s"),
            List.of("s"),
            null,
            MissingPolicy.DROP_ROWS,
            null);
    assertThat(loader.load(spec).rows()).as("row 4, all nulls, dropped").isEqualTo(4);
  }

  @Test
  void anInfiniteNumberIsRefusedAtItsRow() {
    assertThat(refusal(typed(List.of("inf"), List.of(), null)))
        .isEqualTo("typed.parquet row 3, column inf: 'Infinity' is not a finite number");
  }

  @Test
  void aTextTimestampThatDoesNotParseIsRefusedAtItsRow() {
    assertThat(refusal(typed(List.of("y_missing"), List.of(), "bad_time")))
        .startsWith("typed.parquet row 2, column bad_time: ");
  }

  @Test
  void aFileThatIsNotParquetIsRefusedAsSuch() {
    assertThat(refusal(spec(uri("not-parquet.parquet"), "y", List.of("x1"))))
        .isEqualTo(
            "not-parquet.parquet is not a Parquet file, or is damaged or cut short (its footer"
                + " cannot be read: IOException)");
  }

  @Test
  void aTruncatedFileIsRefusedAsDamaged() {
    assertThat(refusal(spec(uri("truncated.parquet"), "y", List.of("x1"))))
        .startsWith("truncated.parquet is not a Parquet file, or is damaged or cut short (");
  }

  @Test
  void aRepeatedColumnNameIsRefusedAsInACsvHeader() {
    assertThat(refusal(spec(uri("repeated-names.parquet"), "y", List.of("x1"))))
        .isEqualTo(
            "repeated-names.parquet repeats the column name 'x1'; every column needs a name of its"
                + " own");
  }

  @Test
  void aCodecTheWorkerDoesNotCarryIsRefusedByName() {
    assertThat(refusal(spec(uri("numbers-lz4.parquet"), "y", List.of("x1"))))
        .isEqualTo(
            "numbers-lz4.parquet column x1 is compressed with LZ4_RAW, which Tollgate does not read:"
                + " write the file with snappy (the usual default), zstd, gzip or no compression");
  }

  @Test
  void anEmptyFileIsRefusedAsEmpty() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.parquet"));
    assertThat(refusal(spec(empty.toUri().toString(), "y", List.of("x1"))))
        .isEqualTo("empty.parquet is empty (0 bytes): expected a Parquet file");
  }

  @Test
  void aFileWithColumnsButNoRowsIsRefused() {
    assertThat(refusal(spec(uri("zero-rows.parquet"), "y", List.of("x1", "x2"))))
        .isEqualTo("zero-rows.parquet has columns but no data rows (0 rows in the file)");
  }

  @Test
  void aParquetFileNamedOtherwiseIsReadAsCsvUnlessTheSpecSaysParquet() throws IOException {
    Path renamed = Files.copy(ParquetFixtures.path("numbers.parquet"), dir.resolve("export.dat"));
    DataSpec spec = spec(renamed.toUri().toString(), "y", List.of("x1", "x2"));
    assertThat(
            businessFailure(() -> loader.load(spec), FailureTypes.INVALID_DATA)
                .getOriginalMessage())
        .as("read as CSV, its bytes are no CSV")
        .startsWith("export.dat");
    assertThat(loader.load(ParquetFixtures.parquet(spec)).rows()).isEqualTo(40);
  }
}
