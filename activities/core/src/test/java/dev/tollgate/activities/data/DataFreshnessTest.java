package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.tollgate.activities.TestData;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFreshnessTest {
  @TempDir Path dir;

  private DataSpec spec(Path csv, Duration maxAge) {
    return new DataSpec(csv.toUri().toString(), "y", List.of("x1", "x2"), 1, maxAge);
  }

  @Test
  void aFileOlderThanMaxAgeIsRefused() throws IOException {
    Path csv = TestData.linearCsv(dir.resolve("load.csv"), 10, 1, 0);
    Instant now = Instant.parse("2026-11-20T12:00:00Z");
    Files.setLastModifiedTime(csv, FileTime.from(now.minus(Duration.ofHours(75))));

    var failure =
        businessFailure(
            () -> DataFreshness.check(spec(csv, Duration.ofHours(48)), now),
            FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "load.csv was last modified at 2026-11-17T09:00:00Z, 3d 3h ago; data.max_age is 48h");
  }

  @Test
  void aFreshFileOrNoLimitPasses() throws IOException {
    Path csv = TestData.linearCsv(dir.resolve("load.csv"), 10, 1, 0);
    Instant now = Instant.now();
    assertThatNoException()
        .isThrownBy(() -> DataFreshness.check(spec(csv, Duration.ofHours(1)), now));
    assertThatNoException()
        .isThrownBy(() -> DataFreshness.check(spec(csv, null), now.plus(Duration.ofDays(400))));
  }
}
