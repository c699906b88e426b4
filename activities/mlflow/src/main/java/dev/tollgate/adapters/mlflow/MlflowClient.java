package dev.tollgate.adapters.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.outbound.ErrorText;
import dev.tollgate.activities.outbound.HttpAnswer;
import dev.tollgate.activities.outbound.HttpCall;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundRefused;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MLflow's REST API through {@link OutboundHttp} (the spec's URI is checked against the worker's
 * allow-list before any connection): JSON in and out for {@code /api/2.0/mlflow/...}, raw bytes for
 * the artifact proxy {@code /api/2.0/mlflow-artifacts/artifacts/...}. Every failure, an unreachable
 * server as much as an error answer, is an {@link MlflowException}, whose message quotes at most
 * {@value ErrorText#LIMIT} characters of what the server said; answers are read up to {@value
 * #ANSWER_BYTES} bytes. A refused URI is an {@link OutboundRefused}.
 */
final class MlflowClient {
  static final String KEY = "tracking.mlflow.uri";
  static final String API = "/api/2.0/mlflow/";
  static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";

  /** MLflow's answers here are one run, one model version or one experiment: small. */
  static final int ANSWER_BYTES = 4 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final OutboundHttp http;
  private final Duration timeout;

  MlflowClient(String uri, OutboundHttp http, Duration timeout) {
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
    URI uri = URI.create(base + API + method + (q.isEmpty() ? "" : "?" + q));
    return json(send(HttpCall.get(uri, timeout, ANSWER_BYTES), method));
  }

  JsonNode post(String method, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the request of " + method, e);
    }
    return json(
        send(
            HttpCall.send(
                "POST",
                URI.create(base + API + method),
                "application/json",
                bytes,
                timeout,
                ANSWER_BYTES),
            method));
  }

  /** Uploads one artifact through the server's artifact proxy ({@code --serve-artifacts}). */
  void put(String artifactPath, byte[] bytes) {
    send(
        HttpCall.send(
            "PUT",
            URI.create(base + ARTIFACTS + artifactPath),
            "application/octet-stream",
            bytes,
            timeout,
            ANSWER_BYTES),
        "upload " + artifactPath);
  }

  private String send(HttpCall call, String what) {
    HttpAnswer answer;
    try {
      answer = http.send(KEY, call);
    } catch (IOException e) {
      throw new MlflowException(
          0, null, what + ": " + base + " unreachable (" + ErrorText.excerpt(e.toString()) + ")");
    }
    if (answer.status() >= 300) {
      String code = null;
      String message = answer.text();
      if (!answer.truncated()) {
        try {
          JsonNode error = JSON.readTree(message);
          code = error.path("error_code").asText(null);
          message = error.path("message").asText(message);
        } catch (JsonProcessingException notJson) {
          // keep the body as it came
        }
      }
      throw new MlflowException(
          answer.status(),
          code,
          what
              + ": HTTP "
              + answer.status()
              + (code == null ? "" : " " + ErrorText.excerpt(code, 60))
              + ": "
              + ErrorText.excerpt(message));
    }
    if (answer.truncated()) {
      throw new MlflowException(
          answer.status(), null, what + ": an answer over " + ANSWER_BYTES + " bytes, not read");
    }
    return answer.text();
  }

  private static JsonNode json(String body) {
    try {
      return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MlflowException(
          200, null, "not a JSON answer: " + ErrorText.excerpt(e.getOriginalMessage()));
    }
  }
}
