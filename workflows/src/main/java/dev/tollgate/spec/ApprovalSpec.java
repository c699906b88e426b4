package dev.tollgate.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Who may approve a deployment, how many must, how long the pipeline waits, when it reminds them
 * and what happens if nobody decides in time.
 */
public record ApprovalSpec(
    List<String> approvers,
    int minApprovals,
    Duration timeout,
    List<Duration> reminders,
    TimeoutAction onTimeout) {

  /** What a run does when the approval wait times out. */
  public enum TimeoutAction {
    REJECT,
    APPROVE
  }

  public ApprovalSpec {
    approvers = List.copyOf(approvers);
    reminders = reminders.stream().sorted().toList();
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(onTimeout, "on_timeout");
    if (approvers.isEmpty()) {
      throw new IllegalArgumentException("approvers must name at least one person");
    }
    if (minApprovals < 1 || minApprovals > approvers.size()) {
      throw new IllegalArgumentException(
          "min_approvals must be between 1 and the number of approvers ("
              + approvers.size()
              + "), got "
              + minApprovals);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    for (Duration reminder : reminders) {
      if (reminder.isNegative() || reminder.isZero() || reminder.compareTo(timeout) >= 0) {
        throw new IllegalArgumentException(
            "reminders must be positive and shorter than the timeout, got " + reminder);
      }
    }
  }

  public boolean isApprover(String name) {
    return approvers.contains(name);
  }
}
