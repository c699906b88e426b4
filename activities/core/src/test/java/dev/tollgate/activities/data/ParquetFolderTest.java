package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static dev.tollgate.activities.data.ParquetFixtures.copyFolder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataFormat;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local folder of Parquet part files read as one table: parts in name order, hidden files, {@code
 * _SUCCESS} and sub-folders left out, one schema across parts, {@code max_bytes} over all of them,
 * the worker's roots over each, and a digest that is the folder's content, not its place.
 */
class ParquetFolderTest {
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  private static DataSpec spec(Path folder) {
    return ParquetFixtures.spec(folder.toUri().toString(), "y", List.of("x1", "x2"));
  }

  private String refusal(DatasetLoader with, DataSpec spec) {
    return businessFailure(() -> with.load(spec), FailureTypes.INVALID_DATA).getOriginalMessage();
  }

  @Test
  void thePartsAreReadInNameOrderAsOneTable() throws IOException {
    Path parts = copyFolder("parts", dir);
    Dataset data = loader.load(spec(parts));
    assertThat(parts.toUri().toString()).endsWith("/");
    assertThat(data.rows()).as("30 + 20 rows; sub/ is not read").isEqualTo(50);
    assertThat(data.source()).isEqualTo("parts/");
    for (int i = 0; i < 50; i++) {
      assertThat(data.columns()[0][i]).isEqualTo(i / 4.0);
    }
  }

  @Test
  void theDigestIsOverThePartsNamesAndDigestsAndStableAcrossCopies() throws IOException {
    Path parts = copyFolder("parts", dir);
    String digest = loader.load(spec(parts)).sha256();

    String listing =
        Digests.sha256(parts.resolve("part-00000.parquet"))
            + "  part-00000.parquet\n"
            + Digests.sha256(parts.resolve("part-00001.parquet"))
            + "  part-00001.parquet\n";
    assertThat(digest).isEqualTo(Digests.sha256(listing.getBytes(StandardCharsets.UTF_8)));
    assertThat(loader.load(spec(ParquetFixtures.path("parts"))).sha256())
        .as("another copy of the same parts")
        .isEqualTo(digest);

    Files.writeString(parts.resolve("_SUCCESS"), "written again");
    assertThat(loader.load(spec(parts)).sha256()).as("not a part").isEqualTo(digest);
    Files.move(parts.resolve("part-00001.parquet"), parts.resolve("part-00002.parquet"));
    assertThat(loader.load(spec(parts)).sha256()).as("a part renamed").isNotEqualTo(digest);
  }

  @Test
  void aFolderIsDatedByItsNewestPart() throws IOException {
    Path parts = copyFolder("parts", dir);
    java.time.Instant newest = java.time.Instant.parse("2026-11-30T12:00:00Z");
    Files.setLastModifiedTime(
        parts.resolve("part-00000.parquet"),
        java.nio.file.attribute.FileTime.from(newest.minusSeconds(3600)));
    Files.setLastModifiedTime(
        parts.resolve("part-00001.parquet"), java.nio.file.attribute.FileTime.from(newest));
    Files.setLastModifiedTime(
        parts.resolve("_SUCCESS"), java.nio.file.attribute.FileTime.from(newest.plusSeconds(60)));
    assertThat(loader.lastModified(parts.toUri().toString())).isEqualTo(newest);
    String noSlash = parts.toUri().toString().replaceAll("/$", "");
    assertThat(loader.lastModified(noSlash))
        .as("data.format: parquet on a name without /")
        .isEqualTo(newest);
  }

  @Test
  void partsWhoseTypeDiffersInAUsedColumnAreRefusedNamingBoth() {
    assertThat(refusal(loader, spec(ParquetFixtures.path("parts-mixed-types"))))
        .isEqualTo(
            "parts-mixed-types/part-00001.parquet column x2 is DOUBLE but"
                + " parts-mixed-types/part-00000.parquet has it as INT64: every part file of a"
                + " folder needs the same type in a used column");
  }

  @Test
  void aPartWithoutAUsedColumnIsRefusedNamingIt() {
    assertThat(refusal(loader, spec(ParquetFixtures.path("parts-missing-column"))))
        .isEqualTo(
            "parts-missing-column/part-00001.parquet has no column 'x2' (it has 2 columns: 'x1',"
                + " 'y')");
  }

