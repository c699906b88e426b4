package dev.tollgate.pipeline;

import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;

/** Turns an activity failure into one line for the result and the notification. */
public final class Failures {
  private Failures() {}

  /** "train: TollgateInvalidData: load.csv row 17, column temperature: 'abc' is not a number". */
  static String describe(ActivityFailure e) {
    return e.getActivityType() + ": " + causeText(e, true);
  }

  /** Only what the activity said: "energy has no version 9 (registered: [1, 2])". */
  public static String message(ActivityFailure e) {
    return causeText(e, false);
  }

  private static String causeText(ActivityFailure e, boolean withType) {
    Throwable cause = e.getCause();
    while (cause instanceof TemporalFailure
        && cause.getCause() != null
        && !(cause instanceof ApplicationFailure)) {
      cause = cause.getCause();
    }
    if (cause instanceof TimeoutFailure t
        && t.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) {
      // Only a routed training has this timeout (TrainingRoute): nobody polled its queue.
      return "no worker took it within "
          + TrainingRoute.WAIT_FOR_WORKER.toHours()
          + "h: is a worker polling the spec's training.task_queue (tollgate worker --queues"
          + " NAME)?";
    }
    if (cause instanceof ApplicationFailure app) {
      return (withType ? app.getType() + ": " : "") + app.getOriginalMessage();
    }
    if (cause instanceof TemporalFailure tf) {
      return tf.getOriginalMessage();
    }
    return cause == null ? e.getMessage() : cause.getMessage();
  }
}
