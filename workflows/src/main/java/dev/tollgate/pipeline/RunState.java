package dev.tollgate.pipeline;

import dev.tollgate.policy.PolicyApplied;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a run has done so far: the current stage, the finished stages with their timings, and the
 * figures. Lives inside the workflow (deterministic: time comes from {@link Workflow}); the {@code
 * status()} query reads it.
 */
final class RunState {
  /** The summary of a stage that threw: a failure, or a stage a cancel cut short. */
  private static final String THREW = "failed";

  private final String model;
  private final String runId;
  private final List<StageRecord> history = new ArrayList<>();
  private final Map<String, Double> metrics = new TreeMap<>();
  private Stage stage = Stage.STARTING;
  private Integer modelVersion;
  private Outcome outcome;
  private ValidationVerdict verdict;
  private PolicyApplied policy;
  private CanaryStatus canary;
  private CancelRecord cancellation;

  private final RunVisibility visibility;

  RunState(String model, String runId, RunVisibility visibility) {
    this.model = model;
    this.runId = runId;
    this.visibility = visibility;
  }

  /**
   * Runs one stage: marks it current, times it, and records it with its key figure. A stage that
   * throws is recorded as failed (with no figure) and the exception goes on.
   */
  <T> T stage(Stage s, Functions.Func<T> body, Function<T, String> summary) {
    stage = s;
    visibility.stage(s, Stage.runningSummary(model, modelVersion, s.name()));
    long start = Workflow.currentTimeMillis();
    T result;
    try {
      result = body.apply();
    } catch (RuntimeException e) {
      history.add(new StageRecord(s, start, Workflow.currentTimeMillis() - start, false, THREW));
      throw e;
    }
    history.add(
        new StageRecord(
            s, start, Workflow.currentTimeMillis() - start, true, summary.apply(result)));
    return result;
  }

  /** Records a stage that ended in a business outcome rather than success (e.g. a failed gate). */
  void markLastFailed(String summary) {
    StageRecord last = history.remove(history.size() - 1);
    history.add(
        new StageRecord(
            last.stage(), last.startedAtMillis(), last.durationMillis(), false, summary));
  }

  /**
   * Writes {@code summary} on the stage a cancel cut short (recorded as having thrown); a run
   * stopped between two stages keeps its history as it is.
   */
  void stoppedByCancel(String summary) {
    if (history.isEmpty()) return;
    StageRecord last = history.getLast();
    if (!last.ok() && THREW.equals(last.summary())) markLastFailed(summary);
  }

  /** The cancel that stopped the run, with what its clean-up did: the status query shows it. */
  void setCancellation(CancelRecord c) {
    cancellation = c;
  }

  void setMetrics(Map<String, Double> values) {
    metrics.putAll(values);
  }

  void setModelVersion(int version) {
    modelVersion = version;
    visibility.modelVersion(version);
  }

  void setVerdict(ValidationVerdict v) {
    verdict = v;
  }

  void setPolicy(PolicyApplied p) {
    policy = p;
  }

  PolicyApplied policy() {
    return policy;
  }

  /** The canary the deploy stage is running, or {@code null}: the status query shows it. */
  void canary(CanaryStatus c) {
    canary = c;
  }

  void finish(Outcome o, String headline) {
    outcome = o;
    stage = Stage.COMPLETED;
    visibility.outcome(o, headline);
  }

  Stage stage() {
    return stage;
  }

  Integer modelVersion() {
    return modelVersion;
  }

  Map<String, Double> metrics() {
    return Map.copyOf(metrics);
  }

  List<StageRecord> history() {
    return List.copyOf(history);
  }

  /** {@code requested}: a cancel the run is stopping for, until its clean-up is done. */
  PipelineStatus status(ApprovalWait approval, List<DecisionRecord> audit, CancelRecord requested) {
    return new PipelineStatus(
        model,
        runId,
        stage,
        history(),
        metrics(),
        modelVersion,
        approval,
        audit,
        outcome,
        verdict,
        policy,
        canary,
        cancellation != null ? cancellation : requested);
  }
}
