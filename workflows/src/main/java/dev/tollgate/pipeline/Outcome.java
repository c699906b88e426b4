package dev.tollgate.pipeline;

/** How a run ended. A failed gate is an outcome, not an exception. */
public enum Outcome {
  DEPLOYED,
  REJECTED_BY_VALIDATION,
  REJECTED_BY_APPROVER,
  APPROVAL_TIMED_OUT,
  ROLLED_BACK,
  FAILED
}
