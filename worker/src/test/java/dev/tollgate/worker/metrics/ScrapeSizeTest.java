package dev.tollgate.worker.metrics;

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
import dev.tollgate.worker.WorkerTestRuns;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a Prometheus scrape of a worker weighs after a few runs of two models, on the real stages
 * (issue 22, item 15: a dozen runs made 9,000 lines, 2.3 MB, mostly percentile-histogram buckets).
 * Only the dashboard's three histograms keep buckets, a few chosen for each ({@link
 * MetricBuckets}); every other Timer is count, sum and max. The figures go to {@code
 * target/scrape-size.txt} and into docs/observability.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScrapeSizeTest {
  private static final Path HOME = tempHome();
  // datasets and specs live beside the home, never in it (the worker does not read its own folder)
  private static final Path DATA = HOME.resolveSibling(HOME.getFileName() + "-data");
  private static final List<String> MODELS = List.of("scrape-a", "scrape-b");

  /** Lines of the whole scrape after the runs below. */
  private static final int MAX_LINES = 1_000;

  /** Lines that name one model, for all its series together. */
  private static final int MAX_LINES_PER_MODEL = 150;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("tollgate.home", HOME::toString);
    registry.add("tollgate.data-access.roots", DATA::toString);
    registry.add("tollgate.temporal.address", () -> "");
    registry.add("tollgate.temporal.embedded-port", () -> "0");
  }

  @Autowired WorkflowClient client;
  @LocalServerPort int httpPort;
  @LocalManagementPort int managementPort; // /actuator has a port of its own

  @Test
  void aScrapeStaysSmallAndKeepsTheDashboardsBuckets() throws Exception {
    Path csv = WorkerTestRuns.writeLinearCsv(DATA.resolve("data.csv"), 600, 5);
    for (String model : MODELS) {
      PipelineSpec spec = SpecParser.parse(writeSpec(model, csv));
      assertThat(run(spec, "r1", true)).isEqualTo(Outcome.DEPLOYED);
      assertThat(run(spec, "r2", false)).isEqualTo(Outcome.REJECTED_BY_APPROVER);
      assertThat(run(spec, "r3", true)).isEqualTo(Outcome.DEPLOYED);
      for (int i = 0; i < 5; i++)
        assertThat(predict(model, "{\"x1\": 1, \"x2\": 2}")).isEqualTo(200);
      assertThat(predict(model, "{\"x1\": \"no\"}")).isEqualTo(400);
    }

    String scrape = management("/actuator/prometheus");
    List<String> lines = scrape.lines().toList();
    Map<String, Long> perModel = new TreeMap<>();
    for (String model : MODELS) {
      perModel.put(
          model, lines.stream().filter(l -> l.contains("model=\"" + model + "\"")).count());
    }
    Map<String, Long> buckets =
        lines.stream()
            .filter(l -> !l.startsWith("#") && l.contains("_bucket{"))
            .collect(
                Collectors.groupingBy(
                    l -> l.substring(0, l.indexOf('{')), TreeMap::new, Collectors.counting()));
    String figures =
        String.format(
            Locale.ROOT,
            "scrape after 3 runs and 6 predictions for each of %d models: %d lines, %d bytes%n"
                + "lines naming one model: %s%nbucket lines by metric: %s%n",
            MODELS.size(),
            lines.size(),
            scrape.getBytes(StandardCharsets.UTF_8).length,
            perModel,
            buckets);
    Files.writeString(Path.of("target", "scrape-size.txt"), figures + "\n" + scrape);

    assertThat(buckets.keySet())
        .as(figures)
        .containsExactlyInAnyOrder(
            "tollgate_stage_duration_seconds_bucket",
            "tollgate_approval_wait_seconds_bucket",
            "tollgate_serving_latency_seconds_bucket");
    // one series per (model, stage): its chosen buckets and +Inf, no more
    assertThat(
            series(
                lines,
                "tollgate_stage_duration_seconds_bucket{",
                "model=\"scrape-a\"",
                "stage=\"training\""))
        .hasSize(MetricBuckets.STAGE.size() + 1);
    assertThat(
            series(
                lines,
                "tollgate_approval_wait_seconds_bucket{",
                "model=\"scrape-a\"",
                "decision=\"approved\""))
        .hasSize(MetricBuckets.APPROVAL.size() + 1);
    assertThat(series(lines, "tollgate_serving_latency_seconds_bucket{", "model=\"scrape-a\""))
        .hasSize(MetricBuckets.SERVING.size() + 1);
    assertThat(lines).as(figures).hasSizeLessThanOrEqualTo(MAX_LINES);
    assertThat(perModel.values())
        .as(figures)
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(MAX_LINES_PER_MODEL));
  }

  private Outcome run(PipelineSpec spec, String runId, boolean approve) throws Exception {
    PipelineWorkflow wf =
        client.newWorkflowStub(
            PipelineWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.PIPELINE)
                .setWorkflowId(WorkflowIds.pipeline(spec.model(), runId))
                .build());
    WorkflowClient.start(
        wf::run, new PipelineRequest(spec, new RunOptions(runId, "test", "scrape")));
    WorkerTestRuns.awaitApprovalGate(wf, Duration.ofSeconds(90));
    WorkflowStub stub = WorkflowStub.fromTyped(wf);
    stub.update(
        "decide", DecisionRecord.class, new DecisionRequest(approve, "alice", "looked at it"));
    PipelineResult result = stub.getResult(90, TimeUnit.SECONDS, PipelineResult.class);
    return result.outcome();
  }

  private static List<String> series(List<String> lines, String prefix, String... labels) {
    return lines.stream()
        .filter(l -> l.startsWith(prefix))
        .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
        .toList();
  }

  private int predict(String model, String row) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/v1/models/" + model + "/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rows\": [" + row + "]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private String management(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static Path writeSpec(String model, Path csv) throws IOException {
    Path file = DATA.resolve(model + ".yaml");
    Files.writeString(
        file,
        """
        model: %s
        data: { train: "file:%s", target: y, features: [x1, x2], min_rows: 100 }
        training: { algorithm: linear, seed: 3 }
        validation: { thresholds: { r2: { min: 0.8 } } }
        approval: { approvers: [alice], timeout: 1h }
        """
            .formatted(model, csv.getFileName()));
    return file;
  }

  private static Path tempHome() {
    try {
      return Files.createTempDirectory("tollgate-scrape");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
