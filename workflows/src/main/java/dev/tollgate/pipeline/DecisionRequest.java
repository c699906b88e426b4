package dev.tollgate.pipeline;

/**
 * An approver's decision: approve or reject, by whom, and why. As the CLI sends it ({@code --by}),
 * the name is a claim. {@code vouchedBy} and {@code seal} are set only by a worker that
 * authenticated the person itself (an mTLS client certificate's CN, a signed Slack request): the
 * channel, and an HMAC of the decision with the deployment's approval key ({@link DecisionSeal}).
 */
public record DecisionRequest(
    boolean approve, String by, String comment, String vouchedBy, String seal) {

  /** A claimed decision (CLI, signal, Temporal UI). */
  public DecisionRequest(boolean approve, String by, String comment) {
    this(approve, by, comment, null, null);
  }

  /** How the decision arrived, for the audit trail: "update", or "update/mtls" when vouched. */
  String via(String transport) {
    return vouchedBy == null ? transport : transport + "/" + vouchedBy;
  }
}
