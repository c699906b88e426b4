package dev.tollgate.pipeline;

import dev.tollgate.policy.PolicyRefusal;
import dev.tollgate.report.ValidationText;
import dev.tollgate.spec.ApprovalSpec;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.Durations;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.TrainingSpec;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegisteredCandidate;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.RollbackRequest;
import dev.tollgate.stages.SmokeTestResult;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.ValidateActivities;
import dev.tollgate.stages.ValidationRequest;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * train → validate → approve → deploy → notify. Orchestration only: every piece of I/O is an
 * activity, failed gates are outcomes, and notify runs whatever the outcome.
 */
public class PipelineWorkflowImpl implements PipelineWorkflow {
  private static final Logger log = Workflow.getLogger(PipelineWorkflowImpl.class);

  private final TrainActivities train =
      Workflow.newActivityStub(TrainActivities.class, StageOptions.train());
  private final ValidateActivities validate =
      Workflow.newActivityStub(ValidateActivities.class, StageOptions.validate());

  /** Chosen per run: remote activities, or local ones since version 3 of FewerRoundTrips. */
  private RegistryActivities registry;

  private final DeployActivities deploy =
      Workflow.newActivityStub(DeployActivities.class, StageOptions.deploy());

  private final IdentityCheck identity;

  private PipelineSpec spec;

  /** The spec's approval section held to the worker's policy (as it was, before the policy). */
  private ApprovalSpec approval;

