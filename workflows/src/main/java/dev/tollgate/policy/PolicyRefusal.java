package dev.tollgate.policy;

/**
 * A spec that asks less than the worker's approval policy where the policy cannot simply raise it:
 * an approver the policy does not list, {@code on_timeout: approve} where no timeout may approve.
 * The message names the spec's file and key, what the policy allows, and the policy file.
 */
public final class PolicyRefusal extends RuntimeException {
  private final PolicyApplied policy;

  public PolicyRefusal(String source, String key, String problem, ApprovalPolicy policy) {
    super(source + ": " + key + ": " + problem + " (policy " + policy.label() + ")");
    this.policy = policy.applied(java.util.List.of());
  }

  /** The policy that refused. */
  public PolicyApplied policy() {
    return policy;
  }
}
