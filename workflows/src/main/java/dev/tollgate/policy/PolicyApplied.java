package dev.tollgate.policy;

import java.util.List;

/**
 * Which approval policy a run was held to, and what it raised in the run's spec: shown by {@code
 * tollgate status} and sent with the {@code FINISHED} event, so a reader of any run knows whose
 * rules approved it.
 *
 * @param name the policy file's name, or {@code default} (no policy folder on the worker)
 * @param digest SHA-256 of the policy file when the run started, {@code null} for {@code default}
 * @param raised what the policy raised, e.g. {@code min_approvals 1 -> 2}; empty when the spec
 *     already asked as much
 */
public record PolicyApplied(String name, String digest, List<String> raised) {
  public PolicyApplied {
    raised = raised == null ? List.of() : List.copyOf(raised);
  }

  /** "energy-load.yaml (sha256:1a2b3c4d5e6f)" or "default". */
  public String label() {
    return digest == null
        ? name
        : name + " (sha256:" + digest.substring(0, Math.min(12, digest.length())) + ")";
  }

  /** "energy-load.yaml (sha256:…); raised min_approvals 1 -> 2, require_identity". */
  public String describe() {
    return raised.isEmpty() ? label() : label() + "; raised " + String.join(", ", raised);
  }
}
