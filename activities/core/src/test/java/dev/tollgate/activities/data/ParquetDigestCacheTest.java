package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.objects.ObjectSource;
import dev.tollgate.activities.objects.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kept digests for Parquet: a file or each part of a folder on its own, checked again when the
 * digest is taken; and never for an S3 download, however old its copy. The downloads are made
 * before the files age, so that only their being downloads keeps them from being kept.
 */
class ParquetDigestCacheTest {

  @TempDir static Path aged;
  private static DatasetFiles.Local downloadedFile;
  private static DatasetFiles.Local downloadedFolder;
  private static DatasetFiles.Local downloadedCsv;
  private final DatasetLoader loader = new DatasetLoader();

  @BeforeAll
  static void writeFilesDownloadCopiesAndLetThemAge() throws Exception {
    Files.copy(ParquetFixtures.path("numbers.parquet"), aged.resolve("numbers.parquet"));
    Files.copy(ParquetFixtures.path("numbers.parquet"), aged.resolve("changing.parquet"));
    ParquetFixtures.copyFolder("parts", aged);
    Path csv = TestData.linearCsv(aged.resolve("bucket/load.csv"), 200, 7, 0);
    Files.copy(ParquetFixtures.path("numbers.parquet"), aged.resolve("bucket/numbers.parquet"));
    ParquetFixtures.copyFolder("parts", aged.resolve("bucket"));
    DatasetFiles s3 = new DatasetFiles(new FolderAsBucket(aged.resolve("bucket")), access());
    downloadedFile = s3.open("s3://ml-data/numbers.parquet", Long.MAX_VALUE, parquet());
    downloadedFolder = s3.open("s3://ml-data/parts/", Long.MAX_VALUE, parquet());
    downloadedCsv = s3.open("s3://ml-data/load.csv");
    assertThat(Files.readAllBytes(downloadedCsv.path())).isEqualTo(Files.readAllBytes(csv));
    Thread.sleep(DataDigestCache.RACY.toMillis() + 200); // older than the racy window
  }

  @AfterAll
  static void removeDownloads() {
    List.of(downloadedFile, downloadedFolder, downloadedCsv).forEach(DatasetFiles.Local::close);
  }

  @BeforeEach
  void startEmpty() {
    DataDigestCache.clear();
  }

  private String load(Path file) {
    String uri = file.toUri().toString();
    return loader.load(ParquetFixtures.spec(uri, "y", List.of("x1", "x2"))).sha256();
  }

  @Test
  void aSecondLoadOfAnUnchangedFileUsesTheKeptDigest() {
    Path file = aged.resolve("numbers.parquet");
    long hits = DataDigestCache.hits();
    long hashed = DataDigestCache.hashed();

    assertThat(load(file)).isEqualTo(Digests.sha256(file));
    assertThat(load(file)).isEqualTo(Digests.sha256(file));

    assertThat(DataDigestCache.hits()).isEqualTo(hits + 1);
    assertThat(DataDigestCache.hashed()).isEqualTo(hashed + 1);
  }

  @Test
  void aFolderRehashesOnlyThePartThatChanged() throws IOException {
    Path parts = aged.resolve("parts");
    Path first = parts.resolve("part-00000.parquet");
    Path second = parts.resolve("part-00001.parquet");
    load(parts);
    long hits = DataDigestCache.hits();
    long hashed = DataDigestCache.hashed();

    Files.copy(first, second, StandardCopyOption.REPLACE_EXISTING); // a valid part, other bytes

    String listing =
        Digests.sha256(first)
            + "  part-00000.parquet\n"
            + Digests.sha256(second)
            + "  part-00001.parquet\n";
    assertThat(load(parts)).isEqualTo(Digests.sha256(listing.getBytes(StandardCharsets.UTF_8)));
    assertThat(DataDigestCache.hits()).as("part-00000 unchanged").isEqualTo(hits + 1);
    assertThat(DataDigestCache.hashed()).as("part-00001 only").isEqualTo(hashed + 1);
  }

  @Test
  void aKeptDigestIsRefusedWhenTheFileChangesBeforeItIsTaken() throws Exception {
    Path file = aged.resolve("changing.parquet");
    load(file);
    var digest = ParquetDigest.start(List.of(file), false, false);
    assertThat(digest.isDone()).as("known: no thread started").isTrue();

    Files.write(file, Files.readAllBytes(file)); // rewritten while it is decoded

    assertThatThrownBy(digest::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IOException.class)
        .hasMessageContaining("changing.parquet changed while it was read");
  }

  @Test
  void downloadsAreHashedOnEveryLoadAndNeverKept() throws IOException {
    long hits = DataDigestCache.hits();
    long hashed = DataDigestCache.hashed();
    long stored = DataDigestCache.stored();
    Path bucket = aged.resolve("bucket");
    String listing =
        Digests.sha256(bucket.resolve("parts/part-00000.parquet"))
            + "  part-00000.parquet\n"
            + Digests.sha256(bucket.resolve("parts/part-00001.parquet"))
            + "  part-00001.parquet\n";

    for (int load = 0; load < 2; load++) {
      assertThat(readAll(downloadedFile, "s3://ml-data/numbers.parquet"))
          .isEqualTo(Digests.sha256(bucket.resolve("numbers.parquet")));
      assertThat(readAll(downloadedFolder, "s3://ml-data/parts/"))
          .isEqualTo(Digests.sha256(listing.getBytes(StandardCharsets.UTF_8)));
      assertThat(readAll(downloadedCsv, "s3://ml-data/load.csv"))
          .isEqualTo(Digests.sha256(bucket.resolve("load.csv")));
    }

    assertThat(DataDigestCache.hits()).isEqualTo(hits);
    assertThat(DataDigestCache.hashed())
        .as("a file, 2 parts and a CSV, twice")
        .isEqualTo(hashed + 8);
    assertThat(DataDigestCache.stored()).isEqualTo(stored);
    assertThat(DataDigestCache.size()).isZero();
  }

  /** Every row of a downloaded copy read as a stage reads it, and its digest. */
  private static String readAll(DatasetFiles.Local local, String uri) throws IOException {
    try (TableInput in = TableInput.open(local, uri)) {
      RawTable table = RawTable.plan(in.name(), List.of("x1", "x2"), List.of(), "y", false, null);
      in.read(table, rows -> {}, Integer.MAX_VALUE);
      return in.sha256();
    }
  }

  private static DataAccess access() {
    return DataAccess.unrestricted();
  }

  private static dev.tollgate.spec.DataFormat parquet() {
    return dev.tollgate.spec.DataFormat.PARQUET;
  }

  /** An S3 bucket that is a local folder: a key is a path under it. */
  private record FolderAsBucket(Path root) implements ObjectSource {
    @Override
    public boolean download(S3Location at, Path target, LongConsumer announced) {
      Path object = root.resolve(at.key());
      if (!Files.isRegularFile(object)) return false;
      try {
        announced.accept(Files.size(object));
        Files.copy(object, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return true;
    }

    @Override
    public Instant lastModified(S3Location at) {
      try {
        return Files.getLastModifiedTime(root.resolve(at.key())).toInstant();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public List<Listed> list(S3Location prefix) {
      try (var files = Files.list(root.resolve(prefix.key()))) {
        return files
            .filter(Files::isRegularFile)
            .map(f -> new Listed(prefix.resolve(f.getFileName().toString()), size(f), null))
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static long size(Path file) {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
