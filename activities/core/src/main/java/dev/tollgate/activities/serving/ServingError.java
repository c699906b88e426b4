package dev.tollgate.activities.serving;

/** A request serving refuses: HTTP {@code status} (400 bad rows, 404 no such model or version). */
public final class ServingError extends RuntimeException {
  private final int status;

  public ServingError(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
