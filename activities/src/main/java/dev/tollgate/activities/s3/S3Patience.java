package dev.tollgate.activities.s3;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Rides out an S3 outage inside the stage. The SDK retries a call a few times within seconds; when
 * S3 is still answering 5xx or throttling (or not answering) after that, the call is tried again
 * with backoff for up to {@link #budget}. Without it a 30-second outage while storing a model
 * failed all three attempts of the train stage within six seconds (found by S3OutageIT), and each
 * retry of the stage would train the model again. Past the budget the failure goes up and
 * Temporal's retry policy takes over. Heartbeats go on meanwhile (the stages beat from their own
 * threads).
 */
public final class S3Patience {
  private static final Logger log = LoggerFactory.getLogger(S3Patience.class);

  /** Two minutes, in steps of 1, 2, 4, 8, then 15 s. */
  public static final S3Patience DEFAULT =
      new S3Patience(Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(15));

  private final Duration budget;
  private final Duration first;
  private final Duration longest;

  public S3Patience(Duration budget, Duration first, Duration longest) {
    this.budget = budget;
    this.first = first;
    this.longest = longest;
  }

  /** Runs {@code call} ("PUT s3://b/k" in {@code what}), again while S3 is unavailable. */
  public <T> T call(String what, Supplier<T> call) {
    long deadline = System.nanoTime() + budget.toNanos();
    Duration wait = first;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (SdkServiceException | SdkClientException e) {
        long left = deadline - System.nanoTime();
        if (!unavailable(e) || left <= 0) throw e;
        Duration pause = Duration.ofNanos(Math.min(wait.toNanos(), left));
        log.warn(
            "S3 unavailable for {} (call {}: {}); trying again in {} ms, for up to {} s more",
            what,
            attempt,
            e.getMessage(),
            pause.toMillis(),
            Duration.ofNanos(left).toSeconds());
        sleep(pause);
        wait = wait.multipliedBy(2).compareTo(longest) > 0 ? longest : wait.multipliedBy(2);
      }
    }
  }

  /** The same for a call without a result. */
  public void run(String what, Runnable call) {
    call(
        what,
        () -> {
          call.run();
          return null;
        });
  }

  /** 5xx, throttling, or no answer at all: what passes. A 403 or 400 does not. */
  static boolean unavailable(RuntimeException e) {
    if (e instanceof SdkServiceException s)
      return s.statusCode() >= 500 || s.isThrottlingException();
    return e instanceof SdkClientException;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SdkClientException.create("interrupted while waiting for S3 to come back", e);
    }
  }
}