  private RunState state;
  private ApprovalGate gate;
  private CandidateArchive archive;
  private RunNotices notices;
  private RunCancellation cancellation;

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
    int shape = FewerRoundTrips.forRun();
    cancellation = RunCancellation.forRun(() -> state == null ? Stage.STARTING : state.stage());
    boolean fewerTrips = shape >= 1;
    registry = registryFor(shape);
    state =
        new RunState(
            spec.model(),
            runId,
            RunVisibility.forRun(
                spec.model(), options, fewerTrips, shape >= FewerRoundTrips.MEMO_AT_START_AND_END));
    approval = spec.approval();
    gate = new ApprovalGate(approval, spec.model());
    archive = CandidateArchive.forRun(registry, fewerTrips);
    notices = RunNotices.forRun(spec, runId, fewerTrips);
    Run run = new Run(spec, runId, options, fewerTrips);
    cancellation.shielded(() -> stagesAndNotify(run, options));
    String headline = run.result().headline();
    state.finish(run.outcome, headline);
    log.info("{} {}", runId, headline);
    return run.result();
  }

  /**
   * Every stage, then notify. A cancel (since {@link RunCancellation}'s marker) stops the stages at
   * a safe point and becomes the outcome, unless the outcome was decided before it.
   */
  private void stagesAndNotify(Run run, RunOptions options) {
    notices.started(options);
    try {
      if (adoptPolicy(run)) run.execute();
    } catch (ActivityFailure e) {
      if (cancellation.requested() == null) run.fail(Failures.describe(e));
      else run.failed.add(Failures.describe(e)); // failed on the way out: the cancel decides
    } catch (CanceledFailure e) {
      if (cancellation.requested() == null) throw e; // not ours: as before the marker
    }
    if (cancellation.requested() != null) run.cancelled(cancellation.requested());
    cancellation.close();
    state.stage(
        Stage.NOTIFYING,
        () -> {
          notices.finished(run.result(), options);
          notices.awaitDelivered();
          return null;
        },
        ignored -> "sent");
    cancellation.awaitHandlers();
  }

  /**
   * Holds the gate to the worker's approval policy ({@link RunPolicy}); false when the policy
   * refuses the spec: the run then ends FAILED with the refusal, before anything is trained.
   */
  private boolean adoptPolicy(Run run) {
    EffectiveApproval effective;
    try {
      effective = RunPolicy.forRun(spec);
    } catch (PolicyRefusal e) {
      state.setPolicy(e.policy());
      notices.policy(e.policy());
      run.fail("refused by the worker's approval policy: " + e.getMessage());
      return false;
    }
    if (effective == null) return true;
    approval = effective.approval();
    gate = new ApprovalGate(approval, spec.model());
    state.setPolicy(effective.policy());
    notices.policy(effective.policy());
    return true;
  }

  /**
   * Since version 3 of {@link FewerRoundTrips} the registry's calls are local activities: short
   * idempotent transactions, run by this worker in the workflow task that needs their answer, with
   * no task queue and no workflow task of their own (ADR 0008).
   */
  private static RegistryActivities registryFor(int shape) {
    if (shape >= FewerRoundTrips.REGISTRY_LOCAL) {
      return Workflow.newLocalActivityStub(RegistryActivities.class, StageOptions.registryLocal());
    }
    return Workflow.newActivityStub(RegistryActivities.class, StageOptions.registry());
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
    String refusal = gate == null ? "the run has not started yet" : gate.refusal(decision);
    if (refusal == null) {
      refusal =
          identity.refusal(
              gate.subject(),
              decision,
              approval.requireIdentity(),
              // workflow time: the same clock the run's timers use, not the worker's
              Workflow.currentTimeMillis());
    }
    if (refusal != null) throw new IllegalArgumentException(refusal);
  }

  @Override
  public DecisionRecord decide(DecisionRequest decision) {
    return gate.receive(decision, decision == null ? "update" : decision.via("update"));
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
    if (state == null) return null;
    return state.status(gate.waiting(), gate.audit(), cancellation.requested());
  }

  private void signal(DecisionRequest decision) {
    if (gate == null) {
      log.warn("decision from {} before the run started: ignored", decision.by());
      return;
    }
    DecisionRecord record =
        gate.receive(
            decision, "signal", approval.requireIdentity() ? IdentityCheck.signalRefusal() : null);
    if (!record.accepted()) log.warn("decision by signal ignored: {}", record.note());
  }

  /** One run's mutable progress; the stages in order. */
  private final class Run {
    final PipelineSpec spec;
    final String runId;
    final RunOptions options;
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

    final boolean fewerTrips;

    Run(PipelineSpec spec, String runId, RunOptions options, boolean fewerTrips) {
      this.spec = spec;
      this.runId = runId;
      this.options = options;
      this.fewerTrips = fewerTrips;
    }

    void execute() {
      TrainingSpec training = spec.training();
      if (training.search() != null) {
        // Only specs with a search reach this branch, and no such spec existed before it, so
        // older histories replay unchanged without a version marker.
        search =
            state.stage(
                Stage.SEARCHING,
                () ->
                    cancellation.interruptible(
                        () -> new HyperparameterSearch(train).run(spec, runId)),
                HyperparameterSearch::describe);
        if (search.bestIndex() == null) {
          state.markLastFailed("all " + search.trials().size() + " trials failed");
          fail(
              "search: all "
                  + search.trials().size()
                  + " trials failed; first: "
                  + search.trials().get(0).failure());
          return;
        }
        training = training.withParams(search.bestParams());
      }
      TrainingSpec chosen = training;
      trained =
          state.stage(
              Stage.TRAINING,
              () ->
                  cancellation.interruptible(
                      () ->
                          train.train(
                              new TrainRequest(
                                  spec.model(), runId, spec.task(), spec.data(), chosen))),
              t -> Figures.keyMetrics(t.metrics()));
      state.setMetrics(trained.metrics());
      register(
          new RegisterRequest(
              spec.model(),
              runId,
              trained.artifactUri(),
              trained.modelDigest(),
              trained.metrics(),
              trained.dataDigest(),
              SpecJson.digest(spec),
              SpecJson.json(spec)));

      verdict =
          state.stage(
              Stage.VALIDATING,
              () ->
                  cancellation.interruptible(
                      () ->
                          validate.validate(
                              new ValidationRequest(
                                  spec,
                                  runId,
                                  candidate,
                                  trained,
                                  previous,
                                  RunVisibility.describe(options),
                                  options.evidence()))),
              v ->
                  v.passed()
                      ? "passed " + Figures.count(v.checks().size(), "check")
                      : "failed: " + names(v));
      state.setVerdict(verdict);
      if (!verdict.passed()) {
        state.markLastFailed("failed: " + names(verdict));
        outcome = Outcome.REJECTED_BY_VALIDATION;
        archive.archive(candidate, runId, "rejected_by_validation: " + names(verdict));
        return;
      }

      if (!staged()) return;

      if (!approved()) return;

      deployAndCheck();
    }

    /** The candidate into the registry, and the Production version it is measured against. */
    private void register(RegisterRequest request) {
      if (fewerTrips) {
        RegisteredCandidate registered = registry.registerCandidateAndReadProduction(request);
        candidate = registered.candidate();
        previous = registered.production();
        state.setModelVersion(candidate.version());
        return;
      }
      candidate = registry.registerCandidate(request);
      state.setModelVersion(candidate.version());
      previous = registry.currentProduction(spec.model());
    }

    /**
     * The environments before the approval gate (staging): deployed and smoke-tested there, no one
     * asked. A failed smoke test ends the run before anyone is asked to approve. Specs with
     * environments did not exist before them, so older histories replay unchanged.
     */
    private boolean staged() {
      for (DeploySpec.Environment env : spec.deploy().beforeApproval()) {
        DeployStage.Result r =
            state.stage(
                Stage.STAGING,
                () ->
                    new DeployStage(deploy, registry, fewerTrips, cancellation)
                        .inEnvironment(spec, env, candidate, runId),
                x -> env.name() + ": smoke test " + (x.smoke().passed() ? "passed" : "failed"));
        if (!r.smoke().passed()) {
          failure = env.name() + " smoke test failed: " + r.smoke().message();
          outcome = Outcome.FAILED;
          archive.archive(candidate, runId, env.name() + "_smoke_failed: " + r.smoke().message());
          state.markLastFailed(failure);
          return false;
        }
      }
      return true;
    }

    /** The approval gate; false when the run ends here (rejected or timed out). */
    private boolean approved() {
      cancellation.checkpoint(); // nobody is asked to approve a run that is being cancelled
      notices.approvalRequested(candidate, verdict, trained.metrics());
      gate.subject(
          new DecisionSubject(
              Workflow.getInfo().getWorkflowId(),
              Workflow.getInfo().getRunId(),
              candidate.version(),
              candidate.modelDigest()));
      ApprovalGate.Result result =
          state.stage(
              Stage.AWAITING_APPROVAL,
              () -> cancellation.interruptible(() -> gate.await(this::remind, this::escalated)),
              r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      if (result != ApprovalGate.Result.TIMED_OUT) notices.decided(candidate, gate.deciding());
      switch (result) {
        case APPROVED -> {
          decision = gate.deciding();
          decisions = gate.settling();
        }
        case REJECTED -> {
          decision = gate.deciding();
          decisions = gate.settling();
          state.markLastFailed("rejected by " + decision.by());
          outcome = Outcome.REJECTED_BY_APPROVER;
          archive.archive(candidate, runId, "rejected_by_approver: " + decision.by());
          return false;
        }
        case TIMED_OUT -> {
          boolean approveOnTimeout = approval.onTimeout() == ApprovalSpec.TimeoutAction.APPROVE;
          decision = gate.recordTimeout(approveOnTimeout);
          decisions = List.of(decision);
          if (!approveOnTimeout) {
            state.markLastFailed("timed out after " + Durations.format(approval.timeout()));
            outcome = Outcome.APPROVAL_TIMED_OUT;
            archive.archive(candidate, runId, "approval_timed_out");
            return false;
          }
        }
      }
      return true;
    }

    private void escalated(List<String> to) {
      notices.escalated(
          candidate,
          to,
          gate.askedOf(),
          ValidationText.render(candidate.label(), verdict, trained.metrics()));
    }

    private void remind(Duration waited) {
      notices.reminder(candidate, waited);
    }

    /** Deploy, smoke-test, then promote; a failed smoke test is compensated by a rollback. */
    private void deployAndCheck() {
      DeployStage.Result deployed =
          state.stage(
              Stage.DEPLOYING,
              () ->
                  new DeployStage(deploy, registry, fewerTrips, cancellation, state::canary)
                      .run(spec, candidate, previous, runId, approvers()),
              DeploySummary::of);
      SmokeTestResult smoke = deployed.smoke();
      if (smoke.passed()) {
        outcome = Outcome.DEPLOYED;
        if (spec.deploy().watch() != null) watch(deployed.deployment());
        return;
      }
      failure = "smoke test failed: " + smoke.message();
      outcome = spec.deploy().rollbackOnSmokeFailure() ? Outcome.ROLLED_BACK : Outcome.FAILED;
      archive.archive(candidate, runId, "smoke_failed: " + smoke.message());
      state.markLastFailed(DeploySummary.failed(deployed, outcome == Outcome.ROLLED_BACK));
    }

    /**
     * The degradation watch; a degraded model goes back to the previous one, serving and registry.
     */
    private void watch(Deployment d) {
      DegradationWatch.Result w =
          state.stage(
              Stage.WATCHING,
              () ->
                  new DegradationWatch(deploy, cancellation)
                      .run(spec, candidate, trained.metrics()),
              DegradationWatch.Result::describe);
      if (!w.degraded()) return;
      if (previous == null) {
        state.markLastFailed("degraded, and no earlier version to roll back to: " + w.reason());
        return;
      }
      deploy.rollback(d, previous);
      // Its own audit run id: this run's id already moved the candidate into Production.
      registry.restoreProduction(
          new RollbackRequest(
              spec.model(),
              previous.version(),
              runId + "-watch",
              "pipeline",
              "degraded: " + w.reason()));
      outcome = Outcome.ROLLED_BACK;
      failure = "degraded: " + w.reason();
      state.markLastFailed("rolled back: " + failure);
    }

    void fail(String cause) {
      outcome = Outcome.FAILED;
      failure = cause;
    }

    /**
     * A cancel stopped the stages. Before the outcome was decided: what was deployed is taken back,
     * the candidate archived (reason {@code cancelled}), and the run ends CANCELLED. After it (a
     * degradation watch, a gate's archiving): the outcome stands, and the cancel is noted.
     */
    void cancelled(CancelRecord c) {
      if (outcome != null) {
        cancelledBy = c.withNote("came after the outcome " + outcome.name() + ": nothing undone");
        state.setCancellation(cancelledBy);
        state.stoppedByCancel("stopped: cancelled " + c.describe());
        return;
      }
      List<String> done = cancellation.undo(failed);
      if (candidate != null) {
        try {
          archive.archive(candidate, runId, c.archiveReason());
          done.add(candidate.label() + " archived");
        } catch (ActivityFailure e) {
          String f = "archiving " + candidate.label() + " failed: " + Failures.describe(e);
          done.add(f);
          failed.add(f);
        }
      }
      outcome = Outcome.CANCELLED;
      cancelledBy = c.withNote(done.isEmpty() ? "nothing to undo" : String.join("; ", done));
      state.setCancellation(cancelledBy);
      state.stoppedByCancel("cancelled " + c.describe());
    }

    /** Everyone whose approval made the quorum, in order ("tollgate" for the timeout rule). */
    private List<String> approvers() {
      return decisions.stream().map(DecisionRecord::by).toList();
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

    private String names(ValidationVerdict v) {
      List<String> failed = v.failures().stream().map(c -> c.name()).toList();
      return String.join(", ", failed);
    }
  }
}
