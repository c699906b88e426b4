package dev.tollgate.activities.notify;

import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PipelineEvent;

/**
 * The name an event has in a spec's {@code notify.on} list ({@link NotifySpec#EVENTS}). A finished
 * run is named by its outcome, so a team can ask for "deployed" and "failed" but not for every
 * rejection; an outcome this class does not know is reported as "failed" rather than dropped.
 */
public final class EventNames {
  private EventNames() {}

  public static String of(PipelineEvent e) {
    return switch (e.kind()) {
      case RUN_STARTED -> "run_started";
      case APPROVAL_REQUESTED -> "approval_requested";
      case APPROVAL_REMINDER -> "reminder";
      case APPROVAL_ESCALATED -> "escalated";
      case DECIDED -> "decided";
      case ROLLED_BACK -> "rolled_back";
      case FINISHED -> ofOutcome(e.fields().get("outcome"));
    };
  }

  /** The event carries the outcome's enum name; a missing or unknown one is a failure. */
  private static String ofOutcome(String outcome) {
    Outcome o;
    try {
      o = outcome == null ? Outcome.FAILED : Outcome.valueOf(outcome);
    } catch (IllegalArgumentException e) {
      o = Outcome.FAILED;
    }
    return switch (o) {
      case DEPLOYED -> "deployed";
      case REJECTED_BY_VALIDATION -> "validation_failed";
      case ROLLED_BACK -> "rolled_back";
      case REJECTED_BY_APPROVER -> "rejected";
      case APPROVAL_TIMED_OUT -> "timed_out";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
    };
  }
}
