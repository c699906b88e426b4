package dev.tollgate.pipeline;

import dev.tollgate.policy.PolicyApplied;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.ValidationVerdict;
import java.util.List;
import java.util.Map;

/**
 * What {@link PipelineWorkflow#status()} answers.
 *
 * @param modelVersion {@code null} until the candidate is registered
 * @param approval {@code null} unless the run waits for approval
 * @param outcome {@code null} until the run ends
 * @param audit every decision received, accepted or not
 * @param validation the verdict once validation ran, for the approver to read; else {@code null}
 * @param policy the worker's approval policy the run is held to, and what it raised; {@code null}
 *     before the run read it, and for runs from before policies
 * @param canary the canary while the deploy stage runs one (share, version, bake end); else {@code
 *     null} (also from workers before it)
 * @param cancellation the cancel the run is stopping for (who, why, when), once one was accepted;
 *     else {@code null}
 */
public record PipelineStatus(
    String model,
    String runId,
    Stage stage,
    List<StageRecord> history,
    Map<String, Double> metrics,
    Integer modelVersion,
    ApprovalWait approval,
    List<DecisionRecord> audit,
    Outcome outcome,
    ValidationVerdict validation,
    PolicyApplied policy,
    CanaryStatus canary,
    CancelRecord cancellation) {

  /**
   * The result the run returned, rebuilt from its status once it has ended: an execution that was
   * sent a cancel through Temporal closes as Canceled without a result (the SDK's rule, whatever
   * the workflow returns), but its status query holds the same facts. {@code null} while it runs.
   */
  public PipelineResult asResult() {
    if (outcome == null) return null;
    List<DecisionRecord> accepted = audit.stream().filter(DecisionRecord::accepted).toList();
    return new PipelineResult(
        outcome,
        model,
        runId,
        modelVersion,
        metrics,
        validation,
        accepted.isEmpty() ? null : accepted.getLast(),
        history,
        null,
        null,
        null,
        accepted,
        policy,
        cancellation);
  }
}
