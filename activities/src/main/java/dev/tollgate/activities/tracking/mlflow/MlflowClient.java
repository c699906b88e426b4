package dev.tollgate.activities.tracking.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MLflow's REST API over {@code java.net.http}: JSON in and out for {@code /api/2.0/mlflow/...},
 * raw bytes for the artifact proxy {@code /api/2.0/mlflow-artifacts/artifacts/...}. Every failure,
 * an unreachable server as much as an error answer, is an {@link MlflowException}.
 */
final class MlflowClient {
  static final String API = "/api/2.0/mlflow/";
  static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http;
  private final Duration timeout;

  MlflowClient(String uri, HttpClient http, Duration timeout) {
    this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    this.http = http;
    this.timeout = timeout;
  }

  String uri() {
    return base;
  }

  JsonNode get(String method, Map<String, String> query) {
    String q =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return json(send(request(API + method + (q.isEmpty() ? "" : "?" + q)).GET(), method));
  }

  JsonNode post(String method, Object body) {
    String text;
    try {
      text = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the request of " + method, e);
    }
    return json(
        send(
            request(API + method)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)),
            method));
  }

  /** Uploads one artifact through the server's artifact proxy ({@code --serve-artifacts}). */
  void put(String artifactPath, byte[] bytes) {
    send(
        request(ARTIFACTS + artifactPath)
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)),
        "upload " + artifactPath);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
  }

  private String send(HttpRequest.Builder request, String what) {
    HttpResponse<String> answer;
    try {
      answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new MlflowException(0, null, what + ": " + base + " unreachable (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlflowException(0, null, what + ": interrupted");
    }
    if (answer.statusCode() >= 300) {
      String code = null;
      String message = answer.body();
      try {
        JsonNode error = JSON.readTree(answer.body());
        code = error.path("error_code").asText(null);
        message = error.path("message").asText(message);
      } catch (JsonProcessingException notJson) {
        // keep the body as it came
      }
      throw new MlflowException(
          answer.statusCode(),
          code,
          what
              + ": HTTP "
              + answer.statusCode()
              + (code == null ? "" : " " + code)
              + ": "
              + message);
    }
    return answer.body();
  }

  private static JsonNode json(String body) {
    try {
      return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MlflowException(200, null, "not a JSON answer: " + e.getOriginalMessage());
    }
  }
}
