package dev.tollgate.pipeline;

import dev.tollgate.policy.PolicyApplied;
import dev.tollgate.report.ValidationText;
import dev.tollgate.spec.Durations;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.ApprovalDecided;
import dev.tollgate.stages.ApprovalEscalated;
import dev.tollgate.stages.ApprovalReminder;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.EventHeader;
import dev.tollgate.stages.IdenticalModel;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RunFinished;
import dev.tollgate.stages.RunStarted;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * What a run tells people, and when: the events of one run, numbered, routed by the spec's {@code
 * notify:} section. They are sent in order, as local activities (ADR 0007), but without holding the
 * run up (a Slack outage must not delay an approval or a deploy), and the run waits for them only
 * at its end.
 *
 * <p>A notification that cannot be delivered is logged and counted ({@code
 * tollgate_notifications_failed}) through {@link Workflow#getMetricsScope()}, whose metrics are not
 * emitted again when the workflow is replayed.
 */
final class RunNotices {
  private static final Logger log = Workflow.getLogger(RunNotices.class);

  private final NotifyActivities notify =
      Workflow.newLocalActivityStub(NotifyActivities.class, StageOptions.notifyLocal());
  private final PipelineSpec spec;
  private final String runId;
  private final List<Sent> pending = new ArrayList<>();
  private Promise<Void> tail;
  private int seq;
  private PolicyApplied policy;

  private record Sent(PipelineEvent event, Promise<Void> delivered) {}

  RunNotices(PipelineSpec spec, String runId) {
    this.spec = spec;
    this.runId = runId;
  }

  /** The approval policy the run is held to, named in its {@code FINISHED} event. */
  void policy(PolicyApplied applied) {
    policy = applied;
  }

  void started(RunOptions options) {
    send(
        new RunStarted(
            header(spec.model() + " run " + runId + " started by " + options.triggeredBy()),
            options.triggerOrManual().value(),
            options.triggeredBy(),
            options.reason() == null ? "" : options.reason(),
            options.commit()));
  }

  /** Who is asked, where the reports are, and the boxed summary the approver reads. */
  void approvalRequested(
      ModelVersion candidate, ValidationVerdict verdict, Map<String, Double> metrics) {
    String identical =
        IdenticalModel.production(verdict).map(v -> ", identical to " + v).orElse("");
    send(
        new ApprovalRequested(
            header(
                "Approve "
                    + candidate.label()
                    + identical
                    + " ("
                    + Figures.keyMetrics(metrics)
                    + ")?"),
            candidate.version(),
            spec.approval().approvers(),
            ValidationText.render(candidate.label(), verdict, metrics),
            verdict.reportUri(),
            verdict.htmlReportUri(),
            IdenticalModel.production(verdict).orElse(null)));
  }

  void reminder(ModelVersion candidate, Duration waited) {
    send(
        new ApprovalReminder(
            header(
                candidate.label() + " still waits for approval (" + Durations.format(waited) + ")"),
            spec.approval().approvers()));
  }

  void escalated(ModelVersion candidate, List<String> to, List<String> askedOf, String summary) {
    send(
        new ApprovalEscalated(
            header(
                candidate.label()
                    + " waits for approval: now asking "
                    + String.join(", ", to)
                    + " too"),
            askedOf,
            to,
            summary));
  }

  void decided(ModelVersion candidate, DecisionRecord d) {
    send(
        new ApprovalDecided(
            header(candidate.label() + (d.approve() ? " approved by " : " rejected by ") + d.by()),
            d.by(),
            d.approve(),
            d.comment() == null ? "" : d.comment(),
            d.via()));
  }

  /** The outcome, with what deployed or failed, and how each stage took. */
  void finished(PipelineResult r, RunOptions options) {
    send(
        new RunFinished(
            header(r.headline()),
            r.outcome(),
            options.triggerOrManual().value(),
            r.modelVersion(),
            r.metrics(),
            r.decision() != null ? r.decidedBy() : null,
            !r.decisions().isEmpty() ? Decisions.describe(r.decisions()) : null,
            r.validation() == null ? null : r.validation().reportUri(),
            r.validation() == null ? null : r.validation().htmlReportUri(),
            r.failure(),
            FinishedFields.comparison(r),
            FinishedFields.cancellation(r.cancellation()),
            policy == null ? null : policy.label(),
            policy == null ? List.of() : policy.raised(),
            options.commit()));
  }

  /** Waits for every notification still in flight; those that failed are logged and counted. */
  void awaitDelivered() {
    for (Sent s : pending) {
      try {
        s.delivered().get();
      } catch (ActivityFailure e) {
        lost(s.event(), e);
      }
    }
    pending.clear();
  }

  /** The run, the message, the route and the event's number. */
  private EventHeader header(String message) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    return new EventHeader(spec.model(), runId, workflowId, message, spec.notifications(), ++seq);
  }

  private void send(PipelineEvent event) {
    // One after the other, so a run's first Slack message exists before its thread replies;
    // an undelivered one does not hold back the next.
    Promise<Void> delivered =
        tail == null
            ? Async.procedure(notify::publish, event)
            : tail.handle((ok, failed) -> (Void) null)
                .thenCompose(ignored -> Async.procedure(notify::publish, event));
    tail = delivered;
    pending.add(new Sent(event, delivered));
  }

  /** A lost notification must not change what happened to the model. */
  private void lost(PipelineEvent event, ActivityFailure e) {
    log.warn("notification {} of {} not delivered: {}", event.kind(), runId, Failures.describe(e));
    Workflow.getMetricsScope()
        .tagged(
            Map.of(
                "model",
                spec.model(),
                "event",
                event.kind().name().toLowerCase(java.util.Locale.ROOT)))
        .counter("tollgate_notifications_failed")
        .inc(1);
  }
}
