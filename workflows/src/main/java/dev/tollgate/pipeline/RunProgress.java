package dev.tollgate.pipeline;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.ValidationVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run has found out and decided so far, which its {@link PipelineResult} is made of. The
 * stages ({@link PipelineRun}, {@link ApprovalStage}) write it; nothing here issues a command.
 */
final class RunProgress {
  final PipelineSpec spec;
  final String runId;
  private final RunState state;

  Outcome outcome;
  TrainedModel trained;
  ModelVersion candidate;
  ModelVersion previous;
  ValidationVerdict verdict;
  DecisionRecord decision;
  List<DecisionRecord> decisions = List.of();
  String failure;
  SearchSummary search;

  /** What failed while the run was being cancelled (an activity, undoing a deploy). */
  final List<String> failed = new ArrayList<>();

  /** The cancel that stopped the run (or came after its outcome), or {@code null}. */
  CancelRecord cancelledBy;

  RunProgress(PipelineSpec spec, String runId, RunState state) {
    this.spec = spec;
    this.runId = runId;
    this.state = state;
  }

  void fail(String cause) {
    outcome = Outcome.FAILED;
    failure = cause;
  }

  /** Everyone whose approval made the quorum, in order ("tollgate" for the timeout rule). */
  List<String> approvers() {
    return decisions.stream().map(DecisionRecord::by).toList();
  }

  /** The names of the checks {@code v} failed: "min_r2, max_rmse". */
  static String failedChecks(ValidationVerdict v) {
    return String.join(", ", v.failures().stream().map(c -> c.name()).toList());
  }

  PipelineResult result() {
    return new PipelineResult(
        outcome,
        spec.model(),
        runId,
        state.modelVersion(),
        state.metrics(),
        verdict,
        decision,
        state.history(),
        previous == null ? null : previous.version(),
        failure == null && !failed.isEmpty() ? String.join("; ", failed) : failure,
        search,
        decisions,
        state.policy(),
        cancelledBy);
  }
}
