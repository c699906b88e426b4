package dev.tollgate.activities.data;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipDatasetTest {
  @TempDir Path dir;
  private final DatasetLoader loader = new DatasetLoader();

  private static DataSpec spec(Path file) {
    return new DataSpec(file.toUri().toString(), "y", List.of("x1", "x2"), 1, null);
  }

  private static Path gzip(Path plain, Path gz) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(plain, out);
    }
    return gz;
  }

  @Test
  void aGzipFileLoadsTheSameRowsAsThePlainOneAndIsHashedAsStored() throws IOException {
    Path plain = TestData.linearCsv(dir.resolve("load.csv"), 500, 3, 0);
    Path gz = gzip(plain, dir.resolve("load.csv.gz"));
    Dataset a = loader.load(spec(plain));
    Dataset b = loader.load(spec(gz));
    assertThat(b.rows()).isEqualTo(500);
    assertThat(b.y()).isEqualTo(a.y());
    assertThat(b.columns()).isDeepEqualTo(a.columns());
    assertThat(a.sha256()).isEqualTo(Digests.sha256(plain));
    assertThat(b.sha256()).isEqualTo(Digests.sha256(gz)).isNotEqualTo(a.sha256());
    assertThat(b.source()).isEqualTo("load.csv.gz");
  }

  @Test
  void gzipIsRecognisedByItsMagicBytesWhateverTheName() throws IOException {
    Path plain = TestData.linearCsv(dir.resolve("load.csv"), 50, 3, 0);
    Path disguised = gzip(plain, dir.resolve("export.csv"));
    assertThat(loader.load(spec(disguised)).y()).isEqualTo(loader.load(spec(plain)).y());
  }

  @Test
  void aGzNameOnAPlainFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("load.csv.gz"), "x1,x2,y\n1,2,3\n");
    var failure = businessFailure(() -> loader.load(spec(file)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("load.csv.gz is named .gz but is not gzip-compressed");
  }

  @Test
  void aTruncatedGzipFileIsInvalidDataNotARetry() throws IOException {
    Path plain = TestData.linearCsv(dir.resolve("load.csv"), 2000, 3, 0);
    byte[] bytes = Files.readAllBytes(gzip(plain, dir.resolve("full.csv.gz")));
    Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    var failure = businessFailure(() -> loader.load(spec(cut)), FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage()).contains("cut.csv.gz", "not a complete gzip file");
  }
}
