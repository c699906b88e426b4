package dev.tollgate.worker.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.github.GitHubDelivery;
import dev.tollgate.worker.slack.RawHttp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /github/webhook} over real HTTP to the worker app, on its embedded Temporal: a signed
 * push is recorded as the workflow {@code github-delivery/<id>}, whose result is the event; the
 * same delivery again starts nothing; an unsigned one is a 401; a payload over the cap a 413 before
 * it is read (declared or streamed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GitHubWebhookHttpTest {
  private static final long MB = 1024 * 1024;
  private static final String PATH = "/github/webhook";
  private static final Path HOME = home();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("tollgate.home", HOME::toString);
    registry.add("tollgate.temporal.address", () -> "");
    registry.add("tollgate.temporal.embedded-port", () -> "0");
    registry.add("tollgate.github.enabled", () -> "true");
    registry.add("tollgate.github.webhook-secret", () -> SignedDelivery.SECRET);
    registry.add("tollgate.github.spec-paths", () -> "pipelines");
    registry.add("tollgate.github.max-payload", () -> "64KB");
    registry.add(
        "tollgate.github.remote-url", () -> "file://" + HOME.resolve("remotes/{repository}.git"));
    registry.add(
        "tollgate.github.checkouts",
        () -> HOME.resolveSibling(HOME.getFileName() + "-checkouts").toString());
  }

  @Autowired
  org.springframework.beans.factory.ObjectProvider<dev.tollgate.github.CommitActivities> commits;

  @Test
  void enabledTheWorkerHasTheDeliveryActivities() {
    assertThat(commits.getIfAvailable()).isNotNull();
  }

  @LocalServerPort int port;
  @Autowired WorkflowClient client;

  @Test
  void aSignedPushIsRecordedOnceAsItsDeliveryWorkflow() throws Exception {
    SignedDelivery push = SignedDelivery.of("push", SignedDelivery.fixture("push.json"));

    String id = GitHubDelivery.workflowId(push.deliveryId());

    RawHttp.Answer first = post(push);
    String run = latestRun(id);
    RawHttp.Answer again = post(push);

    assertThat(first.status()).as(first.body()).isEqualTo(202);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    // the redelivery started no second run: the latest run of the id is still the first
    assertThat(latestRun(id)).isEqualTo(run);
    // the workflow's input is the record (its result comes once the delivery's runs have ended)
    Payloads input =
        client
            .fetchHistory(id)
            .getEvents()
            .get(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getInput();
    GitHubDelivery recorded =
        client
            .getOptions()
            .getDataConverter()
            .fromPayloads(0, Optional.of(input), GitHubDelivery.class, GitHubDelivery.class);
    assertThat(recorded.sha()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    assertThat(recorded.affectedSpecs())
        .containsExactly("pipelines/churn/spec.yaml", "pipelines/energy.yml");
  }

  @Test
  void anUnsignedPushIs401AndStartsNothing() throws Exception {
    SignedDelivery push = SignedDelivery.of("push", SignedDelivery.fixture("push.json"));

    RawHttp.Answer answer = post(push.withSignature(SignedDelivery.sign("guess", push.body())));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(latestRun(GitHubDelivery.workflowId(push.deliveryId()))).isNull();
  }

  @Test
  void aDeclaredPayloadOverTheCapIs413BeforeAByteIsRead() throws Exception {
    RawHttp.Answer answer =
        RawHttp.declared(port, PATH, headers(SignedDelivery.of("push", "{}")), 256 * MB);

    assertThat(answer.status()).isEqualTo(413);
  }

  @Test
  void aStreamedPayloadOverTheCapIs413AndTheWorkerStopsReading() throws Exception {
    RawHttp.Answer answer =
        RawHttp.chunked(port, PATH, headers(SignedDelivery.of("push", "{}")), 256 * MB);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.bytesWritten()).isLessThan(16 * MB);
  }

  private RawHttp.Answer post(SignedDelivery delivery) throws IOException {
    return RawHttp.withBody(port, PATH, headers(delivery), delivery.body());
  }

  private static String headers(SignedDelivery d) {
    return "Content-Type: application/json\r\nX-GitHub-Event: "
        + d.event()
        + "\r\nX-GitHub-Delivery: "
        + d.deliveryId()
        + "\r\n"
        + (d.signature() == null ? "" : "X-Hub-Signature-256: " + d.signature() + "\r\n");
  }

  /** The id of the latest run of {@code workflowId}, or null when there is none. */
  private String latestRun(String workflowId) {
    try {
      return client
          .getWorkflowServiceStubs()
          .blockingStub()
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(client.getOptions().getNamespace())
                  .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                  .build())
          .getWorkflowExecutionInfo()
          .getExecution()
          .getRunId();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return null;
      throw e;
    }
  }

  private static Path home() {
    try {
      return Files.createTempDirectory("tollgate-github-webhook");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
