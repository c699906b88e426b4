package dev.tollgate.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A worker's word that it authenticated the approver: an HMAC-SHA256, with the deployment's
 * approval key ({@code TOLLGATE_APPROVAL_KEY}, shared by its workers and nobody else), over the
 * run's workflow ID, the decision, the name and the channel. Whoever can send an Update can claim
 * any name, but cannot seal it without the key; a seal made for one run does not verify on another.
 * Pure computation, so the {@code decide} validator may check it.
 */
public final class DecisionSeal {
  /** The least key length: HMAC-SHA256 keys shorter than its output weaken it. */
  public static final int MIN_KEY_BYTES = 32;

  private final byte[] key;

  private DecisionSeal(byte[] key) {
    this.key = key;
  }

  /** {@code null} without a key: such a worker can neither seal nor check a seal. */
  public static DecisionSeal withKey(byte[] key) {
    if (key == null) return null;
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the approval key must have at least "
              + MIN_KEY_BYTES
              + " bytes (base64 of 32 random bytes: openssl rand -base64 32), got "
              + key.length);
    }
    return new DecisionSeal(key.clone());
  }

  /** The decision {@code by} made through {@code channel}, vouched for by this worker. */
  public DecisionRequest vouch(
      String workflowId, boolean approve, String by, String comment, String channel) {
    return new DecisionRequest(
        approve, by, comment, channel, mac(workflowId, approve, by, comment, channel));
  }

  boolean verifies(String workflowId, DecisionRequest d) {
    if (d.seal() == null || d.vouchedBy() == null) return false;
    byte[] expected =
        mac(workflowId, d.approve(), d.by(), d.comment(), d.vouchedBy())
            .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, d.seal().getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(
      String workflowId, boolean approve, String by, String comment, String channel) {
    // Lengths before values: no two different decisions write the same text.
    StringBuilder text = new StringBuilder("tollgate-decision-v1");
    for (String part : new String[] {workflowId, Boolean.toString(approve), by, comment, channel}) {
      String p = part == null ? "" : part;
      text.append('\n').append(p.length()).append(':').append(p);
    }
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(hmac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
