package dev.tollgate.cli.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The time limit the CLI puts on Temporal calls the SDK would wait on for ever (an Update no worker
 * takes) or for long (a query no worker answers): the caller gets {@link BoundedCall.TimedOut} at
 * the limit, and what the call throws otherwise, unchanged.
 */
@Timeout(60)
class BoundedCallTest {

  @Test
  void aQueryNoWorkerAnswersEndsAtTheLimit() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      WorkflowClient client = env.getWorkflowClient();
      client
          .newUntypedWorkflowStub(
              "PipelineWorkflow",
              WorkflowOptions.newBuilder()
                  .setWorkflowId("pipeline/m/r1")
                  .setTaskQueue("nobody-polls-this")
                  .build())
          .start("spec");
      env.start();

      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  BoundedCall.within(
                      Duration.ofSeconds(1),
                      () ->
                          client
                              .newUntypedWorkflowStub("pipeline/m/r1")
                              .query("status", String.class)))
          .isInstanceOf(BoundedCall.TimedOut.class)
          .hasMessage("no answer within 1s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void whatTheCallThrowsOrAnswersPassesThrough() {
    CliFailure refused = new CliFailure(ExitCodes.NOT_DONE, "refused by the run");

    assertThatThrownBy(
            () ->
                BoundedCall.within(
                    Duration.ofSeconds(5),
                    () -> {
                      throw refused;
                    }))
        .isSameAs(refused);
    assertThat(BoundedCall.within(Duration.ofSeconds(5), () -> "answer")).isEqualTo("answer");
  }
}
