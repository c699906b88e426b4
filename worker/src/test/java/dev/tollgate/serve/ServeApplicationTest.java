package dev.tollgate.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.serving.ServingPointer;
import dev.tollgate.activities.train.TrainActivitiesImpl;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code tollgate serve}'s app over HTTP, without Temporal: /health, /ready 503 naming a model not
 * deployed yet (and its predictions 503), the poller loading a written pointer with no request
 * within 2 s, a damaged new version leaving the previous one serving (load_failure in the model's
 * description, tollgate_serving_load_failures_total on /actuator/prometheus), and the repaired one
 * loaded at a later poll; requests that never look at a pointer themselves.
 */
class ServeApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROW = "{\"rows\": [{\"x1\": 2.5, \"x2\": 1.0}]}";

  @TempDir Path home;
  private final HttpClient http = HttpClient.newHttpClient();
  private int port;

  @Test
  void servesFollowsPointersAndStaysOnThePreviousVersionWhenANewOneCannotBeLoaded()
      throws Exception {
    ModelVersion v1 = train(1);
    ModelVersion v2 = train(2);
    try (ConfigurableApplicationContext app =
        ServeApplication.start(
            "--server.port=0",
            "--management.server.port=0",
            "--tollgate.home=" + home,
            "--tollgate.serve.env=Production", // any case
            "--tollgate.serve.models=lin",
            "--tollgate.serve.poll-interval=100ms")) {
      port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      int management =
          app.getEnvironment().getRequiredProperty("local.management.port", Integer.class);

      assertThat(get("/health").statusCode()).isEqualTo(200);
      HttpResponse<String> notReady = get("/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(notReady.body()).path("missing").path("lin").asText())
          .contains("lin is assigned to this server but not deployed to production yet");
      HttpResponse<String> early = predict();
      assertThat(early.statusCode()).isEqualTo(503);
      assertThat(early.body()).contains("not deployed to production yet");

      point(v1);
      awaitVersion(1);
      assertThat(get("/ready").statusCode()).isEqualTo(200);

      Path file = modelFile(v2);
      byte[] good = Files.readAllBytes(file);
      byte[] bad = good.clone();
      bad[bad.length / 2] ^= 0x5a;
      Files.write(file, bad);
      point(v2);
      Thread.sleep(600); // several polls
      assertThat(JSON.readTree(predict().body()).path("version").asInt()).isEqualTo(1);
      JsonNode described = JSON.readTree(get("/v1/models/lin").body());
      assertThat(described.path("version").asInt()).isEqualTo(1);
      assertThat(described.path("load_failure").path("version").asInt()).isEqualTo(2);
      assertThat(described.path("load_failure").path("error").asText()).contains("SHA-256");
      String scrape =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + management + "/actuator/prometheus"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(scrape).contains("tollgate_serving_load_failures_total{model=\"lin\"} 1.0");

      Files.write(file, good);
      awaitVersion(2);
    }
  }

  /**
   * Only serve's poller follows a pointer: with an hour between polls, a version deployed after the
   * first poll is not served, however long requests keep coming (the worker's own serving would
   * look again after 250 ms). So the test above, which waits for versions on requests alone, fails
   * when the poller does not work.
   */
  @Test
  void requestsNeverLookAtAPointerThePollerAloneFollowsIt() throws Exception {
    ModelVersion v1 = train(1);
    ModelVersion v2 = train(2);
    point(v1);
    try (ConfigurableApplicationContext app =
        ServeApplication.start(
            "--server.port=0",
            "--management.server.port=0",
            "--tollgate.home=" + home,
            "--tollgate.serve.poll-interval=1h")) {
      port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      assertThat(JSON.readTree(predict().body()).path("version").asInt())
          .as("loaded by the first poll, at start")
          .isEqualTo(1);
      point(v2);
      long until = System.nanoTime() + Duration.ofMillis(1200).toNanos();
      while (System.nanoTime() < until) {
        assertThat(JSON.readTree(predict().body()).path("version").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(get("/v1/models/lin").body()).path("version").asInt())
            .isEqualTo(1);
        Thread.sleep(50);
      }
    }
  }

  /**
   * Pinned (an ECS task's TOLLGATE_MODEL_*): that artifact under that name, from the store its URI
   * is in, no pointers; a digest that does not match keeps it unready and its predictions 503.
   */
  @Test
  void pinnedToOneArtifactServesItWithItsDigestChecked() throws Exception {
    ModelVersion v1 = train(1);
    Path elsewhere = home.resolveSibling(home.getFileName() + "-pinned-home");
    try (ConfigurableApplicationContext app = pinned(elsewhere, v1, v1.modelDigest())) {
      port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      assertThat(get("/ready").statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(predict().body()).path("version").asInt()).isEqualTo(7);
    }
    try (ConfigurableApplicationContext app = pinned(elsewhere, v1, "0".repeat(64))) {
      port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      HttpResponse<String> ready = get("/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("v7 could not be loaded", "SHA-256");
      assertThat(predict().statusCode()).isEqualTo(503);
    }
  }

  private static ConfigurableApplicationContext pinned(Path home, ModelVersion v, String digest) {
    return ServeApplication.start(
        "--server.port=0",
        "--management.server.port=0",
        "--tollgate.home=" + home,
        "--tollgate.serve.model.name=lin",
        "--tollgate.serve.model.uri=" + v.artifactUri(),
        "--tollgate.serve.model.version=7",
        "--tollgate.serve.model.digest=" + digest);
  }

  private void awaitVersion(int version) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (true) {
      HttpResponse<String> r = get("/v1/models/lin");
      if (r.statusCode() == 200 && JSON.readTree(r.body()).path("version").asInt() == version) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("v" + version + " not served within 2 s: " + r.body());
      }
      Thread.sleep(20);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> predict() throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/models/lin/predict"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(ROW))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void point(ModelVersion v) {
    ServingPointer.of(v, "r" + v.version(), "lin", null)
        .write(home.resolve("serving/lin/current.json"));
  }

  private static Path modelFile(ModelVersion v) throws Exception {
    try (var files = Files.list(FileUris.artifact(v.artifactUri()))) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("model."))
          .findFirst()
          .orElseThrow();
    }
  }

  /** A linear model of y = 3·x1 − 2·x2, stored in the home's artifact folder. */
  private ModelVersion train(int version) throws Exception {
    Path data = Files.createDirectories(home.resolveSibling(home.getFileName() + "-data"));
    StringBuilder rows = new StringBuilder("x1,x2,y\n");
    Random random = new Random(version);
    for (int i = 0; i < 200; i++) {
      double x1 = 10 * random.nextDouble();
      double x2 = 10 * random.nextDouble();
      rows.append(
          String.format(
              Locale.ROOT, "%.4f,%.4f,%.4f%n", x1, x2, 3 * x1 - 2 * x2 + random.nextGaussian()));
    }
    Files.writeString(data.resolve("data.csv"), rows);
    var spec =
        SpecParser.parse(
            """
            model: lin
            data: { train: file:data.csv, target: y, features: [x1, x2] }
            training: { algorithm: linear }
            approval: { approvers: [alice] }
            """,
            "lin.yaml",
            data);
    ModelStore models =
        new ModelStore(
            new dev.tollgate.activities.artifacts.LocalArtifactStore(home.resolve("artifacts")));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new TrainActivitiesImpl(new DatasetLoader(), models));
      TrainedModel t =
          env.newActivityStub(
                  TrainActivities.class,
                  ActivityOptions.newBuilder()
                      .setStartToCloseTimeout(Duration.ofMinutes(2))
                      .build())
              .train(
                  new TrainRequest(
                      "lin", "r" + version, spec.task(), spec.data(), spec.training()));
      return new ModelVersion(
          "lin", version, "r" + version, t.artifactUri(), t.modelDigest(), t.metrics());
    } finally {
      env.close();
    }
  }
}
