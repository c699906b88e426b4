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
 * notify:} section. Since marker {@value #MARKER} they are sent in order but without holding the
 * run up (a Slack outage must not delay an approval or a deploy) and the run waits for them only at
 * its end; runs recorded before it sent each one in line and knew fewer events, and replay that
 * way.
 *
 * <p>A notification that cannot be delivered is logged and counted ({@code
 * tollgate_notifications_failed}) through {@link Workflow#getMetricsScope()}, whose metrics are not
 * emitted again when the workflow is replayed.
 */
final class RunNotices {
  private static final Logger log = Workflow.getLogger(RunNotices.class);

  static final String MARKER = "notify-events";

  private final NotifyActivities notify;
  private final PipelineSpec spec;
  private final String runId;
  private final boolean current;
  private final List<Sent> pending = new ArrayList<>();
  private Promise<Void> tail;
  private int seq;
  private PolicyApplied policy;

  private record Sent(PipelineEvent event, Promise<Void> delivered) {}

  private RunNotices(PipelineSpec spec, String runId, boolean current, boolean local) {
    this.notify =
        local
            ? Workflow.newLocalActivityStub(NotifyActivities.class, StageOptions.notifyLocal())
            : Workflow.newActivityStub(NotifyActivities.class, StageOptions.notifyStage());
    this.spec = spec;
    this.runId = runId;
    this.current = current;
  }

  /**
   * Reads (or, on a new run, records) the marker; call where the run starts. {@code local}: sent as
   * local activities ({@link FewerRoundTrips}).
   */
  static RunNotices forRun(PipelineSpec spec, String runId, boolean local) {
    // A run since FewerRoundTrips numbers its events without a marker of its own.
    if (local) return new RunNotices(spec, runId, true, true);
    int v = Workflow.getVersion(MARKER, Workflow.DEFAULT_VERSION, 1);
    return new RunNotices(spec, runId, v >= 1, false);
  }

  /** The approval policy the run is held to, named in its {@code FINISHED} event. */
  void policy(PolicyApplied applied) {
    policy = applied;
  }

  void started(RunOptions options) {
    if (!current) return;
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
    if (!current) return;
    send(
        PipelineEvent.Kind.DECIDED,
        candidate.label() + (d.approve() ? " approved by " : " rejected by ") + d.by(),
        Map.of(
            "decided_by", d.by(),
            "approved", Boolean.toString(d.approve()),
            "comment", d.comment() == null ? "" : d.comment(),
            "via", String.valueOf(d.via())));
  }

  /** The outcome, with what deployed or failed, and (since the marker) how each stage took. */
  void finished(PipelineResult r, RunOptions options) {
    Map<String, String> fields = new TreeMap<>();
    fields.put("outcome", r.outcome().name());
    fields.put("trigger", options.triggerOrManual().value());
    if (r.modelVersion() != null) fields.put("version", Integer.toString(r.modelVersion()));
    r.metrics().forEach((k, v) -> fields.put(k, Figures.number(v)));
    if (r.decision() != null) fields.put("decided_by", r.decidedBy());
    if (current && !r.decisions().isEmpty())
      fields.put("decisions", Decisions.describe(r.decisions()));
    if (r.validation() != null) fields.put("report", r.validation().reportUri());
    if (r.validation() != null && r.validation().htmlReportUri() != null) {
      fields.put("html_report", r.validation().htmlReportUri());
    }
    if (r.failure() != null) fields.put("failure", r.failure());
    if (current) FinishedFields.addComparison(r, fields);
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
        current
            ? new PipelineEvent(
                kind,
                spec.model(),
                runId,
                Workflow.getInfo().getWorkflowId(),
                message,
                fields,
                spec.notifications(),
                ++seq)
            : new PipelineEvent(
                kind, spec.model(), runId, Workflow.getInfo().getWorkflowId(), message, fields);
    if (current) {
      // One after the other, so a run's first Slack message exists before its thread replies;
      // an undelivered one does not hold back the next.
      Promise<Void> delivered =
          tail == null
              ? Async.procedure(notify::publish, event)
              : tail.handle((ok, failed) -> (Void) null)
                  .thenCompose(ignored -> Async.procedure(notify::publish, event));
      tail = delivered;
      pending.add(new Sent(event, delivered));
      return;
    }
    try {
      notify.publish(event);
    } catch (ActivityFailure e) {
      lost(event, e);
    }
  }

  /** A lost notification must not change what happened to the model. */
  private void lost(PipelineEvent event, ActivityFailure e) {
    log.warn("notification {} of {} not delivered: {}", event.kind(), runId, Failures.describe(e));
    if (current) {
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
}
