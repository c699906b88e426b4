package dev.tollgate.guardian;

import dev.tollgate.policy.Voucher;

/**
 * {@code tollgate schedule trigger MODEL --by NAME --reason TEXT}.
 *
 * @param voucher a worker's seal on the name ({@code --via URL --identity FILE}), or {@code null}
 */
public record TriggerRequest(String by, String reason, Voucher voucher) {
  /** A claimed name. */
  public TriggerRequest(String by, String reason) {
    this(by, reason, null);
  }

  /** What a seal on it covers besides the action, model and name: the reason. */
  public String detail() {
    return reason == null ? "" : reason;
  }
}
