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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingPolicyTest {
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  private DataSpec spec(String csv, MissingPolicy policy, int minRows) throws IOException {
    Path file = Files.writeString(dir.resolve("shop.csv"), csv);
    return new DataSpec(
        file.toUri().toString(), "y", List.of("x", "c"), minRows, null, List.of("c"), null, policy);
  }

  @Test
  void dropRowsLeavesOutRowsMissingAnyUsedValueAndCountsThem() throws IOException {
    String csv = "x,c,y,unused\n1,a,10,\n,a,20,\n3,,30,\n4,b,,\n5,b,50,\n";
    Dataset data = loader.load(spec(csv, MissingPolicy.DROP_ROWS, 1));
    assertThat(data.y()).containsExactly(10, 50);
    assertThat(data.columns()[0]).containsExactly(1, 5);
    assertThat(data.report().rowsRead()).isEqualTo(5);
    assertThat(data.report().rowsDropped()).isEqualTo(3);
    assertThat(data.report().summary()).isEqualTo("5 rows read, 3 dropped");
  }

  @Test
  void minRowsCountsTheRowsLeftAfterDropping() throws IOException {
    DataSpec spec = spec("x,c,y\n1,a,10\nNA,a,20\n3,b,30\n", MissingPolicy.DROP_ROWS, 3);
    var failure = businessFailure(() -> loader.load(spec), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("shop.csv has 2 data rows (1 dropped for missing values), min_rows is 3");
  }

  @Test
  void droppingEveryRowIsRefused() throws IOException {
    DataSpec spec = spec("x,c,y\n1,,10\n,a,20\n", MissingPolicy.DROP_ROWS, 1);
    var failure = businessFailure(() -> loader.load(spec), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "every one of the 2 rows of shop.csv has a missing value in a used column"
                + " (data.missing: drop_rows)");
  }

  @Test
  void anAllMissingColumnIsNamedUnderEveryPolicy() throws IOException {
    for (MissingPolicy policy : MissingPolicy.values()) {
      DataSpec spec = spec("x,c,y\nnull,a,10\n,b,20\nN/A,a,30\n", policy, 1);
      var failure = businessFailure(() -> loader.load(spec), FailureTypes.INVALID_DATA);
      assertThat(failure.getOriginalMessage())
          .as(policy.name())
          .startsWith("shop.csv column x: every value is missing (3 rows)");
    }
  }

  @Test
  void imputeFillsWithTheTrainingRowsMeanAndModeAndRecordsThem() throws IOException {
    StringBuilder csv = new StringBuilder("x,c,y\n");
    for (int i = 0; i < 10; i++) {
      csv.append(i == 3 ? "" : i).append(',').append(i == 5 ? "" : i < 7 ? "a" : "b");
      csv.append(',').append(i).append('\n');
    }
    TrainingSpec training = new TrainingSpec("linear", Map.of(), 42, 0.3);
    Dataset data =
        loader.load(spec(csv.toString(), MissingPolicy.IMPUTE, 1), Task.REGRESSION, training);
    HoldoutSplit split = HoldoutSplit.of(data, training);
    double expectedMean =
        java.util.Arrays.stream(split.train()).filter(r -> r != 3).average().orElseThrow();
    DataSchema.Feature x = data.schema().features().get(0);
    assertThat(x.mean()).isEqualTo(expectedMean);
    assertThat(data.columns()[0][3]).isEqualTo(expectedMean);
    assertThat(data.schema().features().get(1).mode()).isEqualTo("a");
    assertThat(data.features()).containsExactly("x", "c=a", "c=b");
    assertThat(data.columns()[1][5]).isEqualTo(1); // filled with the mode a
    assertThat(data.report().imputed()).containsExactly(Map.entry("x", 1), Map.entry("c", 1));
  }

  @Test
  void imputeNeverInventsATarget() throws IOException {
    DataSpec spec = spec("x,c,y\n1,a,10\n2,b,\n3,b,5\n", MissingPolicy.IMPUTE, 1);
    var failure = businessFailure(() -> loader.load(spec), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .startsWith("shop.csv row 3, column y: the target is missing; data.missing: impute");
  }
}
