package dev.tollgate.activities.objects;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads objects of an object store ({@code s3://bucket/key}): what datasets in S3 are read through.
 * The AWS adapter's {@code S3ObjectSource} is the one the worker wires; core never sees its SDK.
 * Callers check a location against the worker's buckets before they ask.
 */
public interface ObjectSource {

  /**
   * Copies the object at {@code at} into {@code target}.
   *
   * @param announced told the object's declared length before its body is read; it may throw to
   *     refuse the download
   * @return false when there is no such object
   */
  boolean download(S3Location at, Path target, LongConsumer announced);

  /** When the object was last written, or {@code null} when it does not exist. */
  Instant lastModified(S3Location at);

  /**
   * The objects whose keys start with {@code prefix}'s key (a folder of part files: {@code
   * exports/2026/}), every page of the listing, in key order; empty when there are none.
   */
  List<Listed> list(S3Location prefix);

  /**
   * One object of a listing.
   *
   * @param at where it is
   * @param bytes its size
   * @param lastModified when it was last written
   */
  record Listed(S3Location at, long bytes, Instant lastModified) {}
}
