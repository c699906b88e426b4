package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The replay tests catch a change to a workflow's commands (ADR 0012): a pipeline changed without a
 * version marker (one timer more before the first stage) does not replay a committed history, and
 * the same change behind {@link Workflow#getVersion} does. Without this, a replay test that
 * replayed nothing, or replayed leniently, would pass whatever the workflows did.
 */
class UnversionedChangeTest {
  private static final String HISTORY = "histories/pipeline-deployed.json";

  @Test
  void aCommandChangeWithoutAMarkerFailsToReplay() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    HISTORY, UnversionedPipeline.class))
        .hasStackTraceContaining("NonDeterministicException");
  }

  @Test
  void theSameChangeBehindAMarkerReplays() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    HISTORY, VersionedPipeline.class))
        .doesNotThrowAnyException();
  }

  @Test
  void todaysPipelineReplaysTheSameHistory() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    HISTORY, PipelineWorkflowImpl.class))
        .doesNotThrowAnyException();
  }

  /** Today's pipeline with a new command before its first stage, and no marker. */
  public static class UnversionedPipeline extends PipelineWorkflowImpl {
    @Override
    public PipelineResult run(PipelineRequest request) {
      Workflow.sleep(Duration.ofSeconds(1));
      return super.run(request);
    }
  }

  /** The same change, as it must be made from the first release on. */
  public static class VersionedPipeline extends PipelineWorkflowImpl {
    @Override
    public PipelineResult run(PipelineRequest request) {
      if (Workflow.getVersion("pause-before-start", Workflow.DEFAULT_VERSION, 1) >= 1) {
        Workflow.sleep(Duration.ofSeconds(1));
      }
      return super.run(request);
    }
  }
}
