package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.artifacts.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hash a load of every row starts on a thread of its own ({@link ParquetDigest#start}) is the
 * value the loader gave before it did so: a file's SHA-256, a folder's listing hash.
 */
class ParquetDigestTest {

  @Test
  void aFileHashedAlongsideTheReadIsItsSha256() throws Exception {
    Path file = ParquetFixtures.path("many-rows.parquet");
    assertThat(ParquetDigest.start(List.of(file), false, false).get())
        .isEqualTo(Digests.sha256(file))
        .isEqualTo(ParquetDigest.file(file, false));
  }

  @Test
  void aFolderHashedAlongsideTheReadIsItsListingsHash() throws Exception {
    List<Path> parts;
    try (Stream<Path> listed = Files.list(ParquetFixtures.path("parts"))) {
      parts = listed.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(ParquetDigest.start(parts, true, false).get())
        .isEqualTo(ParquetDigest.folder(parts, false))
        .isNotEqualTo(ParquetDigest.file(parts.getFirst(), false));
  }
}
