package dev.tollgate.actions;

import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.policy.ActionRequest;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;

/**
 * The approval key's seal on an action ({@code rollback}, {@code alias}, the guardian's): an HMAC
 * over the action, the model, the action's details, the name, the channel and the expiry, in a
 * domain of its own so a decision's seal never passes for an action's. Made by a worker that
 * authenticated the person ({@code POST /actions/seal} on its approval endpoint), checked by the
 * {@code authorize} activity.
 */
public final class ActionSeal {
  private ActionSeal() {}

  public static Voucher vouch(
      DecisionSeal key,
      PolicyAction action,
      String model,
      String detail,
      String by,
      String channel,
      long expiresAtMillis) {
    Voucher unsealed = new Voucher(channel, expiresAtMillis, null);
    String seal = mac(key, new ActionRequest(action, model, by, detail, unsealed, 0));
    return new Voucher(channel, expiresAtMillis, seal);
  }

  /** Whether the request's voucher was made for exactly this action, model, details and name. */
  public static boolean verifies(DecisionSeal key, ActionRequest r) {
    Voucher v = r.voucher();
    if (v == null || v.seal() == null || v.channel() == null) return false;
    return DecisionSeal.same(mac(key, r), v.seal());
  }

  /**
   * Over what the request asks and its voucher's channel and expiry (not its seal, nor its time).
   */
  private static String mac(DecisionSeal key, ActionRequest r) {
    return key.mac(
        "tollgate-action-v1",
        r.action().name(),
        r.model(),
        r.detail(),
        r.by(),
        r.voucher().channel(),
        Long.toString(r.voucher().expiresAtMillis()));
  }
}
