package dev.tollgate.pipeline;

import dev.tollgate.spec.PipelineSpec;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * The pipeline's face to Temporal: the workflow method, and the signals, Updates and queries people
 * send a run. What the run does, stage by stage, is {@link PipelineRun}'s.
 */
public class PipelineWorkflowImpl implements PipelineWorkflow {
  private static final Logger log = Workflow.getLogger(PipelineWorkflowImpl.class);

  private final IdentityCheck identity;

  private PipelineSpec spec;
  private RunState state;
  private RunCancellation cancellation;
  private PipelineRun run;

  /** A worker without an approval key: no decision can be vouched for (the tests, the replayer). */
  public PipelineWorkflowImpl() {
    this(null);
  }

  /**
   * {@code seal}: the deployment's approval key, to check vouched decisions ({@code null}: none).
   */
  public PipelineWorkflowImpl(DecisionSeal seal) {
    this.identity = new IdentityCheck(seal);
  }

  @Override
  public PipelineResult run(PipelineRequest request) {
    spec = request.spec();
    RunOptions options = request.options();
    String runId = options.resolveRunId(Workflow.getInfo().getWorkflowId());
    cancellation = RunCancellation.forRun(() -> state == null ? Stage.STARTING : state.stage());
    state = new RunState(spec.model(), runId, new RunVisibility(spec.model(), options));
    run = new PipelineRun(spec, runId, options, state, cancellation);
    PipelineResult[] result = new PipelineResult[1];
    cancellation.shielded(() -> result[0] = run.stagesAndNotify());
    String headline = result[0].headline();
    state.finish(result[0].outcome(), headline);
    log.info("{} {}", runId, headline);
    return result[0];
  }

  @Override
  public void approve(String by, String comment) {
    signal(new DecisionRequest(true, by, comment));
  }

  @Override
  public void reject(String by, String reason) {
    signal(new DecisionRequest(false, by, reason));
  }

  @Override
  public void validateDecide(DecisionRequest decision) {
    String refusal = run == null ? "the run has not started yet" : run.gate().refusal(decision);
    if (refusal == null) {
      refusal =
          identity.refusal(
              run.gate().subject(),
              decision,
              run.approval().requireIdentity(),
              // workflow time: the same clock the run's timers use, not the worker's
              Workflow.currentTimeMillis());
    }
    if (refusal != null) throw new IllegalArgumentException(refusal);
  }

  @Override
  public DecisionRecord decide(DecisionRequest decision) {
    return run.gate().receive(decision, decision == null ? "update" : decision.via("update"));
  }

  @Override
  public void validateCancel(CancelRequest request) {
    String refusal =
        cancellation == null || state == null
            ? "the run has not started yet"
            : cancellation.refusal(request);
    if (refusal != null) throw new IllegalArgumentException(refusal);
  }

  @Override
  public CancelRecord cancel(CancelRequest request) {
    return cancellation.receive(request, spec.model());
  }

  @Override
  public String approverForSlackUser(String slackUserId) {
    return spec == null ? null : spec.notifications().slackApprovers().get(slackUserId);
  }

  @Override
  public PipelineStatus status() {
    if (state == null || run == null) return null;
    ApprovalGate gate = run.gate();
    return state.status(gate.waiting(), gate.audit(), cancellation.requested());
  }

  private void signal(DecisionRequest decision) {
    if (run == null) {
      log.warn("decision from {} before the run started: ignored", decision.by());
      return;
    }
    DecisionRecord record =
        run.gate()
            .receive(
                decision,
                "signal",
                run.approval().requireIdentity() ? IdentityCheck.signalRefusal() : null);
    if (!record.accepted()) log.warn("decision by signal ignored: {}", record.note());
  }
}
