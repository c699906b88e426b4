package dev.tollgate.worker.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, checked on the raw bytes before anything parses them: {@code
 * X-Slack-Signature: v0=hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body))}, compared
 * in constant time, with {@code X-Slack-Request-Timestamp} within five minutes of the worker's
 * clock on either side (Bolt's own check refuses only the old side, so a request stamped in the
 * future would stay replayable until that future had passed).
 */
final class SlackSignature {
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** Why a request is not Slack's, for the log (never for the caller). */
  enum Verdict {
    VALID,
    MISSING_HEADERS,
    BAD_TIMESTAMP,
    STALE,
    FROM_THE_FUTURE,
    BAD_SIGNATURE
  }

  private final SecretKeySpec key;
  private final Clock clock;

  SlackSignature(String signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  Verdict check(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) return Verdict.MISSING_HEADERS;
    long ts;
    try {
      ts = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Verdict.BAD_TIMESTAMP;
    }
    long now = clock.instant().getEpochSecond();
    if (ts < now - WINDOW.toSeconds()) return Verdict.STALE;
    if (ts > now + WINDOW.toSeconds()) return Verdict.FROM_THE_FUTURE;
    byte[] expected =
        ("v0=" + HexFormat.of().formatHex(mac(timestamp.strip(), body)))
            .getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
  }

  private byte[] mac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
