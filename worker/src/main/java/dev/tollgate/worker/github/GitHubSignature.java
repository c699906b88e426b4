package dev.tollgate.worker.github;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's delivery signature, checked on the raw bytes before anything reads them: {@code
 * X-Hub-Signature-256: sha256=hex(HMAC-SHA256(webhook secret, body))} (docs.github.com, "Validating
 * webhook deliveries"), compared in constant time. The older {@code X-Hub-Signature} (SHA-1) is not
 * accepted. It carries no timestamp: a captured delivery can be replayed, which the delivery id's
 * workflow turns into a duplicate that starts nothing.
 */
final class GitHubSignature {
  static final String PREFIX = "sha256=";

  /** Why a delivery is not GitHub's, for the log (never for the caller). */
  enum Verdict {
    VALID,
    MISSING,
    NOT_SHA256,
    BAD_SIGNATURE
  }

  private final SecretKeySpec key;

  GitHubSignature(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  Verdict check(String header, byte[] body) {
    if (header == null || header.isBlank()) return Verdict.MISSING;
    String given = header.strip();
    if (!given.startsWith(PREFIX)) return Verdict.NOT_SHA256;
    byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))
        ? Verdict.VALID
        : Verdict.BAD_SIGNATURE;
  }

  /** The header GitHub sends with {@code body}. */
  String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
