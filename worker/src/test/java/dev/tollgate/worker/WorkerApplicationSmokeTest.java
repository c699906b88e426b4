package dev.tollgate.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.Outcome;
import dev.tollgate.worker.temporal.TemporalTarget;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker app as shipped: embedded Temporal, real stages (Smile training on a small CSV), the
 * approval Update, and the health endpoints (the serving port's, and the management port's). One
 * run end to end, tracked in an MLflow server that cannot be reached: it deploys all the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(
    org.springframework.boot.test.system.OutputCaptureExtension.class)
class WorkerApplicationSmokeTest {
  private static final Path HOME = tempHome();
  // datasets live beside the home, never in it (the worker does not read its own folder as data)
  private static final Path DATA = folder(HOME.resolveSibling(HOME.getFileName() + "-data"));
  // secrets and private values that must show up neither in Temporal's history nor in the log
  private static final String CODEC_KEY =
      java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  private static final String BOT_TOKEN = "xoxb-SMOKE-TOKEN-SENTINEL";
  private static final String SIGNING_SECRET = "signing-SECRET-SENTINEL";
  private static final String DATA_FILE = "private-SENTINEL-data.csv";
  private static final String COMMENT = "comment-SENTINEL";
  // an MLflow server that is not there: tracking must not change the run's outcome
  private static final String NO_MLFLOW = "http://127.0.0.1:" + closedPort();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("tollgate.home", HOME::toString);
    registry.add("tollgate.data-access.roots", DATA::toString);
    registry.add("tollgate.temporal.address", () -> "");
    registry.add("tollgate.temporal.embedded-port", () -> "0");
    registry.add("tollgate.codec.key", () -> "smoke1:" + CODEC_KEY);
    registry.add("tollgate.slack.bot-token", () -> BOT_TOKEN);
    registry.add("tollgate.slack.signing-secret", () -> SIGNING_SECRET);
    // The MLflow address is on loopback: an operator's allow-list must name it.
    registry.add("tollgate.outbound.allowed-hosts", () -> "127.0.0.1");
  }

  @Autowired WorkflowClient client;
  @Autowired TemporalTarget target;
  @LocalServerPort int httpPort;
  @LocalManagementPort int managementPort;

  @Test
  void runsAPipelineEndToEndOnTheEmbeddedServer(
      org.springframework.boot.test.system.CapturedOutput output) throws Exception {
    assertThat(target.embedded()).isTrue();
    PipelineSpec spec =
        SpecParser.parse(
            writeSpec(WorkerTestRuns.writeLinearCsv(DATA.resolve(DATA_FILE), 1500, 1)));
    PipelineWorkflow wf =
        client.newWorkflowStub(
            PipelineWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.PIPELINE)
                .setWorkflowId(WorkflowIds.pipeline(spec.model(), "smoke-1"))
                .build());
    WorkflowClient.start(
        wf::run, new PipelineRequest(spec, new RunOptions("smoke-1", "test", "smoke")));
    WorkflowStub run = WorkflowStub.fromTyped(wf);

    WorkerTestRuns.awaitApprovalGate(wf, Duration.ofSeconds(60));
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", COMMENT));
    PipelineResult result =
        run.getResult(60, java.util.concurrent.TimeUnit.SECONDS, PipelineResult.class);

    assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.modelVersion()).isEqualTo(1);
    assertThat(result.metrics().get("r2")).isGreaterThan(0.8);
    assertThat(result.validation().reportUri()).startsWith("file:");
    assertThat(Path.of(URI.create(result.validation().reportUri()))).exists();
    assertThat(HOME.resolve("events.jsonl")).content().contains("DEPLOYED");
    assertThat(result.validation().checks())
        .anySatisfy(
            c -> {
              assertThat(c.name()).isEqualTo("mlflow");
              assertThat(c.status()).isEqualTo(dev.tollgate.stages.CheckResult.Status.SKIPPED);
              assertThat(c.message()).contains("MLflow at " + NO_MLFLOW, "unreachable");
            });

    // The full health, with details, on the management port (loopback) ...
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + managementPort + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
    assertThat(health.body()).contains("\"temporal\"");
    // ... and what the smoke test asks on the serving port: the process, not its Temporal.
    HttpResponse<String> serving =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/v1/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(serving.statusCode()).as(serving.body()).isEqualTo(200);
    assertThat(serving.body()).contains("\"status\":\"UP\"").doesNotContain("temporal");

    assertMetricsOfTheRun(result);
    assertNothingPrivateInTheHistoryOrTheLog(run.getExecution().getWorkflowId(), output);
  }

  /**
   * With tollgate.codec.key set, the server holds every payload encrypted: the data path, the
   * approver's comment and the metrics are not in the history's bytes, while the result above was
   * read through the same client. Tokens and keys never reach the log.
   */
  private void assertNothingPrivateInTheHistoryOrTheLog(String workflowId, CharSequence log) {
    byte[] history = client.fetchHistory(workflowId).getHistory().toByteArray();
    String raw = new String(history, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(raw).contains("binary/encrypted", "smoke1");
    // search attributes stay in clear by design (json/plain: model, stage, outcome), for filtering
    assertThat(raw).doesNotContain(DATA_FILE, COMMENT, "gradient_boosting", "approvers");
    String logged = log.toString();
    assertThat(logged).contains("payload codec: AES-GCM, keys [smoke1]");
    assertThat(logged).doesNotContain(CODEC_KEY, BOT_TOKEN, SIGNING_SECRET);
  }

  /** What an operator's Prometheus scrapes after that run and one prediction. */
  private void assertMetricsOfTheRun(PipelineResult result) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    // the deploy's smoke test already asked the model through the same endpoint: count ours alone
    String before = scrape(http);
    HttpResponse<String> predicted =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + httpPort + "/v1/models/smoke-model/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rows\": [{\"x1\": 1, \"x2\": 2}]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
    String scrape = scrape(http);

    assertThat(sample(scrape, "tollgate_pipeline_runs_total", "outcome=\"deployed\""))
        .isEqualTo(1.0);
    assertThat(sample(scrape, "tollgate_stage_duration_seconds_count", "stage=\"training\""))
        .isEqualTo(1.0);
    assertThat(sample(scrape, "tollgate_stage_duration_seconds_sum", "stage=\"training\""))
        .isPositive();
    assertThat(sample(scrape, "tollgate_approval_wait_seconds_count", "decision=\"approved\""))
        .isEqualTo(1.0);
    assertThat(
            sample(scrape, "tollgate_serving_requests_total", "status=\"200\"")
                - sample(before, "tollgate_serving_requests_total", "status=\"200\""))
        .isEqualTo(1.0);
    assertThat(
            sample(scrape, "tollgate_serving_latency_seconds_count", "model=")
                - sample(before, "tollgate_serving_latency_seconds_count", "model="))
        .isEqualTo(1.0);
    assertThat(scrape).contains("tollgate_stage_duration_seconds_bucket{");
    // the unreachable MLflow: logging the run and moving the champion, one failure each
    assertThat(sample(scrape, "tollgate_tracking_failures_total", "call=\"log_run\""))
        .isEqualTo(1.0);
    assertThat(sample(scrape, "tollgate_tracking_failures_total", "call=\"move_champion\""))
        .isEqualTo(1.0);
    var drift =
        result.validation().checks().stream()
            .filter(c -> c.name().equals("drift.share"))
            .findFirst();
    if (drift.isPresent() && drift.get().value() != null) {
      assertThat(sample(scrape, "tollgate_drift_share", "model=\"smoke-model\""))
          .isCloseTo(drift.get().value(), org.assertj.core.data.Offset.offset(0.01));
    }
  }

  private String scrape(HttpClient http) throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * The value of the one series of {@code name} for smoke-model whose labels include {@code label}.
   */
  private static double sample(String scrape, String name, String label) {
    List<String> lines =
        scrape
            .lines()
            .filter(l -> l.startsWith(name + "{"))
            .filter(l -> l.contains("model=\"smoke-model\"") && l.contains(label))
            .toList();
    assertThat(lines).as(name + " with " + label + " in\n" + scrape).hasSize(1);
    String line = lines.getFirst();
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static Path writeSpec(Path csv) throws IOException {
    Path file = DATA.resolve("smoke.yaml");
    Files.writeString(
        file,
        """
        model: smoke-model
        data: { train: "file:%s", target: y, features: [x1, x2], min_rows: 100 }
        training: { algorithm: gradient_boosting, params: { trees: 60, max_depth: 4 }, seed: 3 }
        validation: { thresholds: { r2: { min: 0.8 } } }
        approval: { approvers: [alice], timeout: 1h }
        tracking: { mlflow: { uri: "%s", experiment: smoke } }
        """
            .formatted(csv.getFileName(), NO_MLFLOW));
    return file;
  }

  private static int closedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path folder(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path tempHome() {
    try {
      return Files.createTempDirectory("tollgate-smoke");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
