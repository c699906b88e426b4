package dev.tollgate.it;

import com.fasterxml.jackson.databind.JsonNode;
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
  private static final Pattern ACTUATOR = Pattern.compile("actuator (http://127\\.0\\.0\\.1:\\d+)");

  private final String name;
  private final ServeEndpoint endpoint;
  private final BackgroundProcess process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServeProcess(String name, int port, BackgroundProcess process) {
    this.name = name;
    this.endpoint = new ServeEndpoint("http://127.0.0.1:" + port);
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
    return endpoint.url();
  }

  String tail() {
    return process.tail();
  }

  String logText() {
    return process.logText();
  }

  /** Its HTTP API. */
  ServeEndpoint endpoint() {
    return endpoint;
  }

  HttpResponse<String> get(String path) throws Exception {
    return endpoint.get(path);
  }

  int answeringVersion(String model, String rows) {
    return endpoint.answeringVersion(model, rows);
  }

  JsonNode json(String path) throws Exception {
    return endpoint.json(path);
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
