package dev.tollgate.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A worker's word that it authenticated the approver: an HMAC-SHA256, with the deployment's
 * approval key ({@code TOLLGATE_APPROVAL_KEY}, shared by its workers and nobody else), over what
 * the decision is about ({@link DecisionSubject}: workflow ID, Temporal run ID, candidate version
 * and model digest), the decision, the name, the channel and an expiry. Whoever can send an Update
 * can claim any name, but cannot seal it without the key; a seal made for one run, version or
 * person does not verify on another, and it lapses at its expiry (checked against workflow time).
 * Pure computation, so the {@code decide} validator may check it.
 */
public final class DecisionSeal {
  /** The least key length: HMAC-SHA256 keys shorter than its output weaken it. */
  public static final int MIN_KEY_BYTES = 32;

  /**
   * How long a seal the worker makes holds: it makes one just before it sends the decision, so a
   * few minutes cover clock skew between workers and the server, and no more.
   */
  public static final Duration VALIDITY = Duration.ofMinutes(2);

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

  /** The decision {@code by} made through {@code channel} on {@code subject}, vouched for. */
  public DecisionRequest vouch(
      DecisionSubject subject,
      boolean approve,
      String by,
      String comment,
      String channel,
      long expiresAtMillis) {
    return new DecisionRequest(
        approve,
        by,
        comment,
        channel,
        decisionMac(subject, approve, by, comment, channel, expiresAtMillis),
        subject,
        expiresAtMillis);
  }

  /** Whether {@code d}'s seal was made for {@code mine} (the gate's own subject), as it reads. */
  boolean verifies(DecisionSubject mine, DecisionRequest d) {
    if (d.seal() == null || d.vouchedBy() == null || d.expiresAtMillis() == null) return false;
    return same(
        decisionMac(mine, d.approve(), d.by(), d.comment(), d.vouchedBy(), d.expiresAtMillis()),
        d.seal());
  }

  private String decisionMac(
      DecisionSubject s,
      boolean approve,
      String by,
      String comment,
      String channel,
      long expiresAtMillis) {
    return mac(
        "tollgate-decision-v2",
        s.workflowId(),
        s.runId(),
        Integer.toString(s.modelVersion()),
        s.modelDigest(),
        Boolean.toString(approve),
        by,
        comment,
        channel,
        Long.toString(expiresAtMillis));
  }

  /**
   * HMAC-SHA256 (hex) over {@code domain} and {@code parts}, each written with its length first so
   * no two different lists read alike. The domain keeps a decision's seal from passing for an
   * action's ({@code ActionSeal}).
   */
  public String mac(String domain, String... parts) {
    StringBuilder text = new StringBuilder(domain);
    for (String part : parts) {
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

  /** Constant-time comparison of a computed seal with a presented one. */
  public static boolean same(String expected, String presented) {
    if (presented == null) return false;
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.US_ASCII));
  }
}
