package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.objects.ObjectSource;
import dev.tollgate.activities.objects.S3Location;
import dev.tollgate.spec.DataFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Turns a dataset URI into a local file the loader can read: a {@code file:} URI as its real path,
 * an {@code s3://bucket/key} object downloaded into a temporary folder under its own file name (so
 * a {@code .csv.gz} stays recognisable) and removed when the returned handle closes. The loader
 * then hashes the local copy, whose bytes are the object's, so the data digest is the same wherever
 * the file came from. Every URI is checked against the worker's {@link DataAccess} first.
 */
public final class DatasetFiles {
  private final ObjectSource objects;
  private final DataAccess access;

  /**
   * {@code objects} reads s3:// datasets (the AWS adapter's S3 source); it may be {@code null}:
   * then they are refused as unsupported. {@code access} says which files and buckets may be read
   * (the worker's {@code tollgate.data-access.*}).
   */
  public DatasetFiles(ObjectSource objects, DataAccess access) {
    this.objects = objects;
    this.access = java.util.Objects.requireNonNull(access, "access");
  }

  /** Local files anywhere but /proc, /sys and /dev: tests and tools. */
  public static DatasetFiles localOnly() {
    return new DatasetFiles(null, DataAccess.unrestricted());
  }

  /**
   * A readable local copy of a dataset, and how much of it a stage may read; closing it removes
   * what was downloaded. For a folder of Parquet part files ({@link DatasetFolders}) {@code path}
   * is the folder and {@code parts} its part files in name order; for one file {@code parts} is
   * empty.
   */
  public record Local(Path path, Path downloadedInto, ByteLimit limit, List<Path> parts)
      implements AutoCloseable {

    /** One file (not a folder of part files). */
    public Local(Path path, Path downloadedInto, ByteLimit limit) {
      this(path, downloadedInto, limit, List.of());
    }

    @Override
    public void close() {
      if (downloadedInto != null) {
        try (var walk = Files.walk(downloadedInto)) {
          walk.sorted(java.util.Comparator.reverseOrder())
              .map(Path::toFile)
              .forEach(f -> f.delete());
        } catch (IOException ignored) {
          // best effort: a leftover temporary copy changes no result
        }
      }
    }
  }

  public Local open(String uri) {
    return open(uri, Long.MAX_VALUE);
  }

  /**
   * Whether {@code uri} is a local file that is allowed but absent: callers that read something
   * other than a dataset (an imported model) word that case themselves. Refused as {@link
   * #open(String)} would be when it lies outside the data roots.
   */
  public boolean missingLocal(String uri) {
    return !S3Location.isS3(uri) && access.localFileIfExists(uri) == null;
  }

  /**
   * As {@link #open(String)}, refusing a dataset over {@code maxBytes} ({@code data.max_bytes},
   * within the worker's own limit) before reading it (a local file) or before downloading its body
   * (an S3 object).
   */
  public Local open(String uri, long maxBytes) {
    return open(uri, maxBytes, DataFormat.of(null, uri));
  }

  /**
   * As {@link #open(String, long)}; {@code format} Parquet also opens a folder of part files (a
   * local folder, an S3 prefix ending {@code /}), {@code max_bytes} counting all its parts.
   */
  public Local open(String uri, long maxBytes, DataFormat format) {
    ByteLimit limit = ByteLimit.of(maxBytes, access.maxBytes());
    boolean parquet = format == DataFormat.PARQUET;
    if (!S3Location.isS3(uri)) {
      // a regular file under a root (its real path), or refused; Parquet may name a folder
      Path found = parquet ? access.localFileOrFolder(uri) : access.localFile(uri);
      if (parquet && Files.isDirectory(found, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return DatasetFolders.local(uri, found, access, limit);
      }
      checkSize(uri, size(found), limit);
      return new Local(found, null, limit);
    }
    if (parquet && uri.endsWith("/")) {
      S3Location prefix = prefix(uri);
      return DatasetFolders.s3(uri, prefix, objects, temporaryFolder(uri), limit);
    }
    S3Location at = location(uri);
    Path dir = temporaryFolder(uri);
    Local local = new Local(dir.resolve(at.fileName()), dir, limit);
    boolean found;
    try {
      // refused by the declared length before the body is read; a response without one is
      // checked on the copy below
      found = objects.download(at, local.path(), length -> checkSize(uri, length, limit));
    } catch (RuntimeException e) {
      local.close(); // a failed download (retried by Temporal) must not leave its copy behind
      throw e;
    }
    if (!found) {
      local.close();
      throw Failures.invalidData("dataset " + uri + " does not exist (no such S3 object)");
    }
    try {
      checkSize(uri, size(local.path()), limit);
    } catch (RuntimeException e) {
      local.close();
      throw e;
    }
    return local;
  }

  private static Path temporaryFolder(String uri) {
    try {
      return Files.createTempDirectory("tollgate-dataset-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary folder to download " + uri, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
  }

  private static void checkSize(String uri, long bytes, ByteLimit limit) {
    if (bytes > limit.bytes()) {
      throw Failures.invalidData(
          "dataset " + uri + " is " + bytes + " bytes, over " + limit.describe() + limit.advice());
    }
  }

  /** When the dataset was last written, or {@code null} when it does not exist. */
  public Instant lastModified(String uri) {
    if (S3Location.isS3(uri) && uri.endsWith("/")) {
      return DatasetFolders.lastModified(prefix(uri), objects);
    }
    if (S3Location.isS3(uri)) {
      return objects.lastModified(location(uri));
    }
    // a folder is dated by its newest part whatever the format says: reading it decides the rest
    Path file = access.localFileOrFolderIfExists(uri);
    if (file != null && Files.isDirectory(file)) return DatasetFolders.lastModified(file);
    try {
      return file == null ? null : Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the modification time of " + file, e);
    }
  }

  /** An S3 prefix ({@code s3://bucket/exports/}) holding part files, checked as an object is. */
  private S3Location prefix(String uri) {
    S3Location at = parse(uri);
    access.object(uri, at);
    return at;
  }

  private S3Location location(String uri) {
    S3Location at = parse(uri);
    if (at.fileName().isEmpty()) {
      throw Failures.invalidData("dataset " + uri + " names a bucket or folder, not an object");
    }
    access.object(uri, at);
    return at;
  }

  private S3Location parse(String uri) {
    if (objects == null) {
      throw Failures.unsupported("dataset " + uri + ": this loader was built without S3 access");
    }
    S3Location at;
    try {
      at = S3Location.parse(uri);
    } catch (IllegalArgumentException e) {
      throw Failures.invalidData("dataset " + e.getMessage());
    }
    return at;
  }
}
