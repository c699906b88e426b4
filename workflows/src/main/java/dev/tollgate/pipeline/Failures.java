package dev.tollgate.pipeline;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** Turns an activity failure into one line for the result and the notification. */
final class Failures {
  private Failures() {}

  /** "train: TollgateInvalidData: load.csv row 17, column temperature: 'abc' is not a number". */
  static String describe(ActivityFailure e) {
    String stage = e.getActivityType();
    Throwable cause = e.getCause();
    while (cause instanceof TemporalFailure
        && cause.getCause() != null
        && !(cause instanceof ApplicationFailure)) {
      cause = cause.getCause();
    }
    if (cause instanceof ApplicationFailure app) {
      return stage + ": " + app.getType() + ": " + app.getOriginalMessage();
    }
    if (cause instanceof TemporalFailure tf) {
      return stage + ": " + tf.getOriginalMessage();
    }
    return stage + ": " + (cause == null ? e.getMessage() : cause.getMessage());
  }
}
