package dev.tollgate.pipeline;

import dev.tollgate.policy.PolicyApplied;
import dev.tollgate.report.ValidationText;
import dev.tollgate.spec.Durations;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.IdenticalModel;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        PipelineEvent.Kind.RUN_STARTED,
        spec.model() + " run " + runId + " started by " + options.triggeredBy(),
        Map.of(
            "trigger", options.triggerOrManual().value(),
            "triggered_by", String.valueOf(options.triggeredBy()),
            "reason", options.reason() == null ? "" : options.reason()));
  }

  /** Who is asked, where the reports are, and the boxed summary the approver reads. */
  void approvalRequested(
      ModelVersion candidate, ValidationVerdict verdict, Map<String, Double> metrics) {
    Map<String, String> fields = new TreeMap<>();
    fields.put("approvers", String.join(",", spec.approval().approvers()));
    if (verdict.reportUri() != null) fields.put("report", verdict.reportUri());
    if (verdict.htmlReportUri() != null) fields.put("html_report", verdict.htmlReportUri());
    fields.put("summary", ValidationText.render(candidate.label(), verdict, metrics));
    fields.put("version", Integer.toString(candidate.version()));
    String identical =
        IdenticalModel.production(verdict).map(v -> ", identical to " + v).orElse("");
    IdenticalModel.production(verdict).ifPresent(v -> fields.put("identical_to", v));
    send(
        PipelineEvent.Kind.APPROVAL_REQUESTED,
        "Approve " + candidate.label() + identical + " (" + Figures.keyMetrics(metrics) + ")?",
        fields);
  }

  void reminder(ModelVersion candidate, Duration waited) {
    send(
        PipelineEvent.Kind.APPROVAL_REMINDER,
        candidate.label() + " still waits for approval (" + Durations.format(waited) + ")",
        Map.of("approvers", String.join(",", spec.approval().approvers())));
  }

  void escalated(ModelVersion candidate, List<String> to, List<String> askedOf, String summary) {
    send(
        PipelineEvent.Kind.APPROVAL_ESCALATED,
        candidate.label() + " waits for approval: now asking " + String.join(", ", to) + " too",
        Map.of(
            "approvers", String.join(",", askedOf),
            "escalated_to", String.join(",", to),
            "summary", summary));
  }

  void decided(ModelVersion candidate, DecisionRecord d) {
    send(
        PipelineEvent.Kind.DECIDED,
        candidate.label() + (d.approve() ? " approved by " : " rejected by ") + d.by(),
        Map.of(
            "decided_by", d.by(),
            "approved", Boolean.toString(d.approve()),
            "comment", d.comment() == null ? "" : d.comment(),
            "via", String.valueOf(d.via())));
  }

  /** The outcome, with what deployed or failed, and how each stage took. */
  void finished(PipelineResult r, RunOptions options) {
    Map<String, String> fields = new TreeMap<>();
    fields.put("outcome", r.outcome().name());
    fields.put("trigger", options.triggerOrManual().value());
    if (r.modelVersion() != null) fields.put("version", Integer.toString(r.modelVersion()));
    r.metrics().forEach((k, v) -> fields.put(k, Figures.number(v)));
    if (r.decision() != null) fields.put("decided_by", r.decidedBy());
    if (!r.decisions().isEmpty()) fields.put("decisions", Decisions.describe(r.decisions()));
    if (r.validation() != null) fields.put("report", r.validation().reportUri());
    if (r.validation() != null && r.validation().htmlReportUri() != null) {
      fields.put("html_report", r.validation().htmlReportUri());
    }
    if (r.failure() != null) fields.put("failure", r.failure());
    FinishedFields.addComparison(r, fields);
    FinishedFields.addCancellation(r.cancellation(), fields);
    if (policy != null) {
      fields.put("policy", policy.label());
      if (!policy.raised().isEmpty())
        fields.put("policy_raised", String.join(", ", policy.raised()));
    }
    send(PipelineEvent.Kind.FINISHED, r.headline(), fields);
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

  private void send(PipelineEvent.Kind kind, String message, Map<String, String> fields) {
    PipelineEvent event =
        new PipelineEvent(
            kind,
            spec.model(),
            runId,
            Workflow.getInfo().getWorkflowId(),
            message,
            fields,
            spec.notifications(),
            ++seq);
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
