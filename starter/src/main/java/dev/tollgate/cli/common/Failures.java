package dev.tollgate.cli.common;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** Reads the human part of a Temporal failure chain: the innermost message that says something. */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable e) {
    String message = null;
    for (Throwable c = e; c != null; c = c.getCause()) {
      String m =
          c instanceof ApplicationFailure a
              ? a.getOriginalMessage()
              : c instanceof TemporalFailure t ? t.getOriginalMessage() : c.getMessage();
      if (m != null && !m.isBlank()) message = m;
      if (c == c.getCause()) break;
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
