package dev.tollgate.pipeline;

import dev.tollgate.policy.PolicyRefusal;
import dev.tollgate.spec.ApprovalSpec;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.TrainingSpec;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegisteredCandidate;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.ValidateActivities;
import dev.tollgate.stages.ValidationRequest;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;

/**
 * One run's stages: train → validate → approve → deploy, then notify whatever the outcome; a pull
 * request's check run ({@link CheckRun}) stops after validation. Failed gates are outcomes, a
 * cancel stops the stages at a safe point ({@link RunCancellation}) and becomes the outcome, and
 * every piece of I/O is an activity. {@link PipelineWorkflowImpl} is the run's face to Temporal;
 * this is what the run does.
 */
final class PipelineRun {
  private final TrainActivities train =
      Workflow.newActivityStub(TrainActivities.class, StageOptions.train());
  private final ValidateActivities validate =
      Workflow.newActivityStub(ValidateActivities.class, StageOptions.validate());

  /** The registry's calls are local activities: short idempotent transactions (ADR 0008). */
  private final RegistryActivities registry =
      Workflow.newLocalActivityStub(RegistryActivities.class, StageOptions.registryLocal());

  private final DeployActivities deploy =
      Workflow.newActivityStub(DeployActivities.class, StageOptions.deploy());

  private final PipelineSpec spec;

  /**
   * What the stages read: the spec, or for a pull request's check run the spec with its data cut to
   * {@code pull_request.max_rows} rows (train, search and validation read the same rows, so the
   * holdout is the same). The registry keeps {@link #spec}'s digest and JSON.
   */
  private final PipelineSpec bounded;

  private final RunOptions options;
  private final RunState state;
  private final RunCancellation cancellation;
  private final RunNotices notices;
  private final CandidateArchive archive = new CandidateArchive(registry);
  private final RunProgress progress;

  /** The spec's approval section held to the worker's policy (as it was, before the policy). */
  private ApprovalSpec approval;

  private ApprovalGate gate;

  PipelineRun(
      PipelineSpec spec,
      String runId,
      RunOptions options,
      RunState state,
      RunCancellation cancellation) {
    this.spec = spec;
    this.bounded = CheckRun.of(options) ? CheckRun.bounded(spec) : spec;
    this.options = options;
    this.state = state;
    this.cancellation = cancellation;
    this.notices = new RunNotices(spec, runId);
    this.progress = new RunProgress(spec, runId, state);
    this.approval = spec.approval();
    this.gate = new ApprovalGate(approval, spec.model());
  }

  /** The approval gate decisions go to (the policy's, once the run has read it). */
  ApprovalGate gate() {
    return gate;
  }

  /** The approval rules in force: the spec's, held to the worker's policy. */
  ApprovalSpec approval() {
    return approval;
  }

  /** Every stage, then notify; returns the run's result. */
  PipelineResult stagesAndNotify() {
    notices.started(options);
    try {
      if (adoptPolicy()) execute();
    } catch (ActivityFailure e) {
      if (cancellation.requested() == null) progress.fail(Failures.describe(e));
      else progress.failed.add(Failures.describe(e)); // failed on the way out: the cancel decides
    } catch (CanceledFailure e) {
      if (cancellation.requested() == null) throw e; // not ours
    }
    if (cancellation.requested() != null) {
      new RunCancelled(progress, state, cancellation, archive).cancelled(cancellation.requested());
    }
    cancellation.close();
    state.stage(
        Stage.NOTIFYING,
        () -> {
          notices.finished(progress.result(), options);
          notices.awaitDelivered();
          return null;
        },
        ignored -> "sent");
    cancellation.awaitHandlers();
    return progress.result();
  }

  /**
   * Holds the gate to the worker's approval policy ({@link RunPolicy}); false when the policy
   * refuses the spec: the run then ends FAILED with the refusal, before anything is trained.
   */
  private boolean adoptPolicy() {
    EffectiveApproval effective;
    try {
      effective = RunPolicy.forRun(spec);
    } catch (PolicyRefusal e) {
      state.setPolicy(e.policy());
      notices.policy(e.policy());
      progress.fail("refused by the worker's approval policy: " + e.getMessage());
      return false;
    }
    approval = effective.approval();
    gate = new ApprovalGate(approval, spec.model());
    state.setPolicy(effective.policy());
    notices.policy(effective.policy());
    return true;
  }

