package dev.tollgate.github;

import dev.tollgate.pipeline.CancelRecord;
import dev.tollgate.pipeline.CancelRequest;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pipeline that ends as its model's {@link #outcomes} entry says (after {@link #takes}, if any)
 * and records how it was started: its workflow ID, parent, execution timeout and request.
 */
public final class FakePipeline implements PipelineWorkflow {
  /** How one child was started. */
  public record Started(
      String workflowId, String parentId, Duration executionTimeout, PipelineRequest request) {}

  static final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
  static final Map<String, Duration> takes = new ConcurrentHashMap<>();
  static final List<Started> started = new CopyOnWriteArrayList<>();

  static void reset() {
    outcomes.clear();
    takes.clear();
    started.clear();
  }

  static final ValidationVerdict PASSED =
      new ValidationVerdict(
          true,
          List.of(new CheckResult("rmse", 41.2, "≤ 75.0", CheckResult.Status.PASS, "ok")),
          "file:/reports/validation.json",
          "d1",
          "https://reports.example.com/v4/validation.html",
          "d2",
          Map.of("rmse", 50.0));

  static final ValidationVerdict FAILED =
      new ValidationVerdict(
          false,
          List.of(new CheckResult("rmse", 99.0, "≤ 75.0", CheckResult.Status.FAIL, "rmse 99 > 75")),
          "file:/reports/validation.json",
          "d1",
          "file:/reports/validation.html",
          "d2",
          null);

  @Override
  public PipelineResult run(PipelineRequest request) {
    var info = Workflow.getInfo();
    started.add(
        new Started(
            info.getWorkflowId(),
            info.getParentWorkflowId().orElse(null),
            info.getWorkflowExecutionTimeout(),
            request));
    String model = request.spec().model();
    Duration take = takes.get(model);
    if (take != null) Workflow.sleep(take);
    Outcome outcome = outcomes.getOrDefault(model, Outcome.FAILED);
    ValidationVerdict verdict = outcome == Outcome.REJECTED_BY_VALIDATION ? FAILED : PASSED;
    return new PipelineResult(
        outcome,
        model,
        request.options().runId(),
        4,
        Map.of("rmse", 41.2),
        outcome == Outcome.FAILED ? null : verdict,
        null,
        List.of(),
        3,
        outcome == Outcome.FAILED ? "training failed: exit 1" : null,
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
    return null;
  }

  @Override
  public void validateDecide(DecisionRequest decision) {}

  @Override
  public CancelRecord cancel(CancelRequest request) {
    return null;
  }

  @Override
  public void validateCancel(CancelRequest request) {}

  @Override
  public String approverForSlackUser(String slackUserId) {
    return null;
  }

  @Override
  public PipelineStatus status() {
    return null;
  }
}
