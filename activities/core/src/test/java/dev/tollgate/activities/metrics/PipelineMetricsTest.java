package dev.tollgate.activities.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.stages.PipelineEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final PipelineMetrics metrics = new PipelineMetrics(meters, new DriftShares(meters));

  private static PipelineEvent finished(Map<String, String> fields) {
    return new PipelineEvent(
        PipelineEvent.Kind.FINISHED, "energy-load", "r1", "pipeline/energy-load/r1", "m", fields);
  }

  @Test
  void aFinishedRunCountsItsOutcomeAndTimesItsStagesAndApprovalWait() {
    metrics.accept(
        finished(
            Map.of(
                "outcome", "DEPLOYED",
                "trigger", "schedule",
                "stage_ms.training", "1500",
                "stage_ms.awaiting_approval", "7200000",
                "drift_share", "0.25")));

    assertThat(
            meters
                .get("tollgate_pipeline_runs")
                .tags("model", "energy-load", "outcome", "deployed", "trigger", "schedule")
                .counter()
                .count())
        .isEqualTo(1.0);
    var training =
        meters.get("tollgate_stage_duration").tags("model", "energy-load", "stage", "training");
    assertThat(training.timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500.0);
    assertThat(
            meters
                .get("tollgate_approval_wait")
                .tags("decision", "approved")
                .timer()
                .totalTime(TimeUnit.HOURS))
        .isEqualTo(2.0);
    assertThat(meters.get("tollgate_drift_share").tags("model", "energy-load").gauge().value())
        .isEqualTo(0.25);
    assertThat(meters.find("tollgate_rollbacks").counters()).isEmpty();
  }

  @Test
  void rollbacksAreCountedByAFewFixedReasons() {
    metrics.accept(
        finished(Map.of("outcome", "ROLLED_BACK", "failure", "smoke test failed: 2 of 5 rows")));
    metrics.accept(finished(Map.of("outcome", "ROLLED_BACK", "failure", "degraded: rmse 40 > 30")));
    metrics.accept(
        new PipelineEvent(
            PipelineEvent.Kind.ROLLED_BACK,
            "energy-load",
            "rb1",
            "rollback/energy-load/rb1",
            "m",
            Map.of("restored", "true", "reason", "bad predictions at 3am")));
    metrics.accept(
        new PipelineEvent(
            PipelineEvent.Kind.ROLLED_BACK,
            "energy-load",
            "rb2",
            "rollback/energy-load/rb2",
            "m",
            Map.of("restored", "false")));

    for (String reason : new String[] {"smoke_failure", "degradation", "manual"}) {
      assertThat(meters.get("tollgate_rollbacks").tags("reason", reason).counter().count())
          .as(reason)
          .isEqualTo(1.0);
    }
  }

  @Test
  void aRejectionAndATimeoutAreTheirOwnApprovalDecisions() {
    metrics.accept(
        finished(Map.of("outcome", "REJECTED_BY_APPROVER", "stage_ms.awaiting_approval", "60000")));
    metrics.accept(
        finished(Map.of("outcome", "APPROVAL_TIMED_OUT", "stage_ms.awaiting_approval", "60000")));

    assertThat(meters.get("tollgate_approval_wait").tags("decision", "rejected").timer().count())
        .isEqualTo(1);
    assertThat(meters.get("tollgate_approval_wait").tags("decision", "timed_out").timer().count())
        .isEqualTo(1);
    assertThat(
            meters
                .get("tollgate_pipeline_runs")
                .tags("outcome", "approval_timed_out", "trigger", "manual")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void aCancelledWaitIsNotCountedAsAnApproval() {
    metrics.accept(
        finished(
            Map.of(
                "outcome", "CANCELLED",
                "cancelled_during", "AWAITING_APPROVAL",
                "stage_ms.awaiting_approval", "60000")));

    assertThat(meters.get("tollgate_approval_wait").tags("decision", "cancelled").timer().count())
        .isEqualTo(1);
    assertThat(meters.find("tollgate_approval_wait").tags("decision", "approved").timer()).isNull();
    // Cancelled while it deployed: its wait had ended in an approval.
    metrics.accept(
        finished(
            Map.of(
                "outcome", "CANCELLED",
                "cancelled_during", "DEPLOYING",
                "stage_ms.awaiting_approval", "60000")));
    assertThat(meters.get("tollgate_approval_wait").tags("decision", "approved").timer().count())
        .isEqualTo(1);
    assertThat(
            meters
                .get("tollgate_pipeline_runs")
                .tags("outcome", "cancelled", "trigger", "manual")
                .counter()
                .count())
        .isEqualTo(2.0);
  }

  @Test
  void otherEventsRecordNothing() {
    metrics.accept(
        new PipelineEvent(
            PipelineEvent.Kind.APPROVAL_REQUESTED, "energy-load", "r1", "w", "m", Map.of()));
    assertThat(meters.getMeters()).isEmpty();
  }
}