  private void execute() {
    TrainingSpec training = spec.training();
    if (training.search() != null) {
      progress.search =
          state.stage(
              Stage.SEARCHING,
              () ->
                  cancellation.interruptible(
                      () -> new HyperparameterSearch(train).run(bounded, progress.runId)),
              HyperparameterSearch::describe);
      SearchSummary search = progress.search;
      if (search.bestIndex() == null) {
        state.markLastFailed("all " + search.trials().size() + " trials failed");
        progress.fail(
            "search: all "
                + search.trials().size()
                + " trials failed; first: "
                + search.trials().get(0).failure());
        return;
      }
      training = training.withParams(search.bestParams());
    }
    trainAndRegister(training);
    if (!validated()) return;
    if (CheckRun.of(options)) {
      // a pull request's check: never staging, approval, deploy or promote
      progress.outcome = Outcome.VALIDATED;
      return;
    }
    if (!staged()) return;
    if (!new ApprovalStage(progress, state, notices, archive, cancellation, gate, approval)
        .approved()) return;
    new ReleaseStage(progress, state, deploy, registry, archive, cancellation).deployAndCheck();
  }

  /**
   * Trains the candidate, then registers it and reads the Production version it is measured
   * against.
   */
  private void trainAndRegister(TrainingSpec chosen) {
    String runId = progress.runId;
    progress.trained =
        state.stage(
            Stage.TRAINING,
            () ->
                cancellation.interruptible(
                    () ->
                        trainer(chosen)
                            .train(
                                new TrainRequest(
                                    spec.model(), runId, spec.task(), bounded.data(), chosen))),
            t -> Figures.keyMetrics(t.metrics()));
    state.setMetrics(progress.trained.metrics());
    RegisteredCandidate registered =
        registry.registerCandidateAndReadProduction(
            new RegisterRequest(
                spec.model(),
                runId,
                progress.trained.artifactUri(),
                progress.trained.modelDigest(),
                progress.trained.metrics(),
                progress.trained.dataDigest(),
                SpecJson.digest(spec),
                SpecJson.json(spec),
                CommitLineage.addTo(progress.trained.lineage(), options.commit()),
                CheckRun.of(options) ? RegisterRequest.PULL_REQUEST : null));
    progress.candidate = registered.candidate();
    progress.previous = registered.production();
    state.setModelVersion(progress.candidate.version());
  }

  /**
   * The train stage's stub: a catalogue algorithm on {@link StageOptions#train}; the spec's command
   * (or an import) on {@link StageOptions#trainCommand}, with the command's own timeout. The same
   * activity either way (the worker's implementation runs the command), so a catalogue run issues
   * exactly the commands it did before commands existed.
   */
  private TrainActivities trainer(TrainingSpec chosen) {
    if (!chosen.byCommand()) return train;
    return Workflow.newActivityStub(
        TrainActivities.class,
        // training.task_queue: a worker pool may train elsewhere (TrainingRoute)
        TrainingRoute.apply(StageOptions.trainCommand(chosen.command()), chosen));
  }

  /** Validation; false when the candidate fails it (archived, the run REJECTED_BY_VALIDATION). */
  private boolean validated() {
    ValidationVerdict verdict =
        state.stage(
            Stage.VALIDATING,
            () ->
                cancellation.interruptible(
                    () ->
                        validate.validate(
                            new ValidationRequest(
                                bounded,
                                progress.runId,
                                progress.candidate,
                                progress.trained,
                                progress.previous,
                                RunVisibility.describe(options),
                                options.evidence(),
                                options.commit()))),
            v ->
                v.passed()
                    ? "passed " + Figures.count(v.checks().size(), "check")
                    : "failed: " + RunProgress.failedChecks(v));
    progress.verdict = verdict;
    state.setVerdict(verdict);
    if (verdict.passed()) return true;
    String failed = RunProgress.failedChecks(verdict);
    state.markLastFailed("failed: " + failed);
    progress.outcome = Outcome.REJECTED_BY_VALIDATION;
    archive.archive(progress.candidate, progress.runId, "rejected_by_validation: " + failed);
    return false;
  }

  /**
   * The environments before the approval gate (staging): deployed and smoke-tested there, no one
   * asked. A failed smoke test ends the run before anyone is asked to approve.
   */
  private boolean staged() {
    for (DeploySpec.Environment env : spec.deploy().beforeApproval()) {
      DeployStage.Result r =
          state.stage(
              Stage.STAGING,
              () ->
                  new DeployStage(deploy, registry, cancellation)
                      .inEnvironment(spec, env, progress.candidate, progress.runId),
              x -> env.name() + ": smoke test " + (x.smoke().passed() ? "passed" : "failed"));
      if (!r.smoke().passed()) {
        progress.failure = env.name() + " smoke test failed: " + r.smoke().message();
        progress.outcome = Outcome.FAILED;
        archive.archive(
            progress.candidate,
            progress.runId,
            env.name() + "_smoke_failed: " + r.smoke().message());
        state.markLastFailed(progress.failure);
        return false;
      }
    }
    return true;
  }
}