  @Test
  void partsMayDifferInColumnsTheSpecDoesNotUse() {
    DataSpec onlyX1 =
        ParquetFixtures.spec(ParquetFixtures.uri("parts-missing-column"), "y", List.of("x1"));
    assertThat(loader.load(onlyX1).rows()).isEqualTo(20);
  }

  @Test
  void maxBytesCountsEveryPartAndIsCheckedBeforeReading() throws IOException {
    Path parts = copyFolder("parts", dir);
    long both =
        Files.size(parts.resolve("part-00000.parquet"))
            + Files.size(parts.resolve("part-00001.parquet"));
    DataSpec spec =
        ParquetFixtures.spec(
            parts.toUri().toString(),
            "y",
            List.of("x1"),
            List.of(),
            null,
            MissingPolicy.FAIL,
            both - 1);
    assertThat(refusal(loader, spec))
        .isEqualTo(
            "dataset "
                + parts.toUri()
                + " is "
                + both
                + " bytes in 2 part files, over data.max_bytes ("
                + (both - 1)
                + " bytes): raise data.max_bytes if the worker has the memory for it, or sample"
                + " the data");
    DataSpec enough =
        ParquetFixtures.spec(
            parts.toUri().toString(),
            "y",
            List.of("x1"),
            List.of(),
            null,
            MissingPolicy.FAIL,
            both);
    assertThat(loader.load(enough).rows()).isEqualTo(50);
  }

  @Test
  void aFolderWithoutPartsIsRefused() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(empty.resolve("_SUCCESS"), "");
    assertThat(refusal(loader, spec(empty)))
        .startsWith("dataset " + empty.toUri() + " is a directory with no Parquet part files");
  }

  @Test
  void aFolderIsNotReadAsCsv() throws IOException {
    Path parts = copyFolder("parts", dir);
    assertThat(refusal(loader, spec(parts).withFormat(DataFormat.CSV)))
        .contains("is a directory; data.train must name a CSV file");
  }

  @Test
  void aMissingValueIsNamedByItsPartFile() throws IOException {
    Path parts = Files.createDirectories(dir.resolve("nulls"));
    Files.copy(ParquetFixtures.path("parts/part-00000.parquet"), parts.resolve("a.parquet"));
    Files.copy(ParquetFixtures.path("typed.parquet"), parts.resolve("b.parquet"));
    DataSpec spec =
        ParquetFixtures.spec(
            parts.toUri().toString(),
            "y",
            List.of("x1"),
            List.of(),
            null,
            MissingPolicy.FAIL,
            null);
    // b.parquet has no x1: refused before any row, naming that part
    assertThat(refusal(loader, spec)).startsWith("nulls/b.parquet has no column 'x1'");

    Files.delete(parts.resolve("a.parquet"));
    DataSpec d =
        ParquetFixtures.spec(
            parts.toUri().toString(), "y", List.of("d"), List.of(), null, MissingPolicy.FAIL, null);
    assertThat(refusal(loader, d))
        .isEqualTo(
            "nulls/b.parquet row 4, column d: the value is missing (data.missing is fail;"
                + " drop_rows or impute accept it)");
  }

  @Test
  void theWorkersRootsHoldForTheFolderAndForEachPart() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path outside = copyFolder("parts", dir);
    DatasetLoader confined =
        new DatasetLoader(
            new DatasetFiles(
                null,
                new DataAccess(DataRoots.of(List.of(root), List.of()), DataBuckets.of(List.of()))));
    assertThat(refusal(confined, spec(outside)))
        .contains("is outside the folders this worker reads");

    Path inside = Files.createDirectories(root.resolve("exports"));
    Files.copy(outside.resolve("part-00000.parquet"), inside.resolve("part-00000.parquet"));
    Files.createSymbolicLink(
        inside.resolve("part-00001.parquet"), outside.resolve("part-00001.parquet"));
    assertThat(refusal(confined, spec(inside)))
        .contains("leads, through a symbolic link, outside the folders this worker reads");

    Files.delete(inside.resolve("part-00001.parquet"));
    assertThat(confined.load(spec(inside)).rows()).isEqualTo(30);
  }
}
