package dev.tollgate.activities.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link ServingClient} over HTTP: {@code GET /v1/models/{name}}, {@code POST
 * /v1/models/{name}/predict}, {@code GET /v1/health}, against {@code base} (the worker's own port
 * for local serving, a service URL for ECS). An answer other than 200 becomes a {@link
 * ServingError} with the server's message.
 */
public final class HttpServingClient implements ServingClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Supplier<URI> base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public HttpServingClient(Supplier<URI> base) {
    this.base = base;
  }

  /** A client of a fixed address (a service URL). */
  public static HttpServingClient of(URI base) {
    return new HttpServingClient(() -> base);
  }

  @Override
  public List<Integer> versions(String model) {
    JsonNode info = send(HttpRequest.newBuilder(uri("/v1/models/" + model)).GET());
    List<Integer> out = new ArrayList<>();
    out.add(info.path("version").asInt());
    if (info.hasNonNull("canary")) out.add(info.path("canary").path("version").asInt());
    return out;
  }

  /**
   * The serving API's own health ({@code /v1/health}: the process answers, whatever its Temporal
   * connection). An image from before it (404) is asked as it was then: its {@code
   * /actuator/health/serving} group, and before that group its whole {@code /actuator/health}.
   */
  @Override
  public boolean healthy() {
    try {
      int status = status("/v1/health");
      if (status == 404) status = status("/actuator/health/serving");
      if (status == 404) status = status("/actuator/health");
      return status == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private int status(String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Override
  public ServingAnswer predict(String model, List<Map<String, Object>> rows, Integer version) {
    String path =
        "/v1/models/" + model + "/predict" + (version == null ? "" : "?version=" + version);
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("rows", rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode a =
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
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

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new ServingError(response.statusCode(), body.path("error").asText(response.body()));
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "serving at " + base.get() + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
