package dev.tollgate.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.Trigger;
import dev.tollgate.stages.DataInspection;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thirty simulated days of one guardian, time-skipped: a nightly cron at 02:00 Berlin time across
 * the end of summer time (25 Oct 2026, when 02:00-03:00 happens twice), data checks every 6 h,
 * drift spikes on day 9 and day 20 and a third spike 12 h after the first, inside the 24 h
 * cooldown.
 */
class GuardianMonthTest {
  private static final Instant START = Instant.parse("2026-10-09T12:00:00Z");
  private static final long DAY = Duration.ofDays(1).toMillis();

  /** Spikes at the checks of day 9 06:00, day 9 18:00 (cooldown) and day 20 12:00, from START. */
  private static DataInspection script(long now) {
    long since = now - START.toEpochMilli();
    long day = since / DAY;
    long hour = (since % DAY) / Duration.ofHours(1).toMillis();
    boolean spike = (day == 9 && (hour == 6 || hour == 18)) || (day == 20 && hour == 12);
    return spike ? GuardianFixture.spike(now) : GuardianFixture.calm(now);
  }

  @Test
  // About 5 s of wall time on an idle 2-core machine (docs/benchmarks.md): measured, not asserted,
  // so a busy CI machine does not fail it; the timeout only guards against a hang.
  @Timeout(60)
  void aMonthOfNightsAndTwoDriftRetrainsWithTheThirdSpikeHeldByTheCooldown() throws Exception {
    try (GuardianFixture f = new GuardianFixture(START, GuardianMonthTest::script)) {
      WorkflowStub guardian =
          f.startGuardian(
              GuardianFixture.spec(
                  "energy-load",
                  """
                  cron: "0 2 * * *"
                  timezone: Europe/Berlin
                  drift_check_every: 6h
                  cooldown: 24h
                  retrain_on_drift_share: 0.5
                  """),
              150);
      f.env.sleep(Duration.ofDays(30).plusMinutes(1));
      GuardianStatus status = f.status("energy-load");

      assertThat(GuardianFixture.started("sched-"))
          .hasSize(30)
          .contains("sched-20261010T0000Z", "sched-20261025T0000Z", "sched-20261026T0100Z")
          .doesNotContain("sched-20261025T0100Z") // 02:00 fired once on the night clocks went back
          .last()
          .isEqualTo("sched-20261108T0100Z");
      assertThat(GuardianFixture.started("drift-"))
          .containsExactly("drift-20261018T180000Z", "drift-20261030T000000Z");
      assertThat(StubPipeline.STARTED.get("drift-20261018T180000Z").trigger())
          .isEqualTo(Trigger.DRIFT);
      assertThat(StubPipeline.STARTED.get("drift-20261018T180000Z").evidence().driftShare())
          .isEqualTo(1.0);
      assertThat(status.triggers())
          .anySatisfy(
              r -> {
                assertThat(r.at()).isEqualTo("2026-10-19T06:00:00Z");
                assertThat(r.kind()).isEqualTo(Trigger.DRIFT);
                assertThat(r.decision()).isEqualTo(TriggerRecord.Decision.SKIPPED);
                assertThat(r.reason()).contains("skipped: cooldown until 2026-10-19T18:00:00Z");
              });
      assertThat(status.triggers())
          .filteredOn(r -> r.runId() != null)
          .allSatisfy(r -> assertThat(r.outcome()).isEqualTo("DEPLOYED v1"));
      // Bounded: it continued as new several times, and this run's history is short.
      assertThat(status.generation()).isGreaterThanOrEqualTo(3);
      assertThat(status.historyLength()).isLessThan(250);
      assertThat(status.runsStarted()).isEqualTo(32);
      recordHistories(f, guardian.getExecution().getWorkflowId());
    }
  }

  /** Writes the first run (ending in continue-as-new) and the current one, and replays both. */
  private static void recordHistories(GuardianFixture f, String workflowId) throws Exception {
    Path out = Path.of("target", "recorded-histories");
    Files.createDirectories(out);
    var client = f.env.getWorkflowClient();
    var service = f.env.getWorkflowServiceStubs().blockingStub();
    var executions =
        service.listClosedWorkflowExecutions(
            io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest.newBuilder()
                .setNamespace(f.env.getNamespace())
                .build());
    String firstRun =
        executions.getExecutionsList().stream()
            .filter(e -> e.getExecution().getWorkflowId().equals(workflowId))
            .min(java.util.Comparator.comparing(e -> e.getStartTime().getSeconds()))
            .orElseThrow()
            .getExecution()
            .getRunId();
    WorkflowExecutionHistory first = client.fetchHistory(workflowId, firstRun);
    WorkflowExecutionHistory current = client.fetchHistory(workflowId);
    Files.writeString(out.resolve("guardian-first-run.json"), first.toJson(true));
    Files.writeString(out.resolve("guardian-continued.json"), current.toJson(true));
    WorkflowReplayer.replayWorkflowExecution(first, GuardianWorkflowImpl.class);
    WorkflowReplayer.replayWorkflowExecution(current, GuardianWorkflowImpl.class);
  }
}
