package dev.tollgate.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.pipeline.Trigger;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.stages.DataInspection;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One rule of the guardian per test, time-skipped from 9 Oct 2026 12:00 UTC. */
class GuardianBehaviourTest {
  private static final Instant START = Instant.parse("2026-10-09T12:00:00Z");

  @Test
  void aTickWhileARunIsInFlightIsSkippedUnderOverlapSkip() {
    StubPipeline.slowFor = Duration.ofHours(36);
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      f.startGuardian(GuardianFixture.spec("slow-a", "cron: \"0 2 * * *\""), 0);
      f.env.sleep(Duration.ofHours(63)); // to 12 Oct 03:00
      assertThat(GuardianFixture.started("sched-"))
          .containsExactly("sched-20261010T0200Z", "sched-20261012T0200Z");
      assertThat(f.status("slow-a").triggers())
          .anySatisfy(
              r -> {
                assertThat(r.at()).isEqualTo("2026-10-11T02:00:00Z");
                assertThat(r.decision()).isEqualTo(TriggerRecord.Decision.SKIPPED);
                assertThat(r.reason())
                    .endsWith(
                        "skipped: run sched-20261010T0200Z in flight (schedule.overlap: skip)");
              });
    }
  }

  @Test
  void bufferOneKeepsOneTriggerAndStartsItWhenTheRunEnds() {
    StubPipeline.slowFor = Duration.ofHours(36);
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      f.startGuardian(
          GuardianFixture.spec("slow-b", "cron: \"0 2 * * *\"\noverlap: buffer_one"), 0);
      f.env.sleep(Duration.ofHours(63));
      // The 11 Oct tick waited for the first run (ended 11 Oct 14:00), then started; the 12 Oct
      // one waits behind it.
      assertThat(GuardianFixture.started("sched-"))
          .containsExactly("sched-20261010T0200Z", "sched-20261011T0200Z");
      GuardianStatus status = f.status("slow-b");
      assertThat(status.inFlightRunId()).isEqualTo("sched-20261011T0200Z");
      assertThat(status.buffered()).isEqualTo("sched-20261012T0200Z");
      assertThat(status.triggers())
          .extracting(TriggerRecord::runId, TriggerRecord::decision)
          .containsSubsequence(
              org.assertj.core.groups.Tuple.tuple(
                  "sched-20261010T0200Z", TriggerRecord.Decision.STARTED),
              org.assertj.core.groups.Tuple.tuple(
                  "sched-20261011T0200Z", TriggerRecord.Decision.STARTED),
              org.assertj.core.groups.Tuple.tuple(
                  "sched-20261012T0200Z", TriggerRecord.Decision.QUEUED));
    }
  }

  @Test
  void pausedGuardianSkipsTicksAndRefusesATriggerUntilResumed() throws Exception {
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      f.startGuardian(GuardianFixture.spec("paused", "cron: \"0 2 * * *\""), 0);
      // an Update before the first workflow task is refused ("not started yet"): wait for it
      GuardianWorkflow guardian = f.awaitStarted("paused");
      // through the control Update, as the CLI does: it returns once the pause is applied
      guardian.control(new GuardianControl(PolicyAction.PAUSE, "alice", "data freeze", null, null));
      f.env.sleep(Duration.ofDays(1));
      assertThat(GuardianFixture.started("")).isEmpty();
      assertThat(f.status("paused").paused()).isTrue();
      assertThat(f.status("paused").triggers().getLast().reason())
          .isEqualTo("cron 0 2 * * *; skipped: paused by alice: data freeze");
      assertThatThrownBy(() -> guardian.triggerNow(new TriggerRequest("bob", "new data")))
          .isInstanceOf(WorkflowUpdateException.class)
          .rootCause()
          .hasMessageContaining("the guardian of paused is paused by alice; resume it first");

      // an Update, not the resume signal: a signal is authorised by a local activity before it
      // applies, so a trigger sent right after it could still find the guardian paused
      guardian.control(new GuardianControl(PolicyAction.RESUME, "alice", null, null, null));
      TriggerRecord now = guardian.triggerNow(new TriggerRequest("bob", "new data"));
      assertThat(now.decision()).isEqualTo(TriggerRecord.Decision.STARTED);
      assertThat(now.kind()).isEqualTo(Trigger.MANUAL);
      assertThat(now.reason()).isEqualTo("by bob: new data");
      assertThat(now.runId()).startsWith("manual-20261010T12");
      f.env.sleep(Duration.ofMinutes(1));
      assertThat(StubPipeline.STARTED.get(now.runId()).trigger()).isEqualTo(Trigger.MANUAL);
    }
  }

  @Test
  void theWeeklyBudgetHoldsDriftRetrainsAfterItIsUsed() {
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::spike)) {
      f.startGuardian(
          GuardianFixture.spec(
              "budget", "drift_check_every: 1h\ncooldown: 1h\nmax_retrains_per_week: 2"),
          0);
      f.env.sleep(Duration.ofDays(1));
      assertThat(GuardianFixture.started("drift-"))
          .containsExactly("drift-20261009T130000Z", "drift-20261009T140000Z");
      assertThat(f.status("budget").triggers().getLast().reason())
          .endsWith(
              "skipped: budget used: 2 drift or volume retrains in the last 7 days,"
                  + " schedule.max_retrains_per_week is 2");
      assertThat(f.status("budget").retrainsThisWeek()).isEqualTo(2);
    }
  }

  @Test
  void aSourceGrownByMinNewRowsTriggersAVolumeRetrain() {
    try (GuardianFixture f =
        new GuardianFixture(
            START,
            now ->
                new DataInspection(
                    "file:/data/load.csv",
                    3,
                    null,
                    0.0,
                    java.util.List.of(),
                    1600,
                    1000L,
                    Instant.ofEpochMilli(now).toString(),
                    null))) {
      f.startGuardian(GuardianFixture.spec("volume", "min_new_rows: 500"), 0);
      f.env.sleep(Duration.ofHours(7));
      assertThat(GuardianFixture.started("volume-")).containsExactly("volume-20261009T180000Z");
      assertThat(f.status("volume").triggers().getFirst().reason())
          .isEqualTo("600 new rows since v3 was trained, schedule.min_new_rows is 500");
    }
  }

  @Test
  void noProductionModelYetIsRecordedOnceAsASkippedCheck() {
    try (GuardianFixture f =
        new GuardianFixture(
            START,
            now ->
                DataInspection.skipped(
                    "file:/data/load.csv",
                    "no Production model of first yet: nothing to compare the data with",
                    Instant.ofEpochMilli(now).toString()))) {
      f.startGuardian(GuardianFixture.spec("first", "drift_check_every: 1h"), 0);
      f.env.sleep(Duration.ofDays(1));
      GuardianStatus status = f.status("first");
      assertThat(status.triggers()).hasSize(1);
      assertThat(status.triggers().getFirst().reason())
          .isEqualTo("no Production model of first yet: nothing to compare the data with");
      assertThat(status.lastInspection().skipped()).startsWith("no Production model");
      assertThat(GuardianFixture.started("")).isEmpty();
    }
  }

  @Test
  void signalsSentWithTheStartApplyOnceItRuns() {
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      var spec = GuardianFixture.spec("early", "cron: \"0 2 * * *\"");
      var client = f.env.getWorkflowClient();
      GuardianWorkflow g =
          client.newWorkflowStub(
              GuardianWorkflow.class,
              io.temporal.client.WorkflowOptions.newBuilder()
                  .setTaskQueue(dev.tollgate.pipeline.TaskQueues.PIPELINE)
                  .setWorkflowId("guardian/early")
                  .build());
      var batch = client.newSignalWithStartRequest();
      batch.add(g::run, GuardianRequest.start(spec));
      batch.add(g::pause, "alice", "before it ran");
      client.signalWithStart(batch);
      f.env.sleep(Duration.ofDays(1));
      assertThat(f.status("early").paused()).isTrue();
      assertThat(GuardianFixture.started("")).isEmpty();
    }
  }

  @Test
  void disablingEndsTheGuardianButNotItsRun() {
    StubPipeline.slowFor = Duration.ofHours(10);
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      WorkflowStub guardian =
          f.startGuardian(GuardianFixture.spec("slow-c", "cron: \"0 2 * * *\""), 0);
      f.env.sleep(Duration.ofHours(15)); // the 10 Oct 02:00 run is in flight
      f.typed("slow-c").disable("alice");
      guardian.getResult(Void.class);
      WorkflowStub run =
          f.env.getWorkflowClient().newUntypedWorkflowStub("pipeline/slow-c/sched-20261010T0200Z");
      assertThat(run.getResult(dev.tollgate.pipeline.PipelineResult.class).outcome())
          .isEqualTo(dev.tollgate.stages.Outcome.DEPLOYED);
    }
  }
}
