package dev.tollgate.activities.metrics;

import dev.tollgate.activities.notify.EventSink;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RollbackFinished;
import dev.tollgate.stages.RunComparison;
import dev.tollgate.stages.RunFinished;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The pipeline's metrics, recorded from the events a run publishes: a run's outcome, its stages'
 * durations, the approval wait and rollbacks all come from its {@link RunFinished} event, a
 * rollback by hand from its {@link RollbackFinished} event. As an {@link EventSink} of the notify
 * activity each event is recorded once, however often the activity is retried, and never by
 * workflow code (which Temporal replays).
 *
 * <p>Names (Prometheus adds {@code _total} and {@code _seconds_*}): {@value #RUNS}, {@value
 * #STAGE_DURATION}, {@value #APPROVAL_WAIT}, {@value #ROLLBACKS}; docs/observability.md. The two
 * Timers' histogram buckets are chosen where the worker configures its registry (its
 * MetricBuckets), for the dashboard that reads them.
 */
public final class PipelineMetrics implements EventSink {
  static final String RUNS = "tollgate_pipeline_runs";
  static final String STAGE_DURATION = "tollgate_stage_duration";
  static final String APPROVAL_WAIT = "tollgate_approval_wait";
  static final String ROLLBACKS = "tollgate_rollbacks";
  private static final String AWAITING_APPROVAL = "awaiting_approval";

  private final MeterRegistry meters;
  private final DriftShares drift;

  public PipelineMetrics(MeterRegistry meters, DriftShares drift) {
    this.meters = meters;
    this.drift = drift;
  }

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public void accept(PipelineEvent event) {
    switch (event) {
      case RunFinished f -> finished(f);
      case RollbackFinished r -> {
        if (r.restored()) rollback(r.model(), "manual");
      }
      default -> {}
    }
  }

  private void finished(RunFinished f) {
    String model = f.model();
    String outcome = f.outcome() == null ? "unknown" : f.outcome().name().toLowerCase(Locale.ROOT);
    Counter.builder(RUNS)
        .description("Pipeline runs by how they ended and what started them")
        .tags(
            "model",
            model,
            "outcome",
            outcome,
            "trigger",
            f.trigger() == null ? "manual" : f.trigger())
        .register(meters)
        .increment();
    RunComparison c = f.comparison();
    Map<String, Duration> times = c == null ? Map.of() : c.stageTimes();
    times.forEach((stage, took) -> stageTimer(model, stage).record(took));
    Duration waited = times.get(AWAITING_APPROVAL);
    if (waited != null) {
      String during = f.cancellation() == null ? null : f.cancellation().during();
      Timer.builder(APPROVAL_WAIT)
          .description("How long candidates waited for their approval decision")
          .tags("model", model, "decision", decision(outcome, during))
          .register(meters)
          .record(waited);
    }
    if (outcome.equals("rolled_back")) rollback(model, rollbackReason(f.failure()));
    if (c != null && c.driftShare() != null) drift.record(model, c.driftShare());
  }

  private Timer stageTimer(String model, String stage) {
    return Timer.builder(STAGE_DURATION)
        .description("How long each pipeline stage took, per run")
        .tags("model", model, "stage", stage)
        .register(meters);
  }

  private void rollback(String model, String reason) {
    Counter.builder(ROLLBACKS)
        .description("Rollbacks by cause: failed smoke test, degradation watch, or by hand")
        .tags("model", model, "reason", reason)
        .register(meters)
        .increment();
  }

  /**
   * The decision that ended an approval wait, from the run's outcome; a run cancelled while it
   * waited had none ({@code cancelled}), one cancelled later had been approved.
   */
  static String decision(String outcome, String cancelledDuring) {
    return switch (outcome) {
      case "rejected_by_approver" -> "rejected";
      case "approval_timed_out" -> "timed_out";
      case "cancelled" -> "AWAITING_APPROVAL".equals(cancelledDuring) ? "cancelled" : "approved";
      default -> "approved";
    };
  }

  /** A few fixed values, so the label stays small whatever the failure text says. */
  static String rollbackReason(String failure) {
    if (failure == null) return "other";
    if (failure.startsWith("degraded")) return "degradation";
    if (failure.contains("canary")) return "canary";
    if (failure.startsWith("smoke test failed")) return "smoke_failure";
    return "other";
  }
}
