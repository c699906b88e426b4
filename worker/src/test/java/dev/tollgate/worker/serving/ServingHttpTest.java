package dev.tollgate.worker.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.wiring.StageActivities;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.DeployAuthority;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Local serving over real HTTP in the worker app: predictions with version-tagged answers, a 400
 * naming the field for bad rows, 404 for an unknown model, and a hot swap under load — two client
 * threads posting without pause across five deploys alternating two versions: no failed request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServingHttpTest {
  private static final Path HOME = home();
  // datasets live beside the home, never in it (the worker does not read its own folder as data)
  private static final Path DATA = HOME.resolveSibling(HOME.getFileName() + "-data");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROW =
      "{\"rows\": [{\"x1\": 2.5, \"x2\": 1.0}, {\"x1\": 7, \"x2\": 3}]}";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("tollgate.home", HOME::toString);
    registry.add("tollgate.data-access.roots", DATA::toString);
    registry.add("tollgate.temporal.address", () -> "");
    registry.add("tollgate.temporal.embedded-port", () -> "0");
  }

  @Autowired StageActivities stages;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private ModelVersion v1;
  private ModelVersion v2;
  private Path csv;

  @BeforeAll
  void trainTwoVersions() throws IOException {
    csv = Files.createDirectories(DATA).resolve("data.csv");
    StringBuilder rows = new StringBuilder("x1,x2,y\n");
    Random random = new Random(4);
    for (int i = 0; i < 400; i++) {
      double x1 = 10 * random.nextDouble();
      double x2 = 10 * random.nextDouble();
      rows.append(
          String.format(
              Locale.ROOT, "%.4f,%.4f,%.4f%n", x1, x2, 3 * x1 - 2 * x2 + random.nextGaussian()));
    }
    Files.writeString(csv, rows);
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(stages.train());
      TrainActivities train =
          env.newActivityStub(
              TrainActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).build());
      v1 = version(1, train.train(request("linear", "r1")));
      v2 = version(2, train.train(request("gradient_boosting", "r2")));
    } finally {
      env.close();
    }
  }

  private TrainRequest request(String algorithm, String run) {
    var spec =
        SpecParser.parse(
            """
            model: served
            data: { train: file:data.csv, target: y, features: [x1, x2] }
            training: { algorithm: %s }
            approval: { approvers: [alice] }
            """
                .formatted(algorithm),
            "served.yaml",
            DATA);
    return new TrainRequest("served", run, spec.task(), spec.data(), spec.training());
  }

  private static ModelVersion version(int n, TrainedModel t) {
    return new ModelVersion("served", n, "r" + n, t.artifactUri(), t.modelDigest(), t.metrics());
  }

  private static dev.tollgate.spec.DataSpec data() {
    return SpecParser.parse(
            "model: served\ndata: { train: file:data.csv, target: y, features: [x1, x2] }\n"
                + "training: { algorithm: linear }\napproval: { approvers: [alice] }\n",
            "served.yaml",
            DATA)
        .data();
  }

  private Deployment deploy(ModelVersion v) {
    var data = data();
    return stages
        .deploy()
        .deploy(
            new DeployRequest(
                v,
                new DeploySpec(DeploySpec.Target.LOCAL, true, null),
                data,
                "deploy-" + v.version()));
  }

  private Deployment deploy(ModelVersion v, String run, DeployAuthority by) {
    return stages
        .deploy()
        .deploy(
            new DeployRequest(
                v, new DeploySpec(DeploySpec.Target.LOCAL, true, null), data(), run, null, by));
  }

  private JsonNode describe() throws Exception {
    return JSON.readTree(get("/v1/models/served").body());
  }

  @Test
  void saysWhoApprovedOrRolledBackAndTheRunInFieldsOfTheirOwn() throws Exception {
    deploy(v2, "r0", null); // a deploy of what serves changes nothing: start from v2
    deploy(v1, "r1", DeployAuthority.approved(List.of("alice", "bob")));
    JsonNode approved = describe();
    assertThat(approved.path("version").asInt()).isEqualTo(1);
    assertThat(approved.path("run").asText()).isEqualTo("r1");
    assertThat(approved.path("approved_by").toString()).isEqualTo("[\"alice\",\"bob\"]");
    assertThat(approved.path("rolled_back_by").isNull()).isTrue();
    assertThat(approved.path("reason").isNull()).isTrue();
    assertThat(approved.has("deployed_by")).as("a run id under a person's name: gone").isFalse();

    stages
        .deploy()
        .deployCanary(
            new DeployRequest(
                v2,
                new DeploySpec(DeploySpec.Target.LOCAL, true, null),
                data(),
                "r2",
                null,
                DeployAuthority.approved(List.of("carol"))),
            25);
    JsonNode canary = describe().path("canary");
    assertThat(canary.path("version").asInt()).isEqualTo(2);
    assertThat(canary.path("run").asText()).isEqualTo("r2");
    assertThat(canary.path("approved_by").toString()).isEqualTo("[\"carol\"]");

    deploy(v2, "r2", DeployAuthority.approved(List.of("carol")));
    deploy(v1, "rollback-20261206-1", DeployAuthority.rollback("bob", "latency after v2"));
    JsonNode rolledBack = describe();
    assertThat(rolledBack.path("version").asInt()).isEqualTo(1);
    assertThat(rolledBack.path("run").asText()).isEqualTo("rollback-20261206-1");
    assertThat(rolledBack.path("approved_by").toString()).isEqualTo("[]");
    assertThat(rolledBack.path("rolled_back_by").asText()).isEqualTo("bob");
    assertThat(rolledBack.path("reason").asText()).isEqualTo("latency after v2");
    assertThat(rolledBack.path("canary").isNull()).isTrue();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersTaggedByVersionAndRefusesBadRowsNamingTheField() throws Exception {
    Deployment d = deploy(v1);
    assertThat(stages.deploy().smokeTest(d).passed()).isTrue();

    HttpResponse<String> ok = post("/v1/models/served/predict", ROW);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(ok.body());
    assertThat(answer.path("version").asInt()).isEqualTo(1);
    assertThat(answer.path("predictions")).hasSize(2);
    assertThat(answer.path("predictions").get(0).asDouble()).isBetween(3.0, 8.0); // 3*2.5 - 2*1

    JsonNode info = JSON.readTree(get("/v1/models/served").body());
    assertThat(info.path("version").asInt()).isEqualTo(1);
    assertThat(info.path("since").asText()).isNotBlank();
    assertThat(JSON.readTree(get("/v1/models").body()).path("models").get(0).path("model").asText())
        .isEqualTo("served");

    assertBad("{\"rows\": [{\"x1\": 1}]}", 400, "rows[0].x2: missing; the model reads [x1, x2]");
    assertBad(
        "{\"rows\": [{\"x1\": 1, \"x2\": 2, \"x3\": 0}]}",
        400,
        "rows[0].x3: unknown field; the model reads [x1, x2]");
    assertBad(
        "{\"rows\": [{\"x1\": 1, \"x2\": 2}, {\"x1\": \"abc\", \"x2\": 2}]}",
        400,
        "rows[1].x1: expected a number, got \"abc\"");
    assertBad("{\"rows\": []}", 400, "rows: expected at least one row");
    assertBad("not json", 400, "the body is not JSON");
    HttpResponse<String> unknown = post("/v1/models/nobody/predict", ROW);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("error").asText())
        .startsWith("no model nobody is served here");
  }

  private void assertBad(String body, int status, String error) throws Exception {
    HttpResponse<String> r = post("/v1/models/served/predict", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(JSON.readTree(r.body()).path("error").asText()).contains(error);
  }

  @Test
  void aHotSwapUnderLoadDropsNoRequest() throws Exception {
    deploy(v1);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger ok = new AtomicInteger();
    Map<Integer, Integer> failures = new ConcurrentHashMap<>();
    Set<Integer> versions = ConcurrentHashMap.newKeySet();
    Runnable client =
        () -> {
          while (running.get()) {
            try {
              HttpResponse<String> r = post("/v1/models/served/predict", ROW);
              if (r.statusCode() == 200) {
                ok.incrementAndGet();
                versions.add(JSON.readTree(r.body()).path("version").asInt());
              } else {
                failures.merge(r.statusCode(), 1, Integer::sum);
              }
            } catch (Exception e) {
              failures.merge(-1, 1, Integer::sum);
            }
          }
        };
    Thread a = Thread.ofPlatform().start(client);
    Thread b = Thread.ofPlatform().start(client);
    for (int swap = 0; swap < 5; swap++) {
      Thread.sleep(400);
      deploy(swap % 2 == 0 ? v2 : v1);
    }
    Thread.sleep(400);
    running.set(false);
    a.join();
    b.join();
    assertThat(failures).as("failed requests by status").isEmpty();
    assertThat(ok.get()).isGreaterThan(100);
    assertThat(versions).containsExactlyInAnyOrder(1, 2);
  }

  private static Path home() {
    try {
      return Files.createTempDirectory("tollgate-serving-test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
