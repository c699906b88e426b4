package dev.tollgate.activities.objects;

import java.nio.file.Path;
import java.time.Instant;
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
}
