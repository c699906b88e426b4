package dev.tollgate.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    TimeoutAction onTimeout,
    List<Escalation> escalate,
    // Left out of the JSON when false: the specs (and spec digests) of runs before it stay as they
    // were.
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean requireIdentity) {

  /** After {@code after} of waiting, {@code to} become approvers too and are told. */
  public record Escalation(Duration after, List<String> to) {
    public Escalation {
      Objects.requireNonNull(after, "after");
      to = List.copyOf(to);
    }
  }

  /** Without {@code require_identity}: decisions are taken as claimed (audited as given). */
  public ApprovalSpec(
      List<String> approvers,
      int minApprovals,
      Duration timeout,
      List<Duration> reminders,
      TimeoutAction onTimeout,
      List<Escalation> escalate) {
    this(approvers, minApprovals, timeout, reminders, onTimeout, escalate, false);
  }

  /** Without escalation: the shape before it. */
  public ApprovalSpec(
      List<String> approvers,
      int minApprovals,
      Duration timeout,
      List<Duration> reminders,
      TimeoutAction onTimeout) {
    this(approvers, minApprovals, timeout, reminders, onTimeout, null);
  }

  /** What a run does when the approval wait times out. */
  public enum TimeoutAction {
    REJECT,
    APPROVE
  }

  public ApprovalSpec {
    approvers = List.copyOf(approvers);
    reminders = reminders.stream().sorted().toList();
    escalate =
        escalate == null
            ? List.of()
            : escalate.stream().sorted(java.util.Comparator.comparing(Escalation::after)).toList();
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
            "reminders must be positive and shorter than the timeout, got "
                + Durations.format(reminder));
      }
    }
  }

  public boolean isApprover(String name) {
    return approvers.contains(name);
  }

  /** Everyone who may ever decide: the approvers and every escalation's. */
  public List<String> everyone() {
    List<String> all = new java.util.ArrayList<>(approvers);
    escalate.forEach(e -> e.to().stream().filter(n -> !all.contains(n)).forEach(all::add));
    return all;
  }
}
