package dev.tollgate.activities.commits;

import java.time.Instant;
import java.util.Optional;

/**
 * The host did not take a status or a comment. The message names the host's address and the call
 * ({@code POST /repos/o/r/statuses/<sha>}) and at most a short excerpt of the host's own message;
 * never a token, never the body sent.
 */
public final class CommitStatusException extends Exception {
  public enum Kind {
    /** Down, unreachable, 5xx, or rate-limited: the same call may pass later. */
    OUTAGE,
    /** Refused for good (401, 403 without a rate limit, 404, 422): retrying changes nothing. */
    REJECTED
  }

  private final Kind kind;
  private final transient Instant retryAt;

  public CommitStatusException(Kind kind, String message, Instant retryAt, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAt = retryAt;
  }

  public CommitStatusException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public Kind kind() {
    return kind;
  }

  /** When a rate limit resets (the host said so): not before then. Empty: the host did not say. */
  public Optional<Instant> retryAt() {
    return Optional.ofNullable(retryAt);
  }
}
