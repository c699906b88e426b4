package dev.tollgate.worker.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.wiring.StageActivities;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * What a prediction request may cost the worker (issue 21, items 4 and 7): the model's name is
 * checked before the body is read, the body is JSON only and bounded in bytes and rows, its values
 * in depth, and the metrics' model label takes no name a request made up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServingRequestLimitsTest {
  private static final Path HOME = home();
  // datasets live beside the home, never in it (the worker does not read its own folder as data)
  private static final Path DATA = HOME.resolveSibling(HOME.getFileName() + "-data");
  private static final int MAX_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("tollgate.home", HOME::toString);
    registry.add("tollgate.data-access.roots", DATA::toString);
    registry.add("tollgate.temporal.address", () -> "");
    registry.add("tollgate.temporal.embedded-port", () -> "0");
    registry.add("tollgate.serving.limits.max-request-bytes", () -> MAX_BYTES + "B");
    registry.add("tollgate.serving.limits.max-rows", () -> "50");
  }

  @Autowired StageActivities stages;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;
  @Autowired Environment environment;
  @Autowired RequestMappingHandlerAdapter mvc;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void serveOneModel() throws IOException {
    // the deploy's smoke test asks /v1/health and predicts 20 rows: within the limits
    ServedModelFixture.trainAndDeploy(stages, Files.createDirectories(DATA), "served");
  }

  @Test
  void anUnknownModelIs404BeforeItsBodyIsRead() throws Exception {
    // 256 MB announced, 16 KB sent: the answer comes without the rest
    try (RawHttp raw = new RawHttp(port)) {
      int status =
          raw.send("/v1/models/nosuch/predict", "application/json", 256L << 20, 16_384).status();
      assertThat(status).as("answered before the body was sent (-1: it waited)").isEqualTo(404);
    }
  }

  @Test
  void aBodyOverTheLimitIs413OnItsContentLengthAndWhenChunked() throws Exception {
    try (RawHttp raw = new RawHttp(port)) {
      int status =
          raw.send("/v1/models/served/predict", "application/json", MAX_BYTES + 1, 1_024).status();
      assertThat(status).as("refused on its Content-Length, unread").isEqualTo(413);
    }
    // no Content-Length: the stream stops at the limit (one row, then twice the limit in spaces)
    byte[] big = (rows(1).replace("]}", "]") + " ".repeat(2 * MAX_BYTES) + "}").getBytes();
    HttpResponse<String> chunked =
        http.send(
            HttpRequest.newBuilder(uri("/v1/models/served/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    assertThat(error(chunked)).contains("tollgate.serving.limits.max-request-bytes");
  }

  @Test
  void moreRowsThanTheLimitIs400NamingIt() throws Exception {
    assertThat(post("served", "application/json", rows(50)).statusCode()).isEqualTo(200);
    HttpResponse<String> r = post("served", "application/json", rows(51));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r)).contains("at most 50 rows", "tollgate.serving.limits.max-rows");
  }

  @Test
  void onlyJsonIsRead() throws Exception {
    HttpResponse<String> yaml = post("served", "application/yaml", "rows:\n  - {x1: 1, x2: 2}\n");
    assertThat(yaml.statusCode()).as(yaml.body()).isEqualTo(415);
    assertThat(error(yaml)).contains("Content-Type: application/json");
    assertThat(post("served", "text/plain", rows(1)).statusCode()).isEqualTo(415);
    // nor anywhere in the app: Spring registered a YAML converter for Jackson's YAML module
    assertThat(mvc.getMessageConverters())
        .flatExtracting(c -> c.getSupportedMediaTypes())
        .extracting(MediaType::getSubtype)
        .doesNotContain("yaml", "xml", "cbor", "x-jackson-smile");
    // nor written: no answer in YAML
    HttpResponse<String> asYaml =
        http.send(
            HttpRequest.newBuilder(uri("/v1/models"))
                .header("Accept", "application/yaml")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(asYaml.statusCode()).isEqualTo(406);
  }

  @Test
  void deepNestingIsRefusedByTheParser() throws Exception {
    String deep = "[".repeat(2_000) + "]".repeat(2_000);
    HttpResponse<String> r =
        post("served", "application/json", "{\"rows\": [{\"x1\": " + deep + ", \"x2\": 1}]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r)).contains("nested deeper than 16");
  }

  @Test
  void requestsForNamesNotServedShareOneLabel() throws Exception {
    Set<Integer> statuses = new TreeSet<>();
    for (int i = 0; i < 200; i++) {
      statuses.add(post("probe-" + i, "application/json", "{\"rows\": 7}").statusCode());
    }
    Set<String> labels = new TreeSet<>();
    for (Meter m : meters.find("tollgate_serving_requests").meters())
      labels.add(m.getId().getTag("model"));
    for (Meter m : meters.find("tollgate_serving_latency").meters())
      labels.add(m.getId().getTag("model"));
    assertThat(labels).isSubsetOf("served", "unknown").contains("unknown");
    assertThat(statuses).as("the name is checked before the body").containsExactly(404);
    // Spring's own request metrics tag the route's pattern, never the path
    for (Meter m : meters.find("http.server.requests").meters()) {
      assertThat(m.getId().getTag("uri")).doesNotContain("probe-");
    }
  }

  @Test
  void theServingPortHasNoActuatorAndTheManagementPortHasTheDetails() throws Exception {
    // (read, not injected: the class must load on a worker without a management port, to fail)
    Integer managementPort = environment.getProperty("local.management.port", Integer.class);
    assertThat(managementPort).as("a management port of its own").isNotNull().isNotEqualTo(port);
    HttpResponse<String> publicHealth = get(port, "/actuator/health");
    assertThat(publicHealth.statusCode()).isEqualTo(404);
    assertThat(publicHealth.body()).doesNotContain("temporal", "diskSpace");
    assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
    assertThat(get(port, "/v1/health").body()).isEqualTo("{\"status\":\"UP\"}");
    HttpResponse<String> management = get(managementPort, "/actuator/health");
    assertThat(management.statusCode()).isEqualTo(200);
    assertThat(management.body()).contains("\"temporal\"", "\"diskSpace\"");
  }

  private HttpResponse<String> post(String model, String contentType, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/v1/models/" + model + "/predict"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String error(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body()).path("error").asText();
  }

  /** {@code n} rows of about 20 bytes each. */
  private static String rows(int n) {
    StringBuilder s = new StringBuilder("{\"rows\": [");
    for (int i = 0; i < n; i++) s.append(i == 0 ? "" : ",").append("{\"x1\": 1, \"x2\": 2}");
    return s.append("]}").toString();
  }

  private static Path home() {
    try {
      return Files.createTempDirectory("tollgate-serving-limits");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
