package dev.tollgate.policy;

import dev.tollgate.actions.ActionRules;
import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.spec.PolicyParser;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The worker's policy activity for workflow tests: one policy for every model (the built-in {@code
 * default} unless a test sets another), the real {@link ActionRules} with the test's approval key,
 * and every authorisation kept, as the worker's audit log would.
 */
public final class FixedPolicies implements PolicyActivities {
  private volatile ApprovalPolicy policy = ApprovalPolicy.DEFAULT;
  private volatile DecisionSeal key;
  private final List<ActionRequest> asked = new CopyOnWriteArrayList<>();
  private final List<ActionVerdict> answered = new CopyOnWriteArrayList<>();

  /** From now on, {@code yaml} (a policy file's text, named {@code name}) is the policy. */
  public FixedPolicies use(String yaml, String name) {
    policy = PolicyParser.parse(yaml, name, "0123456789abcdef0123456789abcdef");
    return this;
  }

  /** The worker's approval key, to check sealed requests. */
  public FixedPolicies key(DecisionSeal seal) {
    key = seal;
    return this;
  }

  public ApprovalPolicy policy() {
    return policy;
  }

  @Override
  public ApprovalPolicy approvalPolicy(PolicyQuery query) {
    return policy;
  }

  @Override
  public ActionVerdict authorize(ActionRequest request) {
    ActionVerdict v = ActionRules.verdict(policy, request, key);
    asked.add(request);
    answered.add(v);
    return v;
  }

  /** Every authorisation asked, in order. */
  public List<ActionRequest> asked() {
    return List.copyOf(asked);
  }

  /** Every answer, in order. */
  public List<ActionVerdict> answered() {
    return List.copyOf(answered);
  }
}
