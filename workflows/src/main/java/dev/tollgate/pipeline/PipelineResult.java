package dev.tollgate.pipeline;

import dev.tollgate.policy.PolicyApplied;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.ValidationVerdict;
import java.util.List;
import java.util.Map;

/**
 * How a run ended, with everything a reviewer wants on one page.
 *
 * @param modelVersion {@code null} when training did not finish
 * @param validation {@code null} when validation did not run
 * @param decision the decision that settled the approval gate, {@code null} when it was not reached
 * @param previousProduction the Production version before this run, {@code null} if none
 * @param failure the cause when the outcome is FAILED or ROLLED_BACK; for CANCELLED what failed on
 *     the way (an activity, or undoing a deploy), else {@code null}
 * @param search every trial of the hyperparameter search, {@code null} when the spec has none
 * @param decisions every decision the gate took, in order (each approval of a quorum, a rejection,
 *     or the timeout rule); empty when the gate was not reached and in results of runs recorded
 *     before the field (those have {@link #decision} only)
 * @param policy the worker's approval policy the run was held to (or refused by), and what it
 *     raised; {@code null} for runs from before policies
 * @param cancellation who cancelled the run, why, at which stage, and (its note) what the clean-up
 *     did; also set when a cancel came after the outcome was decided (the note says so); {@code
 *     null} when nobody cancelled it
 */
public record PipelineResult(
    Outcome outcome,
    String model,
    String runId,
    Integer modelVersion,
    Map<String, Double> metrics,
    ValidationVerdict validation,
    DecisionRecord decision,
    List<StageRecord> stages,
    Integer previousProduction,
    String failure,
    SearchSummary search,
    List<DecisionRecord> decisions,
    PolicyApplied policy,
    CancelRecord cancellation) {

  public PipelineResult {
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
  }

  /**
   * Who made the decision, every one of them: "alice, bob" for a quorum of two, the rejecter, or
   * "tollgate" for the timeout rule; {@code null} when the gate was not reached.
   */
  public String decidedBy() {
    if (decisions.isEmpty()) return decision == null ? null : decision.by();
    return String.join(", ", decisions.stream().map(DecisionRecord::by).toList());
  }

  /** "DEPLOYED energy-load v1 (rmse 41.2, r2 0.87)". */
  public String headline() {
    StringBuilder s = new StringBuilder(outcome.name()).append(' ').append(model);
    if (modelVersion != null) s.append(" v").append(modelVersion);
    String figures = Figures.keyMetrics(metrics);
    if (!figures.isEmpty()) s.append(" (").append(figures).append(')');
    return s.toString();
  }
}
