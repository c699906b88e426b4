package dev.tollgate.adapters.aws.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The worker's one S3 client, built on first use: a worker that never touches S3 never looks for
 * credentials or a region. Thread-safe (the SDK client is); close it when the worker stops.
 */
public final class S3Access implements AutoCloseable {
  private final S3Settings settings;
  private S3Client client;

  public S3Access(S3Settings settings) {
    this.settings = settings;
  }

  public S3Settings settings() {
    return settings;
  }

  public synchronized S3Client client() {
    if (client == null) {
      client = build(settings);
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  static S3Client build(S3Settings s) {
    S3ClientBuilder builder =
        S3Client.builder()
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .forcePathStyle(s.pathStyle())
            .overrideConfiguration(o -> o.retryStrategy(retryStrategy(s.maxAttempts())));
    Region region = region(s);
    builder.region(region == null ? Region.US_EAST_1 : region);
    if (region == null) {
      // No region anywhere: sign for us-east-1 and let the SDK follow a bucket's redirect to its
      // own region, rather than fail on a setting that only locates the bucket.
      builder.crossRegionAccessEnabled(true);
    }
    if (s.endpoint() != null) {
      // S3-compatible servers often lack the CRC checksums the SDK sends by default since 2.30;
      // send and check them only where the API requires them.
      builder
          .endpointOverride(s.endpoint())
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }

  /**
   * The SDK's standard strategy (retries on 5xx, throttling and I/O errors), made patient enough to
   * ride out an S3 outage inside the stage: the SDK's own backoff (100 ms base, 20 s cap, and a
   * token bucket that stops retrying when many calls fail) spent five attempts in seconds, so a 30
   * s outage failed all three attempts of the train stage within six seconds, each retraining the
   * model (found by S3OutageIT). Here: 1 s doubling to 15 s, half jitter (each wait between half
   * and all of that), for both kinds of failure, and no circuit breaker: with the default 12
   * attempts a call waits at least 60 s and at most 2 min in all before its failure goes up to
   * Temporal's retry policy.
   */
  static RetryStrategy retryStrategy(int maxAttempts) {
    BackoffStrategy backoff =
        BackoffStrategy.exponentialDelayHalfJitter(Duration.ofSeconds(1), Duration.ofSeconds(15));
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        .circuitBreakerEnabled(false)
        .build();
  }

  /**
   * The configured region, else AWS_REGION / aws.region / the profile's. The instance-metadata
   * lookup of the SDK's default chain is left out on purpose: off EC2 it waits on a network
   * timeout; on EC2, set the region.
   */
  private static Region region(S3Settings s) {
    if (s.region() != null) {
      return Region.of(s.region());
    }
    try {
      return new AwsRegionProviderChain(
              new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
          .getRegion();
    } catch (RuntimeException none) {
      return null;
    }
  }
}
