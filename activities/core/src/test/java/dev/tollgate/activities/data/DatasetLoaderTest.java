package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  private DataSpec spec(Path csv, int minRows) {
    return new DataSpec(csv.toUri().toString(), "y", List.of("x1", "x2"), minRows, null);
  }

  private Path csv(String content) throws IOException {
    return Files.writeString(dir.resolve("load.csv"), content);
  }

  @Test
  void loadsTheUsedColumnsInSpecOrderAndHashesTheFile() throws IOException {
    Path file = csv("x2,note,\"y\",x1\n1.5,\"a, quoted\",10,2\n\n-3,b,20,4e1\n");
    Dataset data = loader.load(spec(file, 1));
    assertThat(data.rows()).isEqualTo(2);
    assertThat(data.y()).containsExactly(10, 20);
    assertThat(data.columns()[0]).containsExactly(2, 40); // x1
    assertThat(data.columns()[1]).containsExactly(1.5, -3); // x2
    assertThat(data.source()).isEqualTo("load.csv");
    assertThat(data.sha256()).isEqualTo(Digests.sha256(Files.readAllBytes(file))).hasSize(64);
  }

  @Test
  void aRowLimitReadsTheHeadOfTheFileAndStillHashesAllOfIt() throws IOException {
    Path file = csv("x1,x2,y\n1,2,3\n4,5,6\n7,8,9\nbad,row,here\n");
    Dataset data = loader.load(spec(file, 1).withRowLimit(2L));
    assertThat(data.rows()).as("pull_request.max_rows").isEqualTo(2);
    assertThat(data.y()).containsExactly(3, 6);
    assertThat(data.sha256()).isEqualTo(Digests.sha256(Files.readAllBytes(file)));
    assertThat(loader.load(spec(file, 1).withRowLimit(3L)).rows()).isEqualTo(3);
  }

  @Test
  void aStringInANumericColumnNamesFileRowAndColumn() throws IOException {
    Path file = csv("x1,x2,y\n1,2,3\n4,5,6\n7,abc,9\n");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("load.csv row 4, column x2: 'abc' is not a number");
  }

  @Test
  void anEmptyValueIsRefusedByDefaultAtTheFirstRowAndColumnMissingOne() throws IOException {
    Path file = csv("x1,x2,y\n1,2,3\n4,,6\nNA,1,2\n");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "load.csv row 3, column x2: the value is missing"
                + " (data.missing is fail; drop_rows or impute accept it)");
  }

  @Test
  void infinityIsNotANumberToLearnFrom() throws IOException {
    Path file = csv("x1,x2,y\n1,2,3\n4,Infinity,6\n");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("load.csv row 3, column x2: 'Infinity' is not a finite number");
  }

  @Test
  void aHeaderWithoutRowsIsRefused() throws IOException {
    Path file = csv("x1,x2,y\n\n");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage()).isEqualTo("load.csv has a header but no data rows");
  }

  @Test
  void aLongRowIsRefusedToo() throws IOException {
    Path file = csv("x1,x2,y\n1,2,3\n4,5,6,7\n");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("load.csv row 3 has 4 fields, the header has 3");
  }

  @Test
  void aByteOrderMarkAndQuotedNumbersAreRead() throws IOException {
    Path file = csv("\uFEFFx1,\"x2\",y\n\" 1.5 \",\"2\",3\n");
    Dataset data = loader.load(spec(file, 1));
    assertThat(data.columns()[0]).containsExactly(1.5);
    assertThat(data.columns()[1]).containsExactly(2);
    assertThat(data.classes()).isNull();
    assertThat(data.timestamps()).isNull();
    assertThat(data.report())
        .isEqualTo(
            new LoadReport(
                1,
                0,
                java.util.Map.of(),
                java.util.Map.of(),
                java.util.Map.of("x1", 0, "x2", 0, "y", 0)));
  }

  @Test
  void aValueInAnUnusedColumnIsNotParsed() throws IOException {
    Path file = csv("x1,x2,comment,y\n1,2,not a number,3\n");
    assertThat(loader.load(spec(file, 1)).rows()).isEqualTo(1);
  }

  @Test
  void missingColumnsAreNamedWithTheHeadersWidthAndFirstNames() throws IOException {
    Path file = csv("x1,temp,target\n1,2,3\n");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "load.csv has no column 'x2', 'y' (its header has 3 columns: 'x1', 'temp', 'target')");
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("nowhere.csv");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage()).contains(file.toString(), "does not exist");
  }

  @Test
  void aDirectoryIsNamedAsOneNotAsMissing() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("exports"));
    var failure = businessFailure(() -> loader.load(spec(folder, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .startsWith("dataset " + folder.toUri() + " is a directory with no Parquet part files")
        .doesNotContain("does not exist");
  }

  @Test
  void aRepeatedHeaderNameIsRefusedWithItsPositions() throws IOException {
    // The spec uses x2 and y; a second x2 would have been ignored, the first one read.
    Path file = csv("x1,x2,x2,y\n1,2,3,4\n");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "load.csv header repeats the column name 'x2' (columns 2 and 3); every column needs"
                + " a name of its own");
  }

  @Test
  void everyRepeatedNameIsListedEvenInColumnsTheSpecDoesNotUse() throws IOException {
    Path file = csv("note,x1,note,x2,y,x1,note\n1,2,3,4,5,6,7\n");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .startsWith(
            "load.csv header repeats the column names 'note' (columns 1, 3 and 7), 'x1'"
                + " (columns 2 and 6)");
  }

  @Test
  void blankHeaderNamesMayRepeat() throws IOException {
    Path file = csv(",x1,x2,y,\n0,1,2,3,\n");
    assertThat(loader.load(spec(file, 1)).rows()).isEqualTo(1);
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    Path file = csv("");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage()).startsWith("load.csv is empty");
  }

  @Test
  void aShortRowIsRefusedWithItsRowNumber() throws IOException {
    Path file = csv("x1,x2,y\n1,2,3\n4,5\n");
    var failure = businessFailure(() -> loader.load(spec(file, 1)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("load.csv row 3 has 2 fields, the header has 3");
  }

  @Test
  void fewerRowsThanMinRowsIsRefusedButASmokeTestMayLoadThem() throws IOException {
    Path file = TestData.linearCsv(dir.resolve("small.csv"), 50, 1, 0);
    var failure = businessFailure(() -> loader.load(spec(file, 100)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("small.csv has 50 data rows, min_rows is 100");
    // A smoke test encodes with the deployed model's schema and needs only a few rows.
    DataSpec spec = spec(file, 100);
    assertThat(
            loader
                .loadWithSchema(spec, Task.REGRESSION, DataSchema.numeric(spec.features()))
                .rows())
        .isEqualTo(50);
  }

  @Test
  void progressIsToldTheRowsRead() throws IOException {
    Path file = TestData.linearCsv(dir.resolve("rows.csv"), 70_000, 1, 0);
    List<Integer> told = new java.util.ArrayList<>();
    loader.onProgress(told::add).load(spec(file, 1));
    assertThat(told).containsExactly(CsvReader.PROGRESS_EVERY, 70_000);
  }

  @Test
  void s3DatasetsNeedALoaderWithS3Access() {
    var s3 = new DataSpec("s3://bucket/load.csv", "y", List.of("x1"), 1, null);
    var failure = businessFailure(() -> loader.load(s3), FailureTypes.UNSUPPORTED);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("dataset s3://bucket/load.csv: this loader was built without S3 access");
  }
}
