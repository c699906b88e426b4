package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.Digests;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's kept digests of unchanged local CSV files: a second load of a file left alone uses
 * the digest, anything that may have changed its bytes is hashed again, and every digest is the
 * file's SHA-256. The files are written once and left {@link DataDigestCache#RACY} to age, as a
 * dataset on a worker's disk is; a test that needs a young file writes its own.
 */
class DataDigestCacheTest {

  @TempDir static Path aged;
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  @BeforeAll
  static void writeFilesAndLetThemAge() throws Exception {
    for (String name : List.of("same.csv", "rewritten.csv", "replaced.csv", "changing.csv")) {
      TestData.linearCsv(aged.resolve(name), 200, 7, 0);
    }
    Path plain = TestData.linearCsv(aged.resolve("plain-for-gzip.csv"), 200, 8, 0);
    try (OutputStream gz =
        new GZIPOutputStream(Files.newOutputStream(aged.resolve("rows.csv.gz")))) {
      Files.copy(plain, gz);
    }
    for (int i = 0; i <= DataDigestCache.CAPACITY; i++) {
      Files.writeString(aged.resolve("small-" + i), "file " + i);
    }
    Thread.sleep(DataDigestCache.RACY.toMillis() + 200); // older than the racy window
  }

  @BeforeEach
  void startEmpty() {
    DataDigestCache.clear();
  }

  private String load(Path csv) {
    return loader.load(TestData.data(csv)).sha256();
  }

  @Test
  void aSecondLoadOfAnUnchangedFileUsesTheKeptDigest() throws IOException {
    Path csv = aged.resolve("same.csv");
    long hits = DataDigestCache.hits();
    long hashed = DataDigestCache.hashed();

    assertThat(load(csv)).isEqualTo(Digests.sha256(csv));
    assertThat(DataDigestCache.hits()).as("first load: nothing kept yet").isEqualTo(hits);
    assertThat(load(csv)).isEqualTo(Digests.sha256(csv));
    assertThat(load(csv)).isEqualTo(Digests.sha256(csv));

    assertThat(DataDigestCache.hits()).isEqualTo(hits + 2);
    assertThat(DataDigestCache.hashed()).as("hashed by the first load only").isEqualTo(hashed + 1);
  }

  @Test
  void aGzipFilesCompressedBytesDigestIsKeptToo() throws IOException {
    Path gz = aged.resolve("rows.csv.gz");
    long hits = DataDigestCache.hits();

    assertThat(load(gz)).isEqualTo(Digests.sha256(gz));
    assertThat(load(gz)).isEqualTo(Digests.sha256(gz));

    assertThat(DataDigestCache.hits()).isEqualTo(hits + 1);
  }

  @Test
  void aRewriteOfTheSameSizeWithItsModificationTimePutBackIsHashedAgain() throws IOException {
    Path csv = aged.resolve("rewritten.csv");
    String before = load(csv);
    FileTime modified = Files.getLastModifiedTime(csv, LinkOption.NOFOLLOW_LINKS);
    long size = Files.size(csv);

    Files.write(csv, oneDigitChanged(Files.readAllBytes(csv)));
    Files.setLastModifiedTime(csv, modified); // its ctime is now, whatever the mtime says
    long hits = DataDigestCache.hits();

    assertThat(Files.size(csv)).isEqualTo(size);
    assertThat(Files.getLastModifiedTime(csv, LinkOption.NOFOLLOW_LINKS)).isEqualTo(modified);
    assertThat(load(csv)).isEqualTo(Digests.sha256(csv)).isNotEqualTo(before);
    assertThat(DataDigestCache.hits()).isEqualTo(hits);
  }

  @Test
  void aFileReplacedByAnotherOfTheSameSizeAndTimeIsHashedAgain() throws IOException {
    Path csv = aged.resolve("replaced.csv");
    String before = load(csv);
    Object inode = Files.getAttribute(csv, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    FileTime modified = Files.getLastModifiedTime(csv, LinkOption.NOFOLLOW_LINKS);

    Path other = Files.write(dir.resolve("other.csv"), oneDigitChanged(Files.readAllBytes(csv)));
    Files.setLastModifiedTime(other, modified);
    Files.move(other, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    long hits = DataDigestCache.hits();

    assertThat(Files.getAttribute(csv, "unix:ino", LinkOption.NOFOLLOW_LINKS)).isNotEqualTo(inode);
    assertThat(load(csv)).isEqualTo(Digests.sha256(csv)).isNotEqualTo(before);
    assertThat(DataDigestCache.hits()).isEqualTo(hits);
  }

  @Test
  void aFileYoungerThanTheRacyWindowIsNotKept() throws IOException {
    Path csv = TestData.linearCsv(dir.resolve("young.csv"), 200, 9, 0);
    long hits = DataDigestCache.hits();
    long hashed = DataDigestCache.hashed();

    assertThat(load(csv)).isEqualTo(Digests.sha256(csv));
    assertThat(load(csv)).isEqualTo(Digests.sha256(csv));

    assertThat(DataDigestCache.hits()).isEqualTo(hits);
    assertThat(DataDigestCache.hashed()).isEqualTo(hashed + 2);
    assertThat(DataDigestCache.size()).isZero();
  }

  @Test
  void aKeptDigestIsRefusedWhenTheFileChangesWhileItIsRead() throws IOException {
    Path csv = aged.resolve("changing.csv");
    load(csv);
    String uri = csv.toUri().toString();
    try (DatasetFiles.Local local = DatasetFiles.localOnly().open(uri);
        TableInput in = TableInput.open(local, uri)) {
      RawTable table = RawTable.plan(in.name(), List.of("x1", "x2"), List.of(), "y", false, null);
      in.read(table, rows -> {}, Integer.MAX_VALUE);
      TestData.linearCsv(csv, 200, 8, 0); // written again during the read

      assertThatThrownBy(in::sha256)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("changing.csv changed while it was read");
    }
    assertThat(load(csv)).as("the next load hashes it").isEqualTo(Digests.sha256(csv));
  }

  @Test
  void atMostCapacityFilesAreKeptTheLeastRecentlyUsedForgottenFirst() throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i <= DataDigestCache.CAPACITY; i++) files.add(aged.resolve("small-" + i));
    for (Path file : files.subList(0, DataDigestCache.CAPACITY)) {
      assertThat(ParquetDigest.file(file, false)).isEqualTo(Digests.sha256(file));
    }
    assertThat(DataDigestCache.size()).isEqualTo(DataDigestCache.CAPACITY);
    assertThat(DataDigestCache.lookup(files.getFirst(), false).known()).isNotNull(); // used: kept

    ParquetDigest.file(files.getLast(), false);

    assertThat(DataDigestCache.size()).isEqualTo(DataDigestCache.CAPACITY);
    assertThat(DataDigestCache.lookup(files.get(1), false).known()).as("the eldest").isNull();
    assertThat(DataDigestCache.lookup(files.getFirst(), false).known())
        .isEqualTo(Digests.sha256(files.getFirst()));
  }

  /** The same bytes but for the last digit of the last line, so the size stays. */
  private static byte[] oneDigitChanged(byte[] csv) {
    for (int i = csv.length - 1; i >= 0; i--) {
      if (csv[i] >= '0' && csv[i] <= '9') {
        csv[i] = (byte) (csv[i] == '9' ? '8' : csv[i] + 1);
        return csv;
      }
    }
    throw new IllegalArgumentException("no digit");
  }
}
