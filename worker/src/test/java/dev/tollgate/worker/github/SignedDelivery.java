package dev.tollgate.worker.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A delivery as GitHub makes one: the payload's exact bytes, {@code X-Hub-Signature-256} the
 * HMAC-SHA256 of those bytes under the webhook's secret (computed here independently of the code
 * under test), a fresh {@code X-GitHub-Delivery} GUID.
 */
record SignedDelivery(String event, String deliveryId, String signature, byte[] body) {
  static final String SECRET = "webhook-secret-for-tests";

  static SignedDelivery of(String event, byte[] body) {
    return new SignedDelivery(event, UUID.randomUUID().toString(), sign(SECRET, body), body);
  }

  static SignedDelivery of(String event, String json) {
    return of(event, json.getBytes(StandardCharsets.UTF_8));
  }

  /** A fixture under {@code github/} (push.json, pull_request.json), with {@code from → to}. */
  static byte[] fixture(String name, String... replacements) {
    try (InputStream in = SignedDelivery.class.getResourceAsStream("/github/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (int i = 0; i < replacements.length; i += 2) {
        text = text.replace(replacements[i], replacements[i + 1]);
      }
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  SignedDelivery withSignature(String other) {
    return new SignedDelivery(event, deliveryId, other, body);
  }

  SignedDelivery withDeliveryId(String other) {
    return new SignedDelivery(event, other, signature, body);
  }
}
