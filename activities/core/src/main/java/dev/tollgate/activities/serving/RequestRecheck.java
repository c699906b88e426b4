package dev.tollgate.activities.serving;

import java.time.Duration;

/**
 * Whether a request to {@link ModelServing} looks at a model's serving pointer again, and how
 * often. The worker's in-process serving has no poller: its requests look again at most every
 * {@link #DEFAULT} (and at once after its own deploy's {@link ModelServing#refresh}), and a version
 * that failed to load is tried again as often. {@code tollgate serve} has a {@link ServingPoller}
 * and rechecks {@link #never()} on a request: its requests answer with what the last poll loaded,
 * so following a deploy, and trying a failed load again, are the poller's job alone.
 *
 * @param nanos how long a look at a pointer stands on the request path; negative = for ever
 */
public record RequestRecheck(long nanos) {
  /** The worker's: a request looks at a pointer again at most every 250 ms. */
  public static final RequestRecheck DEFAULT = every(Duration.ofMillis(250));

  /** Requests look at a pointer again when the last look is {@code interval} old. */
  public static RequestRecheck every(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("a recheck interval cannot be negative: " + interval);
    }
    return new RequestRecheck(interval.toNanos());
  }

  /** Requests never look at a pointer a poll has looked at: a {@link ServingPoller} does. */
  public static RequestRecheck never() {
    return new RequestRecheck(-1);
  }

  /** Whether requests look at pointers at all once a poll has. */
  public boolean onRequests() {
    return nanos >= 0;
  }

  /** Whether a look at {@code lookedAt} ({@link System#nanoTime}) still stands for a request. */
  boolean stands(long lookedAt) {
    return !onRequests() || System.nanoTime() - lookedAt < nanos;
  }
}
