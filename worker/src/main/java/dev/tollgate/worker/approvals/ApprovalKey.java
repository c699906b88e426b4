package dev.tollgate.worker.approvals;

import dev.tollgate.pipeline.DecisionSeal;
import java.util.Base64;

/**
 * The deployment's approval key ({@code tollgate.approval.key}, env TOLLGATE_APPROVAL_KEY, base64
 * of at least 32 random bytes), shared by its workers and nobody else: with it a worker seals the
 * decisions it authenticated itself (Slack's signed requests, the mTLS endpoint) and checks the
 * seals in the {@code decide} validator. Without it there are no vouched decisions, and a spec with
 * {@code approval.require_identity} can only be decided by nobody (the refusal says why).
 */
public record ApprovalKey(DecisionSeal seal) {
  public static final ApprovalKey NONE = new ApprovalKey(null);

  /**
   * @throws IllegalArgumentException naming the setting, when it is not base64 or too short
   */
  public static ApprovalKey parse(String base64) {
    if (base64 == null || base64.isBlank()) return NONE;
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tollgate.approval.key (TOLLGATE_APPROVAL_KEY) is not base64: " + e.getMessage(), e);
    }
    try {
      return new ApprovalKey(DecisionSeal.withKey(key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tollgate.approval.key (TOLLGATE_APPROVAL_KEY): " + e.getMessage(), e);
    }
  }

  public boolean present() {
    return seal != null;
  }

  /** Never the key. */
  @Override
  public String toString() {
    return present() ? "ApprovalKey[set]" : "ApprovalKey[none]";
  }
}
