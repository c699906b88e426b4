package dev.tollgate.pipeline;

import java.time.Instant;

/**
 * {@code approval.require_identity}: only decisions a worker vouched for ({@link DecisionSeal}) are
 * taken; a claimed name ({@code --by}, a signal, the Temporal UI) is refused, saying how to decide
 * instead. A vouched decision is checked whether or not the spec requires one, so the audit trail
 * never says "mtls" of a claim: against the gate's own subject (this workflow, this Temporal run,
 * this candidate) and against workflow time for its expiry. Runs only in the Update validator,
 * which is not replayed: a worker with another (or no) key replays the run's accepted decisions
 * unchanged.
 */
final class IdentityCheck {
  static final String HOW =
      "decide from Slack, or with `tollgate approve RUN --via https://WORKER:PORT --identity"
          + " you.p12` (the worker takes your name from the client certificate)";

  private final DecisionSeal seal;

  IdentityCheck(DecisionSeal seal) {
    this.seal = seal;
  }

  /**
   * Why the decision is refused, or {@code null}.
   *
   * @param mine what the gate is deciding on
   * @param nowMillis workflow time
   */
  String refusal(DecisionSubject mine, DecisionRequest d, boolean required, long nowMillis) {
    if (d.vouchedBy() == null && d.seal() == null) {
      if (!required) return null;
      return "approval.require_identity is set for this model: a name given with the decision ('"
          + d.by()
          + "') is a claim; "
          + HOW;
    }
    if (seal == null) {
      return "this worker has no approval key (TOLLGATE_APPROVAL_KEY): it cannot check a vouched"
          + " decision";
    }
    String other = otherSubject(mine, d.subject());
    if (other != null) return "the decision's seal is for " + other + ": decide again";
    if (mine == null || !seal.verifies(mine, d)) {
      return "the decision's seal does not verify: no worker of this deployment vouched for "
          + d.by()
          + " through "
          + d.vouchedBy();
    }
    if (d.expiresAtMillis() < nowMillis) {
      return "the decision's seal expired at "
          + Instant.ofEpochMilli(d.expiresAtMillis())
          + " (workflow time "
          + Instant.ofEpochMilli(nowMillis)
          + "): decide again";
    }
    return null;
  }

  /** What the seal says it is about when that is not this gate's subject, else {@code null}. */
  private static String otherSubject(DecisionSubject mine, DecisionSubject said) {
    if (mine == null || said == null) return null;
    if (!mine.workflowId().equals(said.workflowId()))
      return "another run (" + said.workflowId() + ")";
    if (!mine.runId().equals(said.runId())) {
      return "another execution of " + mine.workflowId() + " (run id " + said.runId() + ")";
    }
    if (mine.modelVersion() != said.modelVersion()
        || !java.util.Objects.equals(mine.modelDigest(), said.modelDigest())) {
      return "another candidate (v" + said.modelVersion() + "), not v" + mine.modelVersion();
    }
    return null;
  }

  /** What a signal is told under {@code require_identity}: it carries no vouched identity. */
  static String signalRefusal() {
    return "approval.require_identity is set for this model: a signal carries no verified name; "
        + HOW;
  }
}
