package dev.tollgate.activities.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.CancelSummary;
import dev.tollgate.stages.EventHeader;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.RollbackFinished;
import dev.tollgate.stages.RunComparison;
import dev.tollgate.stages.RunFinished;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final PipelineMetrics metrics = new PipelineMetrics(meters, new DriftShares(meters));

  private static final EventHeader RUN =
      new EventHeader("energy-load", "r1", "pipeline/energy-load/r1", "m");

  /** A finished run: how it ended, what started it, its stages' times and what else it says. */
  private static RunFinished finished(
      Outcome outcome,
      String trigger,
      Map<String, Duration> times,
      Double driftShare,
      String failure,
      String cancelledDuring) {
    return new RunFinished(
        RUN,
        outcome,
        trigger,
        3,
        Map.of(),
        null,
        null,
        null,
        null,
        failure,
        new RunComparison(null, Map.of(), List.of(), driftShare, times),
        cancelledDuring == null
            ? null
            : new CancelSummary("alice", "why", "claim", cancelledDuring, null),
        null,
        List.of());
  }

  private static RunFinished waited(Outcome outcome, String cancelledDuring) {
    return finished(
        outcome,
        null,
        Map.of("awaiting_approval", Duration.ofMinutes(1)),
        null,
        null,
        cancelledDuring);
  }

  private static RunFinished rolledBack(String failure) {
    return finished(Outcome.ROLLED_BACK, null, Map.of(), null, failure, null);
  }

  private static RollbackFinished byHand(String runId, boolean restored) {
    return new RollbackFinished(
        new EventHeader("energy-load", runId, "rollback/energy-load/" + runId, "m"),
        3,
        2,
        restored,
        "alice",
        "bad predictions at 3am");
  }

  @Test
  void aFinishedRunCountsItsOutcomeAndTimesItsStagesAndApprovalWait() {
    metrics.accept(
        finished(
            Outcome.DEPLOYED,
            "schedule",
            Map.of("training", Duration.ofMillis(1500), "awaiting_approval", Duration.ofHours(2)),
            0.25,
            null,
            null));

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
    metrics.accept(rolledBack("smoke test failed: 2 of 5 rows"));
    metrics.accept(rolledBack("degraded: rmse 40 > 30"));
    metrics.accept(byHand("rb1", true));
    metrics.accept(byHand("rb2", false));

    for (String reason : new String[] {"smoke_failure", "degradation", "manual"}) {
      assertThat(meters.get("tollgate_rollbacks").tags("reason", reason).counter().count())
          .as(reason)
          .isEqualTo(1.0);
    }
  }

  @Test
  void aRejectionAndATimeoutAreTheirOwnApprovalDecisions() {
    metrics.accept(waited(Outcome.REJECTED_BY_APPROVER, null));
    metrics.accept(waited(Outcome.APPROVAL_TIMED_OUT, null));

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
    metrics.accept(waited(Outcome.CANCELLED, "AWAITING_APPROVAL"));

    assertThat(meters.get("tollgate_approval_wait").tags("decision", "cancelled").timer().count())
        .isEqualTo(1);
    assertThat(meters.find("tollgate_approval_wait").tags("decision", "approved").timer()).isNull();
    // Cancelled while it deployed: its wait had ended in an approval.
    metrics.accept(waited(Outcome.CANCELLED, "DEPLOYING"));
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
    metrics.accept(new ApprovalRequested(RUN, 3, List.of("alice"), "summary", null, null, null));
    assertThat(meters.getMeters()).isEmpty();
  }
}
