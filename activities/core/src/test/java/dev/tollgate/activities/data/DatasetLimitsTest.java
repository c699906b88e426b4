package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data.max_bytes counts what the parser reads, not what the disk holds: a small gzip file that
 * inflates to far more is refused once past the limit, and a line longer than 1 MiB is refused by
 * its row, before it is held in memory. Both fast, with little memory, and with a short message.
 */
class DatasetLimitsTest {
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static DataSpec spec(Path file, Long maxBytes) {
    return new DataSpec(
        file.toUri().toString(),
        "y",
        List.of("x1", "x2"),
        1,
        null,
        List.of(),
        null,
        MissingPolicy.FAIL,
        null,
        maxBytes);
  }

  /** {@code header}, then {@code repeat} copies of {@code chunk}, then {@code tail}, gzipped. */
  private Path gzip(String name, String header, String chunk, int repeat, String tail)
      throws IOException {
    Path file = dir.resolve(name);
    byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(header.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < repeat; i++) out.write(bytes);
      out.write(tail.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void oneHugeLineInASmallGzipIsRefusedByItsRowWithLittleMemory() throws IOException {
    // 100 MB of one field in a file of about 100 KB: the probe, a third of its size
    Path bomb = gzip("bomb.csv.gz", "x1,x2,y\n1,", "0".repeat(1 << 16), 1600, ",3\n");
    assertThat(Files.size(bomb)).isLessThan(1_000_000);

    long before = THREADS.getCurrentThreadAllocatedBytes();
    long started = System.nanoTime();
    String message =
        businessFailure(() -> loader.load(spec(bomb, null)), FailureTypes.INVALID_DATA)
            .getOriginalMessage();
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

    assertThat(message)
        .isEqualTo(
            "bomb.csv.gz row 2 is longer than 1,048,576 characters: not a CSV line a stage can"
                + " hold (a file that is not the CSV its spec names, or one field holding a whole"
                + " export?)");
    assertThat(allocated).as("bytes allocated while refusing").isLessThan(64L << 20);
    assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(5_000_000_000L);
  }

  @Test
  void decompressedBytesCountAgainstMaxBytes() throws IOException {
    // 20 MB of short rows in a file of a few tens of KB, against a 1 MB limit
    Path bomb = gzip("rows.csv.gz", "x1,x2,y\n", "1,2,3\n".repeat(1000), 3500, "");
    assertThat(Files.size(bomb)).isLessThan(1_000_000);

    long before = THREADS.getCurrentThreadAllocatedBytes();
    String message =
        businessFailure(() -> loader.load(spec(bomb, 1_000_000L)), FailureTypes.INVALID_DATA)
            .getOriginalMessage();
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

    assertThat(message)
        .startsWith("dataset " + bomb.toUri())
        .endsWith(
            " holds more than data.max_bytes (1000000 bytes) once decompressed: raise"
                + " data.max_bytes if the worker has the memory for it, or sample the data");
    assertThat(allocated).as("bytes allocated while refusing").isLessThan(64L << 20);
  }

  @Test
  void aSpecCannotRaiseMaxBytesPastTheWorkersCeiling() throws IOException {
    var ceiling =
        new DatasetLoader(
            new DatasetFiles(
                null, new DataAccess(DataRoots.anywhere(), DataBuckets.anywhere(), 5_000L)));
    Path plain = Files.writeString(dir.resolve("plain.csv"), "x1,x2,y\n" + "1,2,3\n".repeat(1000));
    Path packed = gzip("packed.csv.gz", "x1,x2,y\n", "1,2,3\n", 1000, "");

    String onDisk =
        businessFailure(() -> ceiling.load(spec(plain, 10_000_000_000L)), FailureTypes.INVALID_DATA)
            .getOriginalMessage();
    String inflated =
        businessFailure(
                () -> ceiling.load(spec(packed, 10_000_000_000L)), FailureTypes.INVALID_DATA)
            .getOriginalMessage();

    String worker =
        "this worker's limit (5000 bytes, tollgate.data-access.max-bytes, TOLLGATE_DATA_MAX_BYTES):"
            + " data.max_bytes can only lower it; sample the data, or ask the worker's operator";
    assertThat(onDisk).isEqualTo("dataset " + plain.toUri() + " is 6008 bytes, over " + worker);
    assertThat(inflated)
        .isEqualTo(
            "dataset "
                + packed.toUri()
                + " holds more than "
                + worker.replace("):", ") once decompressed:"));
    // a spec may still lower it
    assertThat(
            businessFailure(() -> ceiling.load(spec(plain, 100L)), FailureTypes.INVALID_DATA)
                .getOriginalMessage())
        .contains("over data.max_bytes (100 bytes)");
  }

  @Test
  void aGzipWithinTheLimitStillLoads() throws IOException {
    Path fine = gzip("fine.csv.gz", "x1,x2,y\n", "1,2,3\n", 1000, "4,5,6");
    assertThat(loader.load(spec(fine, 6_100L)).rows()).isEqualTo(1001);
  }

  @Test
  void linesEndAsBufferedReaderEndsThem() throws IOException {
    Path file = Files.writeString(dir.resolve("endings.csv"), "x1,x2,y\r\n1,2,3\r4,5,6\n\n7,8,9");
    assertThat(loader.load(spec(file, null)).y()).containsExactly(3, 6, 9);
  }
}
