package dev.tollgate.policy;

/**
 * The worker's answer to an {@link ActionRequest}, recorded in the workflow's history (and, for a
 * guardian, its action log).
 *
 * @param via "claim", "mtls" or "specs-dir": how the name (or the spec) was known
 * @param note why it was refused, or what allowed it
 * @param policy the label of the policy that decided
 */
public record ActionVerdict(boolean allowed, String via, String note, String policy) {
  public static ActionVerdict allow(String via, String note, String policy) {
    return new ActionVerdict(true, via, note, policy);
  }

  public static ActionVerdict refuse(String via, String note, String policy) {
    return new ActionVerdict(false, via, note, policy);
  }
}
