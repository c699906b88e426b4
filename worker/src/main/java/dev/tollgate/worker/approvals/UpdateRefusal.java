package dev.tollgate.worker.approvals;

import io.temporal.failure.ApplicationFailure;

/** The {@code decide} validator's own words, out of the exception the client gets. */
public final class UpdateRefusal {
  private UpdateRefusal() {}

  /**
   * The validator throws IllegalArgumentException, which reaches the client as an
   * ApplicationFailure whose {@code getMessage()} adds type and retry flags nobody needs to read.
   */
  public static String of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure f && f.getOriginalMessage() != null) {
        return f.getOriginalMessage();
      }
      if (t instanceof IllegalArgumentException) return t.getMessage();
    }
    return "the run did not take the decision (" + e.getClass().getSimpleName() + ")";
  }
}
