package dev.tollgate.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Activity stubs for TestActivityEnvironment, and assertions on the failures they raise. */
public final class ActivityTesting {
  private ActivityTesting() {}

  /** One attempt only: a test must see the first failure, not the retries. */
  public static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();

  /**
   * Runs {@code call} and returns the non-retryable ApplicationFailure it raised, whether thrown
   * directly or wrapped in an ActivityFailure by a stub.
   */
  public static ApplicationFailure businessFailure(ThrowingCallable call, String expectedType) {
    Throwable thrown = catchThrowable(call);
    if (thrown instanceof ActivityFailure activity) {
      thrown = activity.getCause();
    }
    assertThat(thrown).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure failure = (ApplicationFailure) thrown;
    assertThat(failure.isNonRetryable()).as("non-retryable").isTrue();
    assertThat(failure.getType()).isEqualTo(expectedType);
    return failure;
  }
}
