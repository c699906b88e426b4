package dev.tollgate.pipeline;

import dev.tollgate.report.ValidationText;
import dev.tollgate.spec.ApprovalSpec;
import dev.tollgate.spec.Durations;
import dev.tollgate.stages.Outcome;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The approval stage of a run: people are asked (and reminded, and the escalation asked), the gate
 * waits for its quorum or the timeout, and a rejected or timed-out candidate is archived.
 */
final class ApprovalStage {
  private final RunProgress run;
  private final RunState state;
  private final RunNotices notices;
  private final CandidateArchive archive;
  private final RunCancellation cancellation;
  private final ApprovalGate gate;
  private final ApprovalSpec approval;

  ApprovalStage(
      RunProgress run,
      RunState state,
      RunNotices notices,
      CandidateArchive archive,
      RunCancellation cancellation,
      ApprovalGate gate,
      ApprovalSpec approval) {
    this.run = run;
    this.state = state;
    this.notices = notices;
    this.archive = archive;
    this.cancellation = cancellation;
    this.gate = gate;
    this.approval = approval;
  }

  /** The approval gate; false when the run ends here (rejected or timed out). */
  boolean approved() {
    cancellation.checkpoint(); // nobody is asked to approve a run that is being cancelled
    notices.approvalRequested(run.candidate, run.verdict, run.trained.metrics());
    gate.subject(
        new DecisionSubject(
            Workflow.getInfo().getWorkflowId(),
            Workflow.getInfo().getRunId(),
            run.candidate.version(),
            run.candidate.modelDigest()));
    ApprovalGate.Result result =
        state.stage(
            Stage.AWAITING_APPROVAL,
            () -> cancellation.interruptible(() -> gate.await(this::remind, this::escalated)),
            r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    if (result != ApprovalGate.Result.TIMED_OUT) notices.decided(run.candidate, gate.deciding());
    return switch (result) {
      case APPROVED -> {
        run.decision = gate.deciding();
        run.decisions = gate.settling();
        yield true;
      }
      case REJECTED -> {
        run.decision = gate.deciding();
        run.decisions = gate.settling();
        state.markLastFailed("rejected by " + run.decision.by());
        run.outcome = Outcome.REJECTED_BY_APPROVER;
        archive.archive(run.candidate, run.runId, "rejected_by_approver: " + run.decision.by());
        yield false;
      }
      case TIMED_OUT -> timedOut();
    };
  }

  /** The timeout's rule: approve, or end the run and archive the candidate. */
  private boolean timedOut() {
    boolean approveOnTimeout = approval.onTimeout() == ApprovalSpec.TimeoutAction.APPROVE;
    run.decision = gate.recordTimeout(approveOnTimeout);
    run.decisions = List.of(run.decision);
    if (approveOnTimeout) return true;
    state.markLastFailed("timed out after " + Durations.format(approval.timeout()));
    run.outcome = Outcome.APPROVAL_TIMED_OUT;
    archive.archive(run.candidate, run.runId, "approval_timed_out");
    return false;
  }

  private void escalated(List<String> to) {
    notices.escalated(
        run.candidate,
        to,
        gate.askedOf(),
        ValidationText.render(run.candidate.label(), run.verdict, run.trained.metrics()));
  }

  private void remind(Duration waited) {
    notices.reminder(run.candidate, waited);
  }
}
