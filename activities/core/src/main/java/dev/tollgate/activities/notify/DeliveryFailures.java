package dev.tollgate.activities.notify;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/**
 * How a sink says why an event did not go out, so that the notify activity's retry policy does the
 * right thing: a rate limit waits exactly as long as the server asked ({@code Retry-After}), a
 * refusal that no retry can cure (unknown channel, revoked token) stops at once, and anything else
 * is an ordinary retryable exception.
 */
public final class DeliveryFailures {
  /** When a 429 comes without a usable Retry-After: Slack's documented minimum window. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

  private DeliveryFailures() {}

  /** The server said "slow down": retried after {@code retryAfter}, not on the policy's backoff. */
  public static ApplicationFailure rateLimited(String what, String retryAfter, Throwable cause) {
    Duration delay = retryAfter(retryAfter);
    return ApplicationFailure.newFailureWithCauseAndDelay(
        what + " rate-limited: retrying in " + delay.toSeconds() + "s",
        "TollgateNotifyRateLimited",
        cause,
        delay);
  }

  /** The receiver refused the event for good: retrying only delays the log line that says so. */
  public static ApplicationFailure refused(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, "TollgateNotifyRefused");
  }

  /**
   * Seconds, as Slack and most servers send it; the HTTP-date form and garbage fall back to {@link
   * #DEFAULT_RETRY_AFTER}, and a zero or negative wait to one second (never a hot loop).
   */
  public static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) return DEFAULT_RETRY_AFTER;
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return DEFAULT_RETRY_AFTER;
    }
  }
}
