package dev.tollgate.activities.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.ValidationSpec.QualitySpec;
import dev.tollgate.spec.ValidationSpec.ValueRange;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.CheckResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityChecksTest {
  @TempDir Path dir;

  /**
   * 20 rows: temperature has 2 missing values and one reading of 99; rows 18 and 19 repeat rows 0
   * and 1; the timestamps are daily from 2026-01-01.
   */
  private Dataset load(int minRows, String timestamp) throws IOException {
    StringBuilder csv = new StringBuilder("day,temperature,region,load\n");
    for (int i = 0; i < 20; i++) {
      int k = i >= 18 ? i - 18 : i;
      String temperature = k == 5 || k == 6 ? "" : k == 7 ? "99" : Integer.toString(k);
      csv.append(
          String.format(
              "2026-01-%02d,%s,%s,%d%n", k + 1, temperature, k % 2 == 0 ? "n" : "s", 100 + k));
    }
    Path file = Files.writeString(dir.resolve("d.csv"), csv);
    var spec =
        new DataSpec(
            file.toUri().toString(),
            "load",
            List.of("temperature", "region"),
            minRows,
            null,
            List.of("region"),
            timestamp,
            MissingPolicy.IMPUTE);
    return new DatasetLoader().load(spec, Task.REGRESSION);
  }

  private static DataSpec spec(int minRows) {
    return new DataSpec(
        "file:/d.csv",
        "load",
        List.of("temperature", "region"),
        minRows,
        null,
        List.of("region"),
        null,
        MissingPolicy.IMPUTE);
  }

  private static CheckResult named(List<CheckResult> checks, String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void missingSharePerColumnPassesAndFails() throws IOException {
    Dataset data = load(1, null);
    assertThat(data.report().missing()).containsEntry("temperature", 2).containsEntry("load", 0);
    CheckResult pass = QualityChecks.missing(0.1, data);
    assertThat(pass.status()).isEqualTo(Status.PASS);
    assertThat(pass.value()).isEqualTo(0.1);
    CheckResult fail = QualityChecks.missing(0.05, data);
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(fail.message()).contains("worst temperature: 2 of 20 values missing");
  }

  @Test
  void duplicateRowsPassAndFail() throws IOException {
    Dataset data = load(1, null);
    CheckResult fail = QualityChecks.duplicates(0.05, data);
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(fail.value()).isEqualTo(0.1);
    assertThat(fail.message()).startsWith("2 of 20 rows");
    assertThat(QualityChecks.duplicates(0.1, data).status()).isEqualTo(Status.PASS);
    // With the timestamp column the repeated rows are repeated days too: still duplicates.
    assertThat(QualityChecks.duplicates(0.05, load(1, "day")).value()).isEqualTo(0.1);
  }

  @Test
  void declaredRangesPassAndFailNamingTheWorstColumn() throws IOException {
    Dataset data = load(1, null);
    var ranges =
        Map.of("temperature", new ValueRange(-40.0, 50.0), "load", new ValueRange(0.0, null));
    CheckResult fail = QualityChecks.ranges(ranges, 0, data);
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(fail.value()).isEqualTo(0.05);
    assertThat(fail.message())
        .contains("1 of 2 columns", "worst temperature: 1 of 20 values outside [-40.0, 50.0]");
    assertThat(QualityChecks.ranges(ranges, 0.05, data).status()).isEqualTo(Status.PASS);
    assertThat(QualityChecks.ranges(Map.of("load", new ValueRange(100.0, 117.0)), 0, data).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void schemaAndMinRows() throws IOException {
    Dataset data = load(1, null);
    var checks = QualityChecks.run(new QualitySpec(null, null, Map.of(), 0), spec(20), data);
    assertThat(checks)
        .extracting(CheckResult::name)
        .containsExactly("quality.schema", "quality.min_rows");
    assertThat(named(checks, "quality.schema").status()).isEqualTo(Status.PASS);
    assertThat(named(checks, "quality.schema").message())
        .contains("target load", "temperature numeric", "region categorical");
    assertThat(named(checks, "quality.min_rows").status()).isEqualTo(Status.PASS);
    var few = QualityChecks.run(new QualitySpec(null, null, Map.of(), 0), spec(21), data);
    assertThat(named(few, "quality.min_rows").status()).isEqualTo(Status.FAIL);
    assertThat(named(few, "quality.min_rows").message()).contains("20 usable rows, fewer than 21");
    var renamed =
        new DataSpec(
            "file:/d.csv",
            "load",
            List.of("temperature", "region"),
            1,
            null,
            List.of(),
            null,
            MissingPolicy.IMPUTE);
    assertThat(QualityChecks.schema(renamed, data).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void freshnessFromTheTimestampColumnBeatsTheFileTime() throws IOException {
    Dataset data = load(1, "day"); // newest row 2026-01-18
    Instant now = Instant.parse("2026-01-19T12:00:00Z");
    Instant fileTime = Instant.parse("2026-01-19T11:00:00Z");
    CheckResult stale = FreshnessCheck.run(Duration.ofHours(24), data, fileTime, now);
    assertThat(stale.status()).isEqualTo(Status.FAIL);
    assertThat(stale.value()).isEqualTo(36.0);
    assertThat(stale.message()).contains("newest row at 2026-01-18T00:00:00Z", "36h old");
    assertThat(FreshnessCheck.run(Duration.ofHours(48), data, fileTime, now).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void freshnessFromTheFileTimeWithoutATimestampColumn() throws IOException {
    Dataset data = load(1, null);
    Instant now = Instant.parse("2026-01-19T12:00:00Z");
    assertThat(
            FreshnessCheck.run(
                    Duration.ofHours(2), data, Instant.parse("2026-01-19T11:00:00Z"), now)
                .status())
        .isEqualTo(Status.PASS);
    CheckResult stale =
        FreshnessCheck.run(Duration.ofHours(2), data, Instant.parse("2026-01-19T09:00:00Z"), now);
    assertThat(stale.status()).isEqualTo(Status.FAIL);
    assertThat(stale.message())
        .contains("file last modified", "3h old", "older than data.max_age 2h");
    assertThat(FreshnessCheck.run(Duration.ofHours(2), data, null, now).status())
        .isEqualTo(Status.SKIPPED);
  }
}
