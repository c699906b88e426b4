package dev.tollgate.adapters.aws.s3;

import dev.tollgate.activities.objects.ObjectSource;
import dev.tollgate.activities.objects.S3Location;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Datasets in S3 (or an S3-compatible server) for core's {@code DatasetFiles}, through the worker's
 * one S3 client, which is built on the first call: a worker that never reads from S3 never looks
 * for credentials.
 */
public final class S3ObjectSource implements ObjectSource {
  private final S3Access s3;

  public S3ObjectSource(S3Access s3) {
    this.s3 = s3;
  }

  @Override
  public boolean download(S3Location at, Path target, LongConsumer announced) {
    return new S3Objects(s3.client()).download(at, target, announced);
  }

  @Override
  public List<Listed> list(S3Location prefix) {
    return new S3Objects(s3.client()).list(prefix);
  }

  @Override
  public Instant lastModified(S3Location at) {
    return new S3Objects(s3.client()).head(at).map(h -> h.lastModified()).orElse(null);
  }
}
