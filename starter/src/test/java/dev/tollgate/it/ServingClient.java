package dev.tollgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worker's prediction API over HTTP, as a client calls it: {@code POST /v1/models/{name}/predict}
 * on the serving URL the worker printed in its ready line (its port is any free one).
 */
final class ServingClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern READY =
      Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+\\S*/v1/models)");

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ServingClient(String base) {
    this.base = base;
  }

  /** The serving URL of the worker's latest start, read from its log. */
  static ServingClient of(WorkerProcess worker) {
    Matcher m = READY.matcher(worker.logText());
    String last = null;
    while (m.find()) last = m.group(1);
    if (last == null)
      throw new IllegalStateException("no serving URL in the log. " + worker.tail());
    return new ServingClient(last.replaceAll("[,.]$", ""));
  }

  /**
   * The answer to {@code rows} (each a list of values, in {@code features}' order): the JSON with
   * {@code predictions} and {@code scores}.
   */
  JsonNode predict(String model, List<String> features, List<double[]> rows)
      throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode array = body.putArray("rows");
    for (double[] row : rows) {
      ObjectNode r = array.addObject();
      for (int j = 0; j < features.size(); j++) r.put(features.get(j), row[j]);
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/" + model + "/predict"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "POST "
              + base
              + "/"
              + model
              + "/predict: "
              + response.statusCode()
              + " "
              + response.body());
    }
    return JSON.readTree(response.body());
  }
}
