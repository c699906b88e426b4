package dev.tollgate.activities.notify;

import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.ApprovalDecided;
import dev.tollgate.stages.ApprovalEscalated;
import dev.tollgate.stages.ApprovalReminder;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RollbackFinished;
import dev.tollgate.stages.RunFinished;
import dev.tollgate.stages.RunStarted;

/**
 * The name an event has in a spec's {@code notify.on} list ({@link NotifySpec#EVENTS}). A finished
 * run is named by its outcome, so a team can ask for "deployed" and "failed" but not for every
 * rejection; a missing outcome is reported as "failed" rather than dropped.
 */
public final class EventNames {
  private EventNames() {}

  public static String of(PipelineEvent e) {
    return switch (e) {
      case RunStarted s -> "run_started";
      case ApprovalRequested a -> "approval_requested";
      case ApprovalReminder r -> "reminder";
      case ApprovalEscalated a -> "escalated";
      case ApprovalDecided d -> "decided";
      case RollbackFinished r -> "rolled_back";
      case RunFinished f -> ofOutcome(f.outcome());
    };
  }

  /** A missing outcome (an event read from a newer worker's JSON, say) is a failure. */
  public static String ofOutcome(Outcome outcome) {
    return switch (outcome == null ? Outcome.FAILED : outcome) {
      case DEPLOYED -> "deployed";
      case REJECTED_BY_VALIDATION -> "validation_failed";
      case ROLLED_BACK -> "rolled_back";
      case REJECTED_BY_APPROVER -> "rejected";
      case APPROVAL_TIMED_OUT -> "timed_out";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
      case VALIDATED -> "validated";
    };
  }
}
