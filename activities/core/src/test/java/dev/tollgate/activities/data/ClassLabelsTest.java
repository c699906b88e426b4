package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import dev.tollgate.spec.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassLabelsTest {
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  private DataSpec spec(String csv, MissingPolicy policy) throws IOException {
    Path file = Files.writeString(dir.resolve("churn.csv"), csv);
    return new DataSpec(
        file.toUri().toString(), "y", List.of("x"), 1, null, List.of(), null, policy);
  }

  @Test
  void labelsBecomeSortedClassIndices() throws IOException {
    Dataset data =
        loader.load(
            spec("x,y\n1,stay\n2,leave\n3,stay\n4,pause\n", MissingPolicy.FAIL),
            Task.CLASSIFICATION);
    assertThat(data.classes()).containsExactly("leave", "pause", "stay");
    assertThat(data.isClassification()).isTrue();
    assertThat(data.y()).containsExactly(2, 0, 2, 1);
  }

  @Test
  void numericLabelsSortAsNumbers() throws IOException {
    Dataset data =
        loader.load(spec("x,y\n1,10\n2,2\n3,1\n", MissingPolicy.FAIL), Task.CLASSIFICATION);
    assertThat(data.classes()).containsExactly("1", "2", "10");
    assertThat(data.y()).containsExactly(2, 1, 0);
  }

  @Test
  void aSingleClassIsRefused() throws IOException {
    DataSpec spec = spec("x,y\n1,stay\n2,\n3,stay\n", MissingPolicy.DROP_ROWS);
    var failure =
        businessFailure(() -> loader.load(spec, Task.CLASSIFICATION), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "churn.csv column y: classification needs at least two classes, every row is 'stay'");
  }

  @Test
  void aTargetWithMoreDistinctValuesThanMaxClassesIsRefusedBeforeTraining() throws IOException {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 2000; i++) csv.append(i).append(',').append(1000 + i * 0.37).append('\n');
    DataSpec spec = spec(csv.toString(), MissingPolicy.FAIL);
    var failure =
        businessFailure(() -> loader.load(spec, Task.CLASSIFICATION), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "churn.csv column y: 2,000 distinct values in a classification target, more than"
                + " data.max_classes (100), all of them numbers; if y is a quantity to predict,"
                + " use task: regression; if it really has that many classes, raise"
                + " data.max_classes");
  }

  @Test
  void maxClassesRaisesTheLimit() throws IOException {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 300; i++) csv.append(i).append(",c").append(i % 150).append('\n');
    DataSpec limited = spec(csv.toString(), MissingPolicy.FAIL);
    DataSpec raised =
        new DataSpec(
            limited.train(), "y", List.of("x"), 1, null, List.of(), null, MissingPolicy.FAIL, 150);
    assertThat(loader.load(raised, Task.CLASSIFICATION).classes()).hasSize(150);
    var failure =
        businessFailure(() -> loader.load(limited, Task.CLASSIFICATION), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .startsWith("churn.csv column y: 150 distinct values in a classification target")
        .doesNotContain("all of them numbers");
  }

  @Test
  void regressionKeepsANumericTarget() throws IOException {
    DataSpec spec = spec("x,y\n1,stay\n2,leave\n", MissingPolicy.FAIL);
    var failure =
        businessFailure(() -> loader.load(spec, Task.REGRESSION), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("churn.csv row 2, column y: 'stay' is not a number");
  }
}
