package dev.tollgate.worker.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The caller's side of {@code POST /actions/seal} ({@link ActionSealServlet}): asks a worker, with
 * the person's client certificate, to vouch for an action ({@code tollgate rollback --via URL
 * --identity you.p12}). The answer is the name the certificate proved and the seal to send with the
 * action through Temporal.
 */
public final class MtlsActionClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The name the worker verified, and its seal on the action. */
  public record Sealed(String by, Voucher voucher) {}

  private MtlsActionClient() {}

  /**
   * @throws IllegalArgumentException when the identity file cannot be read (naming it), or the
   *     worker refuses (its reason and HTTP status)
   * @throws IOException when the endpoint cannot be reached or refuses the handshake
   */
  public static Sealed seal(
      URI endpoint,
      Path identity,
      char[] password,
      PolicyAction action,
      String model,
      String detail)
      throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(
                MtlsSettings.tls(
                    identity, password, "--identity", identity, password, "--identity"))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    Map<String, String> body = Map.of("action", action.value(), "model", model, "detail", detail);
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/actions/seal"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalArgumentException(endpoint + " is not a Tollgate approval endpoint");
    }
    if (response.statusCode() != 200 || answer == null) {
      String error = answer == null ? "" : answer.path("error").asText();
      throw new IllegalArgumentException(error + " (HTTP " + response.statusCode() + ")");
    }
    return new Sealed(
        answer.path("by").asText(),
        new Voucher(
            answer.path("channel").asText(),
            answer.path("expires_at").asLong(),
            answer.path("seal").asText()));
  }
}
