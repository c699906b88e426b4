package dev.tollgate.pipeline;

/**
 * An approver's decision: approve or reject, by whom, and why. As the CLI sends it ({@code --by}),
 * the name is a claim. The rest is set only by a worker that authenticated the person itself (an
 * mTLS client certificate's CN, a signed Slack request): the channel ({@code vouchedBy}), what the
 * worker was deciding on ({@code subject}), until when its word holds ({@code expiresAtMillis}),
 * and an HMAC of it all with the deployment's approval key ({@link DecisionSeal}).
 */
public record DecisionRequest(
    boolean approve,
    String by,
    String comment,
    String vouchedBy,
    String seal,
    DecisionSubject subject,
    Long expiresAtMillis) {

  /** A claimed decision (CLI, signal, Temporal UI). */
  public DecisionRequest(boolean approve, String by, String comment) {
    this(approve, by, comment, null, null, null, null);
  }

  /** How the decision arrived, for the audit trail: "update", or "update/mtls" when vouched. */
  String via(String transport) {
    return vouchedBy == null ? transport : transport + "/" + vouchedBy;
  }
}
