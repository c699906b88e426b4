package dev.tollgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar tollgate.jar serve} as its own process on a home folder, on a given port (the
 * worker's smoke test must know it beforehand), its management port any free one; with the HTTP
 * calls the tests make of it.
 */
final class ServeProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ACTUATOR = Pattern.compile("actuator (http://127\\.0\\.0\\.1:\\d+)");

  private final String name;
  private final int port;
  private final BackgroundProcess process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServeProcess(String name, int port, BackgroundProcess process) {
    this.name = name;
    this.port = port;
    this.process = process;
  }

  /** Starts {@code serve --home home --port port extra...} and waits for its ready line. */
  static ServeProcess start(String name, Path home, int port, String... extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ItSettings.javaBin().toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-jar",
                ItSettings.tollgateJar().toString(),
                "serve",
                "--home",
                home.toString(),
                "--port",
                Integer.toString(port),
                "--management-port",
                "0"));
    command.addAll(List.of(extra));
    // A fresh log: its ready line and actuator URL are read from it, not from an earlier run's
    Path log = ItSettings.logDir().resolve("serve-" + name + ".log");
    try {
      java.nio.file.Files.deleteIfExists(log);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    BackgroundProcess process = BackgroundProcess.start("serve-" + name, command, Map.of(), log);
    process.awaitLog("Tollgate serve ready", Duration.ofSeconds(90));
    return new ServeProcess(name, port, process);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  String tail() {
    return process.tail();
  }

  String logText() {
    return process.logText();
  }

  /** GET {@code path} on the serving port: status and body. */
  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POST a prediction of {@code rows} (JSON) for {@code model}. */
  HttpResponse<String> predict(String model, String rows) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url() + "/v1/models/" + model + "/predict"))
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

  /** Its Prometheus scrape, from the management port its ready line names. */
  String scrape() throws Exception {
    Matcher m = ACTUATOR.matcher(process.logText());
    if (!m.find()) throw new IllegalStateException("no actuator URL in " + name + "'s log");
    return http.send(
            HttpRequest.newBuilder(URI.create(m.group(1) + "/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(20));
  }
}
