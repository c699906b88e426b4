package dev.tollgate.activities.data;

import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.objects.S3Location;
import java.nio.file.Path;

/**
 * Which datasets a worker may read: local files under {@link DataRoots}, S3 objects in {@link
 * DataBuckets}. Every dataset URI a stage opens (data.train, schedule.drift_data,
 * deploy.rollback.watch.labelled_data: all reach {@link DatasetFiles}) is checked here before a
 * byte of it is read, its size asked or its modification time looked at. The worker's settings
 * decide; a spec only names the file. {@code maxBytes} is the worker's ceiling on {@code
 * data.max_bytes} ({@link ByteLimit}).
 */
public record DataAccess(DataRoots roots, DataBuckets buckets, long maxBytes) {

  public DataAccess {
    if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
  }

  /** No ceiling of the worker's own: {@code data.max_bytes} alone limits a dataset. */
  public DataAccess(DataRoots roots, DataBuckets buckets) {
    this(roots, buckets, Long.MAX_VALUE);
  }

  /** Anything but /proc, /sys, /dev and non-regular files: tests and tools only. */
  public static DataAccess unrestricted() {
    return new DataAccess(DataRoots.anywhere(), DataBuckets.anywhere());
  }

  /** The real path of the local dataset {@code uri}, to be opened instead of the one given. */
  Path localFile(String uri) {
    return roots.check(uri, FileUris.dataset(uri));
  }

  /** As {@link #localFile(String)}, {@code null} when the file does not exist. */
  Path localFileIfExists(String uri) {
    return roots.checkIfExists(uri, FileUris.dataset(uri));
  }

  /** As {@link #localFile(String)}, a folder (of Parquet part files) accepted too. */
  Path localFileOrFolder(String uri) {
    return roots.checkFileOrFolder(uri, FileUris.dataset(uri), false);
  }

  /** As {@link #localFileOrFolder(String)}, {@code null} when nothing is there. */
  Path localFileOrFolderIfExists(String uri) {
    return roots.checkFileOrFolder(uri, FileUris.dataset(uri), true);
  }

  /** The real path of a part file of a checked folder: under a root as the folder is. */
  Path localPart(Path part) {
    return roots.check(part.toUri().toString(), part);
  }

  void object(String uri, S3Location at) {
    buckets.check(uri, at);
  }

  @Override
  public String toString() {
    return "roots " + roots + ", buckets " + buckets + ", at most " + maxBytes + " bytes";
  }
}
