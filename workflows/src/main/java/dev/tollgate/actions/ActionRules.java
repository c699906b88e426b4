package dev.tollgate.actions;

import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.policy.ActionRequest;
import dev.tollgate.policy.ActionVerdict;
import dev.tollgate.policy.ApprovalPolicy;
import dev.tollgate.policy.PolicyAction;
import java.time.Instant;
import java.util.List;

/**
 * Whether a person may do a production action on a model, by the model's policy: the name must be
 * on the action's list, and where the policy requires identity (and always for a guardian's new
 * spec) a worker must have vouched for it with a seal that verifies and has not expired. A vouched
 * request is checked even where the policy does not require one, so the record never says "mtls" of
 * a claim. Pure; the {@code authorize} activity runs it with the worker's key.
 */
public final class ActionRules {
  static final String HOW =
      "use the same command with --via https://WORKER:PORT --identity you.p12 (the worker takes your"
          + " name from the client certificate)";

  private ActionRules() {}

  public static ActionVerdict verdict(ApprovalPolicy policy, ActionRequest r, DecisionSeal key) {
    String label = policy.label();
    String via = r.via();
    if (r.by() == null || r.by().isBlank()) {
      return ActionVerdict.refuse(via, "say who asks: --by NAME", label);
    }
    List<String> allowed = policy.allowed(r.action());
    if (allowed != null && !allowed.contains(r.by())) {
      return ActionVerdict.refuse(
          via,
          "'"
              + r.by()
              + "' may not "
              + r.action().verb()
              + " "
              + r.model()
              + "; the approval policy "
              + label
              + " allows "
              + (allowed.isEmpty() ? "nobody" : String.join(", ", allowed)),
          label);
    }
    boolean spec = r.action() == PolicyAction.SPEC_CHANGE;
    if (r.voucher() == null) {
      if (spec) {
        return ActionVerdict.refuse(
            via,
            "a running guardian takes a new spec only from the worker's specs folder"
                + " (tollgate.guardian.specs-dir) or sealed by a worker: "
                + HOW,
            label);
      }
      if (policy.requireIdentity()) {
        return ActionVerdict.refuse(
            via,
            "the approval policy "
                + label
                + " requires a verified identity for "
                + r.model()
                + ": '"
                + r.by()
                + "' is a claim; "
                + HOW,
            label);
      }
      return ActionVerdict.allow(via, "allowed by " + label, label);
    }
    if (key == null) {
      return ActionVerdict.refuse(
          via,
          "this worker has no approval key (TOLLGATE_APPROVAL_KEY): it cannot check a sealed"
              + " request",
          label);
    }
    if (!ActionSeal.verifies(key, r)) {
      return ActionVerdict.refuse(
          via,
          "the request's seal does not verify: no worker of this deployment vouched for '"
              + r.by()
              + "' to "
              + r.action().verb()
              + " "
              + r.model()
              + " ("
              + r.detail()
              + ")",
          label);
    }
    if (r.voucher().expiresAtMillis() < r.atMillis()) {
      return ActionVerdict.refuse(
          via,
          "the request's seal expired at "
              + Instant.ofEpochMilli(r.voucher().expiresAtMillis())
              + "; ask again",
          label);
    }
    return ActionVerdict.allow(via, "allowed by " + label + ", identity vouched for", label);
  }
}
