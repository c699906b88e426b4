package dev.tollgate.stages;

/** How a run ended. A failed gate is an outcome, not an exception. */
public enum Outcome {
  DEPLOYED,
  REJECTED_BY_VALIDATION,
  REJECTED_BY_APPROVER,
  APPROVAL_TIMED_OUT,
  ROLLED_BACK,
  FAILED,
  /**
   * stopped by {@code tollgate cancel} or a cancel sent to Temporal, before its outcome: what it
   * had deployed is taken back and its candidate archived (ADR 0010)
   */
  CANCELLED,
  /**
   * a pull request's check run ({@code Trigger.PULL_REQUEST}) passed validation against Production:
   * the candidate stays registered in stage none with reason {@code pull_request}; nothing is
   * deployed or promoted (a check run that fails validation is {@link #REJECTED_BY_VALIDATION})
   */
  VALIDATED
}
