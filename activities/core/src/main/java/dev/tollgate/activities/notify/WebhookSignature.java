package dev.tollgate.activities.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header of a webhook delivery, so a receiver can tell Tollgate's POSTs from
 * anyone else's and refuse old ones replayed: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the
 * HMAC keyed with the worker's webhook secret ({@code TOLLGATE_WEBHOOK_SECRET}, its UTF-8 bytes)
 * over the bytes of {@code <t>.<body>}, the body exactly as sent. Without a secret no header is
 * sent. docs/notifications.md shows how a receiver verifies it.
 */
public final class WebhookSignature {
  public static final String HEADER = "X-Tollgate-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private WebhookSignature(SecretKeySpec key) {
    this.key = key;
  }

  /** Unsigned deliveries. */
  public static WebhookSignature none() {
    return new WebhookSignature(null);
  }

  /**
   * @param secret the shared secret; blank or {@code null}: unsigned
   */
  public static WebhookSignature withSecret(String secret) {
    return secret == null || secret.isBlank()
        ? none()
        : new WebhookSignature(
            new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
  }

  public boolean signs() {
    return key != null;
  }

  /** The header's value for {@code body} sent at {@code epochSeconds}, or {@code null} unsigned. */
  public String header(long epochSeconds, byte[] body) {
    if (key == null) return null;
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      mac.update(body);
      return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return key == null ? "WebhookSignature[none]" : "WebhookSignature[HMAC-SHA256, key ***]";
  }
}
