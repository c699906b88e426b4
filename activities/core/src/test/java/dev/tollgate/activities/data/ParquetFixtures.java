package dev.tollgate.activities.data;

import dev.tollgate.spec.DataFormat;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MissingPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The committed Parquet fixtures (made by scripts/parquet-fixtures.py with pyarrow) and ways to
 * read them: the whole load, or one {@link RawTable} as {@link ParquetInput} fills it.
 */
final class ParquetFixtures {
  private ParquetFixtures() {}

  /** The fixture file or folder {@code name} under src/test/resources/parquet. */
  static Path path(String name) {
    try {
      return Path.of(ParquetFixtures.class.getResource("/parquet/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String uri(String name) {
    return path(name).toUri().toString();
  }

  /** A spec over {@code uri}: target {@code y}, these features, every other key its default. */
  static DataSpec spec(String uri, String target, List<String> features) {
    return spec(uri, target, features, List.of(), null, MissingPolicy.FAIL, null);
  }

  static DataSpec spec(
      String uri,
      String target,
      List<String> features,
      List<String> categorical,
      String timestamp,
      MissingPolicy missing,
      Long maxBytes) {
    return new DataSpec(
        uri,
        target,
        features,
        1,
        null,
        categorical,
        timestamp,
        missing,
        null,
        maxBytes,
        null,
        null);
  }

  /** {@code spec}'s used columns of its dataset, read as the loader reads them. */
  static RawTable read(DataSpec spec, IntConsumer progress, int maxRows) {
    DatasetFiles files = DatasetFiles.localOnly();
    try (DatasetFiles.Local local = files.open(spec.train(), spec.byteLimit(), spec.dataFormat());
        TableInput in = TableInput.open(local, spec.train(), spec.format())) {
      RawTable table =
          RawTable.plan(
              in.name(),
              spec.features(),
              spec.categorical(),
              spec.target(),
              false,
              spec.timestamp());
      in.read(table, progress, maxRows);
      return table;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RawTable read(DataSpec spec) {
    return read(spec, rows -> {}, Integer.MAX_VALUE);
  }

  /** A copy of the fixture folder {@code name} in {@code dir}, its hidden files included. */
  static Path copyFolder(String name, Path dir) throws IOException {
    Path target = Files.createDirectories(dir.resolve(name));
    try (var files = Files.list(path(name))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return target;
  }

  static DataSpec parquet(DataSpec spec) {
    return spec.withFormat(DataFormat.PARQUET);
  }
}
