package dev.tollgate.worker.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.github.GitHubDelivery;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery's workflow follows its runs to their end (a push's waits for approval, for days), so
 * it has no run timeout: with one, it was ended after an hour and the final commit status of a run
 * approved later was never posted. A redelivery is refused.
 */
class TemporalDeliveryRecorderTest {
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void aDeliveryIsRecordedOnceWithoutARunTimeout() throws Exception {
    TemporalDeliveryRecorder recorder = new TemporalDeliveryRecorder(env.getWorkflowClient());
    GitHubDelivery delivery =
        new GitHubDelivery(
            "72d3162e-cc78-11e3-81ab-4c9367dc0958",
            "push",
            "",
            "acme/models",
            "https://github.com/acme/models.git",
            "refs/heads/main",
            "0123456789abcdef0123456789abcdef01234567",
            0,
            List.of("specs/energy.yaml"),
            "");

    assertThat(recorder.record(delivery)).isTrue();
    assertThat(recorder.record(delivery)).isFalse();

    DescribeWorkflowExecutionResponse described =
        env.getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(env.getNamespace())
                    .setExecution(
                        WorkflowExecution.newBuilder()
                            .setWorkflowId(GitHubDelivery.workflowId(delivery.deliveryId())))
                    .build());
    // unset: the real server shows 0, the test server its default of ten years
    long run = described.getExecutionConfig().getWorkflowRunTimeout().getSeconds();
    assertThat(run == 0 || run >= Duration.ofDays(3650).toSeconds())
        .as("run timeout %d s", run)
        .isTrue();
  }
}
