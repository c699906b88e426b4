package dev.tollgate.worker.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.pipeline.DecisionRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller's side of {@link MtlsApprovalEndpoint}: sends a decision with the person's client
 * certificate ({@code tollgate approve --via URL --identity you.p12}). The identity file is PKCS12
 * with the person's key and certificate and the authority that issued the worker's certificate, so
 * one file serves both ends of the handshake.
 */
public final class MtlsDecisionClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The endpoint's answer: the decision as recorded (200), or its error and status. */
  public record Answer(int status, DecisionRecord recorded, String error) {}

  private MtlsDecisionClient() {}

  /**
   * @throws IllegalArgumentException when the identity file cannot be read (naming it)
   * @throws IOException when the endpoint cannot be reached or refuses the handshake
   */
  public static Answer send(
      URI endpoint,
      Path identity,
      char[] password,
      String workflowId,
      boolean approve,
      String comment)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workflow_id", workflowId);
    body.put("approve", approve);
    if (comment != null) body.put("comment", comment);
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(
                MtlsSettings.tls(
                    identity, password, "--identity", identity, password, "--identity"))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/decisions"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      return new Answer(response.statusCode(), null, "not a Tollgate approval endpoint");
    }
    if (response.statusCode() == 200) {
      return new Answer(200, JSON.treeToValue(answer, DecisionRecord.class), null);
    }
    return new Answer(
        response.statusCode(), null, answer == null ? "" : answer.path("error").asText());
  }
}
