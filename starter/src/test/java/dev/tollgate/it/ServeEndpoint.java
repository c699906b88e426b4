package dev.tollgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP calls the tests make of a {@code tollgate serve} at a URL, wherever it runs: a process
 * on the host ({@link ServeProcess}) or a container on the host's network.
 */
final class ServeEndpoint {
  /** One row of the energy example's features (ItSpecs' quick spec), as a prediction's rows. */
  static final String ENERGY_ROW =
      "[{\"hour\": 9, \"day_of_week\": 2, \"temperature\": 18.5, \"humidity\": 55}]";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServeEndpoint(String url) {
    this.url = url;
  }

  String url() {
    return url;
  }

  /** GET {@code path} on the serving port: status and body. */
  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POST a prediction of {@code rows} (JSON) for {@code model}. */
  HttpResponse<String> predict(String model, String rows) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + "/v1/models/" + model + "/predict"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"rows\": " + rows + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The version a prediction is answered by, or -status when it is refused. */
  int answeringVersion(String model, String rows) {
    try {
      HttpResponse<String> r = predict(model, rows);
      return r.statusCode() == 200
          ? JSON.readTree(r.body()).path("version").asInt()
          : -r.statusCode();
    } catch (Exception e) {
      return Integer.MIN_VALUE;
    }
  }

  JsonNode json(String path) throws Exception {
    return JSON.readTree(get(path).body());
  }

  /**
   * The version of {@code model} that /ready reports loaded, or -1: what the poller loaded (serve's
   * requests, this one included, never look at a pointer themselves).
   */
  int loadedVersion(String model) {
    try {
      return json("/ready").path("models").path(model).path("version").asInt(-1);
    } catch (Exception e) {
      return -1;
    }
  }
}
