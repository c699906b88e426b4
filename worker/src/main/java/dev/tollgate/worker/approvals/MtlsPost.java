package dev.tollgate.worker.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The caller's side of one route of the mTLS approval endpoint ({@link MtlsDecisionClient}, {@link
 * MtlsActionClient}): a JSON body POSTed with the person's client certificate. The identity file is
 * PKCS12 with the person's key and certificate and the authority that issued the worker's
 * certificate, so one file serves both ends of the handshake.
 */
final class MtlsPost {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The endpoint's answer: its status and JSON body ({@code null} when the body is not JSON: not a
   * Tollgate approval endpoint).
   */
  record Reply(int status, JsonNode body) {
    /** The endpoint's {@code error}, or "" when it said none. */
    String error() {
      return body == null ? "" : body.path("error").asText();
    }
  }

  private MtlsPost() {}

  /**
   * @throws IllegalArgumentException when the identity file cannot be read (naming it)
   * @throws IOException when the endpoint cannot be reached or refuses the handshake
   */
  static Reply send(URI endpoint, String route, Path identity, char[] password, Object body)
      throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(
                MtlsSettings.tls(
                    identity, password, "--identity", identity, password, "--identity"))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve(route))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      answer = null;
    }
    return new Reply(
        response.statusCode(), answer == null || answer.isMissingNode() ? null : answer);
  }
}
