package dev.tollgate.adapters.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 client's retry strategy, driven through the SDK's own retry API with a 503 as each
 * attempt's failure (no server, no clock): how long a call waits out an outage, and that an outage
 * hitting many calls does not switch retrying off.
 */
class S3RetryStrategyTest {
  private static final S3Exception UNAVAILABLE = s3Error(503, "ServiceUnavailable");

  /** As the SDK builds it from S3's answer: status and error code. */
  private static S3Exception s3Error(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .message(code)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
            .build();
  }

  /** The waits of one call that fails every attempt, until the strategy gives up. */
  private static Duration waitedOut(RetryStrategy strategy) {
    RetryToken token =
        strategy.acquireInitialToken(AcquireInitialTokenRequest.create("s3")).token();
    Duration waited = Duration.ZERO;
    while (true) {
      try {
        var next =
            strategy.refreshRetryToken(
                RefreshRetryTokenRequest.builder().token(token).failure(UNAVAILABLE).build());
        waited = waited.plus(next.delay());
        token = next.token();
      } catch (TokenAcquisitionFailedException gaveUp) {
        return waited;
      }
    }
  }

  @Test
  void theDefaultAttemptsWaitOutAnOutageOfAMinuteToTwo() {
    RetryStrategy strategy = S3Access.retryStrategy(S3Settings.DEFAULT_MAX_ATTEMPTS);
    assertThat(strategy.maxAttempts()).isEqualTo(12);
    for (int call = 0; call < 20; call++) {
      assertThat(waitedOut(strategy)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
    }
  }

  @Test
  void anOutageHittingManyCallsDoesNotStopTheRetries() {
    // The SDK's default token bucket (500 tokens, 5 a retry) would stop retrying after 100.
    RetryStrategy strategy = S3Access.retryStrategy(12);
    for (int call = 0; call < 60; call++) {
      assertThat(waitedOut(strategy)).as("call %d", call).isGreaterThan(Duration.ofSeconds(60));
    }
  }

  @Test
  void aRefusalIsNotRetried() {
    RetryStrategy strategy = S3Access.retryStrategy(12);
    RetryToken token =
        strategy.acquireInitialToken(AcquireInitialTokenRequest.create("s3")).token();
    S3Exception forbidden = s3Error(403, "AccessDenied");
    assertThatThrownBy(
            () ->
                strategy.refreshRetryToken(
                    RefreshRetryTokenRequest.builder().token(token).failure(forbidden).build()))
        .isInstanceOf(TokenAcquisitionFailedException.class);
  }
}
