package dev.tollgate.activities.train.ray;

/**
 * A call to the Ray Jobs API that did not succeed. The message names the address and what was
 * asked, never the response body raw.
 */
public final class RayException extends Exception {

  /** What went wrong, for the runner's decision to retry. */
  public enum Kind {
    /** No answer, a refused connection, a timeout or a 5xx: an outage, retried. */
    UNREACHABLE,
    /** The cluster answered and refused the request (4xx, or a 500 naming a bad request). */
    REJECTED
  }

  private final Kind kind;

  public RayException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public RayException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
