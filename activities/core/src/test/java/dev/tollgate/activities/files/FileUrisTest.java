package dev.tollgate.activities.files;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.FailureTypes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileUrisTest {

  @Test
  void acceptsTheFileUriShapesThatReachUs() {
    assertThat(FileUris.dataset("file:/data/load.csv")).isEqualTo(Path.of("/data/load.csv"));
    assertThat(FileUris.dataset("file:///data/load.csv")).isEqualTo(Path.of("/data/load.csv"));
    assertThat(FileUris.dataset("file:/my data/load.csv")).isEqualTo(Path.of("/my data/load.csv"));
    Path spaced = Path.of("/tmp/with space/x.csv");
    assertThat(FileUris.dataset(FileUris.of(spaced))).isEqualTo(spaced);
  }

  @Test
  void refusesRelativeAndForeignUris() {
    businessFailure(() -> FileUris.dataset("load.csv"), FailureTypes.INVALID_DATA);
    businessFailure(() -> FileUris.dataset("file:load csv"), FailureTypes.INVALID_DATA);
    businessFailure(() -> FileUris.artifact("s3://bucket/model/"), FailureTypes.UNSUPPORTED);
  }
}
