package dev.tollgate.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends deliveries to a worker's {@code POST /github/webhook} as GitHub does: the payload's exact
 * bytes, {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body under the secret>}
 * (computed here, independently of the worker's code), {@code X-GitHub-Event} and a fresh {@code
 * X-GitHub-Delivery} GUID unless a test redelivers one.
 */
final class GitHubSender {
  /** What the worker answered. */
  record Answer(int status, String body, String deliveryId) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI webhook;
  private final String secret;

  GitHubSender(int workerHttpPort, String secret) {
    this.webhook = URI.create("http://127.0.0.1:" + workerHttpPort + "/github/webhook");
    this.secret = secret;
  }

  /** A new delivery, signed with the webhook's secret. */
  Answer send(String event, String payload) {
    return send(event, payload, UUID.randomUUID().toString());
  }

  /** The same delivery id again: what GitHub's "Redeliver" button does. */
  Answer send(String event, String payload, String deliveryId) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    return send(event, body, deliveryId, sign(secret, body));
  }

  /** A delivery with whatever signature header the test wants (null: none). */
  Answer send(String event, byte[] body, String deliveryId, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(webhook)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("User-Agent", "GitHub-Hookshot/it")
            .header("X-GitHub-Event", event)
            .header("X-GitHub-Delivery", deliveryId)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) request.header("X-Hub-Signature-256", signature);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), deliveryId);
    } catch (IOException e) {
      // a 413 may be answered before the body is read and the connection closed under us
      return new Answer(-1, e.toString(), deliveryId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
}
