package dev.tollgate.pipeline;

import dev.tollgate.policy.Voucher;

/**
 * A person's request to cancel a run ({@code tollgate cancel}), through the {@code cancel} Update:
 * the worker authorises it by the model's approval policy (action {@code cancel}) before the run
 * stops.
 *
 * @param by who asks: a claim unless {@code voucher} vouches for it
 * @param reason why, for the audit trail, the registry and the {@code FINISHED} event
 * @param voucher a worker's seal on the name and this run ({@code --via URL --identity FILE}), or
 *     {@code null}
 */
public record CancelRequest(String by, String reason, Voucher voucher) {
  /** The longest reason taken: it goes into the registry, Slack and the history. */
  public static final int MAX_REASON = 500;

  /** A claimed name. */
  public CancelRequest(String by, String reason) {
    this(by, reason, null);
  }

  /**
   * What a seal on the request covers besides the action, model and name: the run, so a seal made
   * to cancel one run cannot cancel another. The CLI asks the worker to seal exactly this.
   */
  public static String detail(String workflowId) {
    return "run=" + workflowId;
  }

  /** Why the request cannot be taken as it is, or {@code null}: the Update's validator says it. */
  String shapeRefusal() {
    if (by == null || by.isBlank()) return "say who cancels: --by NAME";
    if (reason == null || reason.isBlank()) return "say why: --reason TEXT";
    if (reason.length() > MAX_REASON) {
      return "the reason has " + reason.length() + " characters; at most " + MAX_REASON;
    }
    return null;
  }
}
