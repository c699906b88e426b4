package dev.tollgate.pipeline;

import java.util.List;

/**
 * The approval gate while it waits: who is asked, since when, until when, and the approvals so far
 * (several are needed when min_approvals > 1).
 *
 * @param needed approvals needed, after the worker's approval policy raised the spec's
 * @param subject what is being decided (this execution, the candidate version and digest): what a
 *     worker that vouches for a decision seals ({@link DecisionSeal}); {@code null} in answers of
 *     workers from before it
 */
public record ApprovalWait(
    List<String> askedOf,
    int needed,
    long sinceMillis,
    long deadlineMillis,
    List<DecisionRecord> decisions,
    DecisionSubject subject) {
  public ApprovalWait {
    askedOf = List.copyOf(askedOf);
    decisions = List.copyOf(decisions);
  }
}
