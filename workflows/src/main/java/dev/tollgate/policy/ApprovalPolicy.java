package dev.tollgate.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the worker's operator allows for one model (or every model, {@code "*"}), and optionally for
 * one environment's approval gate: who may approve, how many must, whether only verified identities
 * count, whether a timeout may approve, the shortest wait, and who may do the other production
 * actions. Read from a file of the worker's policy folder ({@code tollgate.approval-policy.dir}); a
 * spec may only tighten it (docs/security.md).
 *
 * @param name the file's name, or {@code default} for the built-in policy
 * @param digest SHA-256 of the file's bytes, {@code null} for the built-in policy
 * @param model a model name, or {@code "*"} for every model without a policy of its own
 * @param environment the environment whose approval gate this is for; {@code null} = every one
 * @param approvers who may approve; {@code null} = anyone the spec names (the built-in policy only)
 * @param minApprovals the fewest approvals a run needs; a spec asking fewer is raised to it
 * @param requireIdentity only decisions (and actions) a worker authenticated count
 * @param timeoutMayApprove whether {@code on_timeout: approve} is allowed
 * @param minTimeout the shortest approval wait; a shorter {@code approval.timeout} is raised to it;
 *     {@code null} = none
 * @param actions who may do what besides approving, by {@link PolicyAction#policyKey()}; a key
 *     absent = the approvers
 */
public record ApprovalPolicy(
    String name,
    String digest,
    String model,
    String environment,
    List<String> approvers,
    int minApprovals,
    boolean requireIdentity,
    boolean timeoutMayApprove,
    Duration minTimeout,
    Map<String, List<String>> actions) {

  /** The model (or environment) of a policy for every one. */
  public static final String ANY = "*";

  /**
   * A worker with no policy folder: forbids nothing a spec may say, and is recorded as {@code
   * default} on every run, so a reader of the run sees that no operator policy applied.
   */
  public static final ApprovalPolicy DEFAULT =
      new ApprovalPolicy("default", null, ANY, null, null, 1, false, true, null, Map.of());

  public ApprovalPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    approvers = approvers == null ? null : List.copyOf(approvers);
    actions = actions == null ? Map.of() : Map.copyOf(actions);
    if (minApprovals < 1) throw new IllegalArgumentException("min_approvals must be at least 1");
  }

  /** Who may do {@code action}: its own list, else the approvers; {@code null} = anyone. */
  public List<String> allowed(PolicyAction action) {
    List<String> own = actions.get(action.policyKey());
    return own != null ? own : approvers;
  }

  /** "energy-load.yaml (sha256:1a2b3c4d5e6f)", or "default". */
  public String label() {
    return applied(List.of()).label();
  }

  /** What a run records of it: which policy, and what it raised. */
  public PolicyApplied applied(List<String> raised) {
    return new PolicyApplied(name, digest, raised);
  }
}
