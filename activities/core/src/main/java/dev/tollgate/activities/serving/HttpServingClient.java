package dev.tollgate.activities.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.outbound.ErrorText;
import dev.tollgate.activities.outbound.HttpAnswer;
import dev.tollgate.activities.outbound.HttpCall;
import dev.tollgate.activities.outbound.HttpExchange;
import dev.tollgate.activities.outbound.JdkHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link ServingClient} over HTTP: {@code GET /v1/models/{name}}, {@code POST
 * /v1/models/{name}/predict}, {@code GET /v1/health}, against {@code base} (the worker's own port
 * for local serving, a service URL for ECS). An answer other than 200 becomes a {@link
 * ServingError} with at most {@value ErrorText#LIMIT} characters of the server's message; answers
 * are read up to {@value #ANSWER_BYTES} bytes. How the calls go out is the {@link HttpExchange}'s:
 * for the spec's ECS URL, the worker's checked client ({@code EcsDeployer#servingClient}).
 */
public final class HttpServingClient implements ServingClient {
  /** A model's description, or the predictions for the smoke test's 20 rows: small. */
  static final int ANSWER_BYTES = 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Supplier<URI> base;
  private final HttpExchange http;

  /** The worker's own serving, at the address the worker knows for itself (not from a spec). */
  public HttpServingClient(Supplier<URI> base) {
    this(base, new JdkHttp(Duration.ofSeconds(5)));
  }

  public HttpServingClient(Supplier<URI> base, HttpExchange http) {
    this.base = base;
    this.http = http;
  }

  /**
   * One {@code GET /v1/models/{name}}: its {@code version} and {@code canary}, and its {@code
   * load_failure} (in a 200 while an older version serves, in a 503 while none does).
   */
  @Override
  public ServingStatus status(String model) {
    HttpAnswer answer = exchange(HttpCall.get(uri("/v1/models/" + model), TIMEOUT, ANSWER_BYTES));
    if (answer.status() == 503) {
      LoadFailure failed = loadFailure(parsed(answer));
      if (failed != null) return new ServingStatus(List.of(), failed);
    }
    JsonNode info = checked(answer);
    List<Integer> versions = new ArrayList<>();
    versions.add(info.path("version").asInt());
    // {"version": N} or {"version": N, "canary": null}: no canary; only an object names one
    if (info.path("canary").isObject()) versions.add(info.path("canary").path("version").asInt());
    return new ServingStatus(versions, loadFailure(info));
  }

  /** {@code load_failure} of a model's description; {@code null} when it names none. */
  private static LoadFailure loadFailure(JsonNode description) {
    JsonNode f = description == null ? null : description.path("load_failure");
    return f != null && f.isObject()
        ? new LoadFailure(f.path("version").asInt(), ErrorText.excerpt(f.path("error").asText()))
        : null;
  }

  /**
   * The serving API's own health ({@code /v1/health}: the process answers, whatever its Temporal
   * connection). An image from before it (404) is asked as it was then: its {@code
   * /actuator/health/serving} group, and before that group its whole {@code /actuator/health}.
   */
  @Override
  public boolean healthy() {
    return unhealthy() == null;
  }

  /** As {@link #healthy()}, saying where it asked and what it got ("GET /v1/health: ..."). */
  @Override
  public String unhealthy() {
    String asked = "/v1/health";
    try {
      int status = statusOf("/v1/health");
      if (status == 404) {
        asked = "/v1/health, then the older /actuator/health/serving and /actuator/health";
        status = statusOf("/actuator/health/serving");
        if (status == 404) status = statusOf("/actuator/health");
      }
      if (status == 200) return null;
      return notHealthy(asked, "answered " + status);
    } catch (IOException e) {
      return notHealthy(
          asked, ErrorText.excerpt(e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  private String notHealthy(String path, String what) {
    URI at = base.get();
    String where = at.getHost() + (at.getPort() == -1 ? "" : ":" + at.getPort());
    return "serving at "
        + where
        + " does not answer its health check (GET "
        + path
        + ": "
        + what
        + ")";
  }

  private int statusOf(String path) throws IOException {
    return http.send(HttpCall.get(uri(path), TIMEOUT, 0)).status();
  }

  @Override
  public ServingAnswer predict(String model, List<Map<String, Object>> rows, Integer version) {
    String path =
        "/v1/models/" + model + "/predict" + (version == null ? "" : "?version=" + version);
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(Map.of("rows", rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode a =
        send(HttpCall.send("POST", uri(path), "application/json", body, TIMEOUT, ANSWER_BYTES));
    List<Object> predictions = new ArrayList<>();
    a.path("predictions").forEach(p -> predictions.add(p.isNumber() ? p.asDouble() : p.asText()));
    List<Double> scores = null;
    if (a.hasNonNull("scores")) {
      scores = new ArrayList<>();
      for (JsonNode s : a.path("scores")) scores.add(s.asDouble());
    }
    return new ServingAnswer(
        a.path("model").asText(),
        a.path("version").asInt(),
        a.path("canary").asBoolean(),
        predictions,
        scores);
  }

  private URI uri(String path) {
    return base.get().resolve(path);
  }

  private JsonNode send(HttpCall call) {
    return checked(exchange(call));
  }

  private HttpAnswer exchange(HttpCall call) {
    try {
      return http.send(call);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "serving at "
              + base.get().getHost()
              + " did not answer: "
              + ErrorText.excerpt(e.toString()),
          e);
    }
  }

  /** The answer's JSON; or {@code null} when it is cut off, empty or not JSON. */
  private static JsonNode parsed(HttpAnswer answer) {
    if (answer.truncated() || answer.text().isBlank()) return null;
    try {
      return JSON.readTree(answer.body());
    } catch (IOException notJson) {
      return null;
    }
  }

  /** The JSON of a 200; a {@link ServingError} with the server's words for anything else. */
  private static JsonNode checked(HttpAnswer answer) {
    JsonNode body = parsed(answer);
    if (answer.status() != 200) {
      String said =
          body != null && body.hasNonNull("error") ? body.path("error").asText() : answer.text();
      throw new ServingError(answer.status(), ErrorText.excerpt(said));
    }
    if (answer.truncated()) {
      throw new ServingError(200, "an answer over " + ANSWER_BYTES + " bytes, not read");
    }
    if (body == null && !answer.text().isBlank()) {
      throw new ServingError(200, "not a JSON answer: " + ErrorText.excerpt(answer.text()));
    }
    return body == null ? JSON.createObjectNode() : body;
  }
}
