package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a refusal quotes of a file: the spec's missing column by name, a few header names and one
 * value, each cut to 60 characters and without control characters; never the header or a line.
 */
class CsvEchoTest {
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  private String refusal(String csv, List<String> features, Task task) throws IOException {
    Path file = Files.writeString(dir.resolve("load.csv"), csv);
    DataSpec spec = new DataSpec(file.toUri().toString(), "y", features, 1, null);
    return businessFailure(() -> loader.load(spec, task), FailureTypes.INVALID_DATA)
        .getOriginalMessage();
  }

  @Test
  void aFileThatIsNotACsvIsNotEchoedAsItsHeader() throws IOException {
    // what /proc/self/environ looks like: one line, NUL-separated, a secret past the start
    String environ =
        IntStream.range(0, 40)
                .mapToObj(i -> "VARIABLE_" + i + "=value-" + i)
                .collect(Collectors.joining("\0"))
            + "\0TOLLGATE_APPROVAL_KEY=fake-approval-key-SENTINEL\0";
    String message = refusal(environ + "\n1\n", List.of("x1", "x2"), Task.REGRESSION);
    assertThat(message)
        .startsWith("load.csv has no column 'x1', 'x2', 'y' (its header has 1 column: 'VARIABLE_0")
        .doesNotContain("SENTINEL", "VARIABLE_39", "\0")
        .hasSizeLessThan(250);
  }

  @Test
  void aWideHeaderIsNamedByItsWidthAndThreeNames() throws IOException {
    String header =
        IntStream.range(0, 500).mapToObj(i -> "column_" + i).collect(Collectors.joining(","));
    String message =
        refusal(header + "\n" + "1,".repeat(499) + "1\n", List.of("x1"), Task.REGRESSION);
    assertThat(message)
        .isEqualTo(
            "load.csv has no column 'x1', 'y' (its header has 500 columns: 'column_0', 'column_1',"
                + " 'column_2' and 497 more)");
  }

  @Test
  void aLongValueIsCutTo60Characters() throws IOException {
    String field = "A".repeat(100_000);
    String message =
        refusal("x1,x2,y\n1,2,3\n4," + field + ",6\n", List.of("x1", "x2"), Task.REGRESSION);
    assertThat(message)
        .isEqualTo(
            "load.csv row 3, column x2: '"
                + "A".repeat(60)
                + "…' (100,000 characters) is not a number");
  }

  @Test
  void controlCharactersInAValueAreStripped() throws IOException {
    String message =
        refusal(
            "x1,x2,y\n1,\u001b[2J\u001b]0;owned\u0007abc\u202e,3\n",
            List.of("x1", "x2"),
            Task.REGRESSION);
    assertThat(message).isEqualTo("load.csv row 2, column x2: '[2J]0;ownedabc' is not a number");
    assertThat(message.chars()).noneMatch(Character::isISOControl);
  }

  @Test
  void repeatedHeaderNamesAreQuotedAFewAtATime() throws IOException {
    String header =
        IntStream.range(0, 20)
                .mapToObj(i -> "dup" + i + ",dup" + i)
                .collect(Collectors.joining(","))
            + ",x1,x2,y";
    String message =
        refusal(header + "\n" + "1,".repeat(42) + "1\n", List.of("x1", "x2"), Task.REGRESSION);
    assertThat(message).contains("'dup0' (columns 1 and 2)", "'dup2'").doesNotContain("dup3");
  }

  @Test
  void aSingleClassLabelIsQuotedCut() throws IOException {
    String label = "L".repeat(500);
    String csv = "x1,x2,y\n" + "1,2," + label + "\n3,4," + label + "\n";
    String message = refusal(csv, List.of("x1", "x2"), Task.CLASSIFICATION);
    assertThat(message).contains("'" + "L".repeat(60) + "…' (500 characters)").hasSizeLessThan(200);
  }
}
