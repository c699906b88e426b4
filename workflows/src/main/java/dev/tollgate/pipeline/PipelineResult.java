package dev.tollgate.pipeline;

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
 * @param failure the cause when the outcome is FAILED or ROLLED_BACK
 * @param search every trial of the hyperparameter search, {@code null} when the spec has none
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
    SearchSummary search) {

  /** "DEPLOYED energy-load v1 (rmse 41.2, r2 0.87)". */
  public String headline() {
    StringBuilder s = new StringBuilder(outcome.name()).append(' ').append(model);
    if (modelVersion != null) s.append(" v").append(modelVersion);
    String figures = Figures.keyMetrics(metrics);
    if (!figures.isEmpty()) s.append(" (").append(figures).append(')');
    return s.toString();
  }
}
