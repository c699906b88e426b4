package dev.tollgate.pipeline;

import java.util.List;

/**
 * The approval gate while it waits: who is asked, since when, until when, and the approvals so far
 * (several are needed when min_approvals > 1).
 */
public record ApprovalWait(
    List<String> askedOf,
    int needed,
    long sinceMillis,
    long deadlineMillis,
    List<DecisionRecord> decisions) {
  public ApprovalWait {
    askedOf = List.copyOf(askedOf);
    decisions = List.copyOf(decisions);
  }
}
