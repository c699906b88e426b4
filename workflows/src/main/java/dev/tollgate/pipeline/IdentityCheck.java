package dev.tollgate.pipeline;

/**
 * {@code approval.require_identity}: only decisions a worker vouched for ({@link DecisionSeal}) are
 * taken; a claimed name ({@code --by}, a signal, the Temporal UI) is refused, saying how to decide
 * instead. A vouched decision is checked whether or not the spec requires one, so the audit trail
 * never says "mtls" of a claim. Runs only in the Update validator, which is not replayed: a worker
 * with another (or no) key replays the run's accepted decisions unchanged.
 */
final class IdentityCheck {
  static final String HOW =
      "decide from Slack, or with `tollgate approve RUN --via https://WORKER:PORT --identity"
          + " you.p12` (the worker takes your name from the client certificate)";

  private final DecisionSeal seal;

  IdentityCheck(DecisionSeal seal) {
    this.seal = seal;
  }

  /** Why the decision is refused, or {@code null}. */
  String refusal(String workflowId, DecisionRequest d, boolean required) {
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
    if (!seal.verifies(workflowId, d)) {
      return "the decision's seal does not verify: no worker of this deployment vouched for "
          + d.by()
          + " through "
          + d.vouchedBy();
    }
    return null;
  }

  /** What a signal is told under {@code require_identity}: it carries no vouched identity. */
  static String signalRefusal() {
    return "approval.require_identity is set for this model: a signal carries no verified name; "
        + HOW;
  }
}
