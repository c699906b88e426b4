package dev.tollgate.guardian;

import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.stages.Outcome;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pipeline that deploys at once (or after {@link #slowFor} for a model whose name starts with
 * "slow"), recording the options of every run it was started with: the guardian's tests count the
 * runs it started, by run id, whatever workflow task retries happen.
 */
public class StubPipeline implements PipelineWorkflow {
  static final Map<String, RunOptions> STARTED = new ConcurrentHashMap<>();
  static volatile Duration slowFor = Duration.ofDays(2);

  @Override
  public PipelineResult run(PipelineRequest request) {
    RunOptions options = request.options();
    STARTED.put(options.runId(), options);
    if (request.spec().model().startsWith("slow")) Workflow.sleep(slowFor);
    return new PipelineResult(
        Outcome.DEPLOYED,
        request.spec().model(),
        options.runId(),
        1,
        Map.of("rmse", 1.0),
        null,
        null,
        List.of(),
        null,
        null,
        null,
        List.of(),
        null,
        null);
  }

  @Override
  public void approve(String by, String comment) {}

  @Override
  public void reject(String by, String reason) {}

  @Override
  public DecisionRecord decide(DecisionRequest decision) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void validateDecide(DecisionRequest decision) {}

  @Override
  public dev.tollgate.pipeline.CancelRecord cancel(dev.tollgate.pipeline.CancelRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void validateCancel(dev.tollgate.pipeline.CancelRequest request) {}

  @Override
  public String approverForSlackUser(String slackUserId) {
    return null;
  }

  @Override
  public PipelineStatus status() {
    return null;
  }
}
