package dev.tollgate.adapters.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.tools.InstalledTool;
import dev.tollgate.activities.tools.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real MLflow tracking server for the tests: {@code mlflow server} (PyPI, installed by {@code
 * scripts/install-mlflow.sh} unless {@code MLFLOW_BIN} names one) with a SQLite backend and a local
 * artifact root served through its artifact proxy, on a free loopback port. The tests read back
 * through its REST API with their own plain HTTP calls, not through the bridge's client.
 */
final class MlflowServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerProcess process;
  private final String uri;
  private final HttpClient http = HttpClient.newHttpClient();

  private MlflowServer(ServerProcess process, String uri) {
    this.process = process;
    this.uri = uri;
  }

  static MlflowServer start(Path dir) throws IOException, InterruptedException {
    Path mlflow =
        InstalledTool.find("MLFLOW_BIN", "install-mlflow.sh", "the MLflow tests need mlflow");
    int port = ServerProcess.freePort();
    String uri = "http://127.0.0.1:" + port;
    long started = System.nanoTime();
    ServerProcess process =
        ServerProcess.start(
            "mlflow server",
            List.of(
                mlflow.toString(),
                "server",
                "--backend-store-uri",
                "sqlite:///" + dir.toAbsolutePath().resolve("mlflow.db"),
                "--artifacts-destination",
                dir.toAbsolutePath().resolve("artifacts").toString(),
                "--serve-artifacts",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--workers",
                "1"),
            Path.of("target", "mlflow-server.log").toAbsolutePath(),
            URI.create(uri + "/health"),
            STARTUP);
    System.out.printf(
        "mlflow server answered at %s after %d ms%n",
        uri, (System.nanoTime() - started) / 1_000_000);
    return new MlflowServer(process, uri);
  }

  String uri() {
    return uri;
  }

  /** GET {@code /api/2.0/mlflow/<method>?query}, answered 200, as JSON. */
  JsonNode get(String method, Map<String, String> query) throws IOException, InterruptedException {
    String q =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return JSON.readTree(fetch("/api/2.0/mlflow/" + method + "?" + q));
  }

  /** POST {@code /api/2.0/mlflow/<method>} with a JSON body, answered 200, as JSON. */
  JsonNode post(String method, Object body) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(uri + "/api/2.0/mlflow/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          method + ": HTTP " + answer.statusCode() + " " + answer.body());
    }
    return JSON.readTree(answer.body());
  }

  /** An artifact's bytes, downloaded through the artifact proxy. */
  byte[] artifact(String path) throws IOException, InterruptedException {
    return fetch("/api/2.0/mlflow-artifacts/artifacts/" + path).getBytes(StandardCharsets.UTF_8);
  }

  private String fetch(String path) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(uri + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(path + ": HTTP " + answer.statusCode() + " " + answer.body());
    }
    return answer.body();
  }

  @Override
  public void close() {
    process.close();
  }
}
