package dev.tollgate.adapters.aws.s3;

import java.net.URI;

/**
 * How to reach S3. Credentials are not here on purpose: they come from the AWS SDK's default
 * provider chain (environment, system properties, profile files, container or instance role), so no
 * secret is ever written into Tollgate's configuration.
 *
 * @param endpoint an S3-compatible server (MinIO, Ceph, moto) or a VPC endpoint; {@code null} =
 *     AWS's own endpoint for the region
 * @param region the signing region; {@code null} = the SDK's region chain (AWS_REGION, profile)
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: what
 *     most S3-compatible servers need
 * @param maxAttempts attempts per S3 call, first one included; the SDK backs off between them on
 *     5xx, throttling and connection errors
 */
public record S3Settings(URI endpoint, String region, boolean pathStyle, int maxAttempts) {

  public S3Settings {
    region = region == null || region.isBlank() ? null : region.strip();
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /** Attempts per call unless configured: at least a minute of waiting out an outage. */
  public static final int DEFAULT_MAX_ATTEMPTS = 12;

  /** AWS itself, region and credentials from the environment, the default attempts. */
  public static S3Settings defaults() {
    return new S3Settings(null, null, false, DEFAULT_MAX_ATTEMPTS);
  }
}
