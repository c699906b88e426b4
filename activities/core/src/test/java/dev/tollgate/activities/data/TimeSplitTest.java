package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSplitTest {
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();
  private final TrainingSpec training = new TrainingSpec("linear", Map.of(), 42, 0.4);

  private DataSpec spec(String csv) throws IOException {
    Path file = Files.writeString(dir.resolve("sales.csv"), csv);
    return new DataSpec(
        file.toUri().toString(), "y", List.of("x"), 1, null, List.of(), "ts", MissingPolicy.FAIL);
  }

  @Test
  void theHoldoutIsTheLatestRowsWhateverTheFileOrderAndFormat() throws IOException {
    String csv =
        """
        ts,x,y
        2024-03-05T00:00:00Z,1,1
        2024-03-01,2,2
        1709337600,3,3
        2024-03-04 12:00:00,4,4
        2024-03-03T01:00:00+01:00,5,5
        """;
    Dataset data = loader.load(spec(csv), Task.REGRESSION, training);
    assertThat(data.timestamps()[0])
        .isEqualTo(Instant.parse("2024-03-05T00:00:00Z").toEpochMilli());
    assertThat(data.timestamps()[2])
        .isEqualTo(Instant.parse("2024-03-02T00:00:00Z").toEpochMilli());
    assertThat(data.timestamps()[4])
        .isEqualTo(Instant.parse("2024-03-03T00:00:00Z").toEpochMilli());
    HoldoutSplit split = HoldoutSplit.of(data, training);
    assertThat(split.holdout()).containsExactly(0, 3); // 5 March and 4 March
    assertThat(split.train()).containsExactly(1, 2, 4);
  }

  @Test
  void equalTimesAtTheCutHoldOutTheLaterLinesAndSeedsDoNotMatter() {
    long[] times = {5, 1, 3, 3, 3, 2};
    HoldoutSplit a = HoldoutSplit.byTime(times, 0.5);
    assertThat(a.holdout()).containsExactly(0, 3, 4);
    assertThat(a.train()).containsExactly(1, 2, 5);
  }

  @Test
  void theSchemaIsFittedOnTheEarlierRowsOnly() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("shops.csv"), "ts,shop,y\n1,old,1\n2,old,2\n3,old,3\n4,new,4\n5,new,5\n");
    DataSpec spec =
        new DataSpec(
            file.toUri().toString(),
            "y",
            List.of("shop"),
            1,
            null,
            List.of("shop"),
            "ts",
            MissingPolicy.FAIL);
    Dataset data = loader.load(spec, Task.REGRESSION, training);
    assertThat(data.features()).containsExactly("shop=old");
    assertThat(data.report().unseen()).containsExactly(Map.entry("shop", 2));
  }

  @Test
  void aTimestampThatDoesNotParseNamesRowAndColumn() throws IOException {
    DataSpec spec = spec("ts,x,y\n2024-03-01,1,1\nyesterday,2,2\n");
    var failure =
        businessFailure(
            () -> loader.load(spec, Task.REGRESSION, training), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .startsWith("sales.csv row 3, column ts: 'yesterday' is not a timestamp; expected epoch");
  }

  @Test
  void aMissingTimestampIsAMissingValue() throws IOException {
    DataSpec spec = spec("ts,x,y\n2024-03-01,1,1\n,2,2\n");
    var failure =
        businessFailure(
            () -> loader.load(spec, Task.REGRESSION, training), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .startsWith("sales.csv row 3, column ts: the value is missing");
  }
}
