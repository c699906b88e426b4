package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.objects.ObjectSource;
import dev.tollgate.activities.objects.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A Parquet dataset of part files: a local folder ({@code file:data/parts/}) or an S3 prefix
 * ({@code s3://bucket/exports/2026/}), as Spark, Dask or pandas with {@code partition_cols} write
 * one. Its parts are the files directly in it named {@code *.parquet} or {@code *.pq}, in name
 * order; names starting with {@code .} or {@code _} ({@code _SUCCESS}, {@code .part-0.crc}) and
 * sub-folders are left out. Every part of a local folder is checked against the worker's roots as a
 * single dataset file is; {@code max_bytes} counts all the parts together and is enforced before
 * any part is read (locally) or downloaded (S3).
 */
final class DatasetFolders {
  private DatasetFolders() {}

  /** Whether {@code name} is a part file's: {@code *.parquet} or {@code *.pq}, not hidden. */
  static boolean isPart(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !name.startsWith(".")
        && !name.startsWith("_")
        && (lower.endsWith(".parquet") || lower.endsWith(".pq"));
  }

  /** The parts of the checked local folder {@code folder}, each checked, within {@code limit}. */
  static DatasetFiles.Local local(String uri, Path folder, DataAccess access, ByteLimit limit) {
    List<Path> parts = new ArrayList<>();
    try (Stream<Path> listing = Files.list(folder)) {
      listing
          .filter(p -> isPart(p.getFileName().toString()))
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .forEach(p -> parts.add(access.localPart(p)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the folder " + folder, e);
    }
    refuseEmpty(uri, "a directory", parts.size());
    long bytes = 0;
    for (Path part : parts) bytes += size(part);
    checkSize(uri, bytes, parts.size(), limit);
    return new DatasetFiles.Local(folder, null, limit, List.copyOf(parts));
  }

  /** The parts under the S3 prefix {@code at}, downloaded into {@code dir} once all are sized. */
  static DatasetFiles.Local s3(
      String uri, S3Location at, ObjectSource objects, Path dir, ByteLimit limit) {
    List<ObjectSource.Listed> listed = parts(at, objects);
    refuseEmpty(uri, "an S3 prefix", listed.size());
    checkSize(
        uri, listed.stream().mapToLong(ObjectSource.Listed::bytes).sum(), listed.size(), limit);
    String name = at.fileName().isEmpty() ? at.bucket() : at.fileName();
    Path folder = dir.resolve(name);
    List<Path> parts = new ArrayList<>();
    DatasetFiles.Local local = new DatasetFiles.Local(folder, dir, limit, parts);
    try {
      Files.createDirectories(folder);
      long total = 0;
      for (ObjectSource.Listed part : listed) {
        Path target = folder.resolve(part.at().fileName());
        long before = total;
        if (!objects.download(
            part.at(), target, length -> checkSize(uri, before + length, listed.size(), limit))) {
          throw Failures.invalidData(
              "dataset " + uri + ": part file " + part.at() + " disappeared while being read");
        }
        total += size(target);
        checkSize(uri, total, listed.size(), limit);
        parts.add(target);
      }
    } catch (IOException e) {
      local.close();
      throw new UncheckedIOException("cannot make a folder to download " + uri, e);
    } catch (RuntimeException e) {
      local.close(); // a failed download (retried by Temporal) must not leave its copies behind
      throw e;
    }
    return new DatasetFiles.Local(folder, dir, limit, List.copyOf(parts));
  }

  /** When the newest part was written, or {@code null} when the prefix holds none. */
  static Instant lastModified(S3Location at, ObjectSource objects) {
    return parts(at, objects).stream()
        .map(ObjectSource.Listed::lastModified)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /** When the newest part of a local folder was written, or {@code null} when it has none. */
  static Instant lastModified(Path folder) {
    try (Stream<Path> listing = Files.list(folder)) {
      return listing
          .filter(p -> isPart(p.getFileName().toString()))
          .map(DatasetFolders::modified)
          .max(Comparator.naturalOrder())
          .orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the folder " + folder, e);
    }
  }

  /** The part files directly under the prefix (not in its sub-folders), in key order. */
  private static List<ObjectSource.Listed> parts(S3Location at, ObjectSource objects) {
    String prefix = at.key();
    return objects.list(at).stream()
        .filter(o -> o.at().key().startsWith(prefix))
        .filter(o -> !o.at().key().substring(prefix.length()).contains("/"))
        .filter(o -> isPart(o.at().fileName()))
        .sorted(Comparator.comparing(o -> o.at().key()))
        .toList();
  }

  private static void refuseEmpty(String uri, String what, int parts) {
    if (parts == 0) {
      throw Failures.invalidData(
          "dataset "
              + uri
              + " is "
              + what
              + " with no Parquet part files (*.parquet or *.pq directly in it;"
              + " names starting with . or _ and sub-folders are not read)");
    }
  }

  private static void checkSize(String uri, long bytes, int parts, ByteLimit limit) {
    if (bytes > limit.bytes()) {
      throw Failures.invalidData(
          "dataset "
              + uri
              + " is "
              + bytes
              + " bytes in "
              + parts
              + (parts == 1 ? " part file" : " part files")
              + ", over "
              + limit.describe()
              + limit.advice());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the modification time of " + file, e);
    }
  }
}
