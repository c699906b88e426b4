package dev.tollgate.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.policy.PolicyAction;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a guardian says about itself (issue 22, items 1 and 5): a disabled one ends with a result
 * naming who disabled it, when, and the run it left going, so nobody has to query a closed
 * workflow; a running one's status carries its data-check cadence and its next check.
 */
class GuardianEndTest {
  private static final Instant START = Instant.parse("2026-10-09T12:00:00Z");

  @Test
  void aDisabledGuardianEndsWithWhoDisabledItWhenAndTheRunItLeftGoing() throws Exception {
    StubPipeline.slowFor = Duration.ofHours(10);
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      WorkflowStub stub =
          f.startGuardian(GuardianFixture.spec("slow-end", "cron: \"0 2 * * *\""), 0);
      f.env.sleep(Duration.ofHours(15)); // 10 Oct 03:00: the 02:00 run is in flight
      long before = f.env.currentTimeMillis();
      ActionRecord done =
          f.typed("slow-end")
              .control(new GuardianControl(PolicyAction.DISABLE, "alice", null, null, null));
      GuardianResult end = stub.getResult(GuardianResult.class);

      assertThat(done.accepted()).as(done.note()).isTrue();
      assertThat(end.ended()).isEqualTo(GuardianResult.DISABLED);
      assertThat(end.by()).isEqualTo("alice");
      assertThat(end.via()).isEqualTo("claim");
      assertThat(end.at()).isEqualTo(done.at());
      assertThat(Instant.parse(end.at()))
          .isBetween(Instant.ofEpochMilli(before), START.plus(Duration.ofHours(16)));
      assertThat(end.runLeft()).isEqualTo("sched-20261010T0200Z");
      assertThat(end.runsStarted()).isEqualTo(1);
      assertThat(end.triggers())
          .extracting(TriggerRecord::runId, TriggerRecord::outcome)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("sched-20261010T0200Z", null));
      assertThat(end.actions()).extracting(ActionRecord::action).containsExactly("disable");
      record(f, "slow-end", "guardian-disabled.json");
    }
  }

  @Test
  void aGuardianDisabledBySignalSaysSoInItsResult() {
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      WorkflowStub stub =
          f.startGuardian(GuardianFixture.spec("signalled", "cron: \"0 2 * * *\""), 0);
      f.env.sleep(Duration.ofHours(1));
      f.typed("signalled").disable("bob");
      GuardianResult end = stub.getResult(GuardianResult.class);

      assertThat(end.by()).isEqualTo("bob");
      assertThat(end.via()).isEqualTo("signal/claim");
      assertThat(Instant.parse(end.at()))
          .isBetween(START.plus(Duration.ofHours(1)), START.plus(Duration.ofMinutes(61)));
      assertThat(end.runLeft()).isNull();
    }
  }

  @Test
  void statusCarriesTheCheckCadenceAndTheNextCheck() {
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      f.startGuardian(
          GuardianFixture.spec(
              "checked",
              """
              drift_check_every: 6h
              retrain_on_drift_share: 0.3
              min_new_rows: 500
              """),
          0);
      f.env.sleep(Duration.ofMinutes(1));
      GuardianStatus first = f.status("checked");
      assertThat(first.driftCheckEvery()).isEqualTo(Duration.ofHours(6));
      assertThat(first.retrainOnDriftShare()).isEqualTo(0.3);
      assertThat(first.minNewRows()).isEqualTo(500);
      assertThat(first.nextCheck()).isEqualTo("2026-10-09T18:00:00Z");

      f.env.sleep(Duration.ofHours(7));
      assertThat(f.status("checked").nextCheck()).isEqualTo("2026-10-10T00:00:00Z");
    }
  }

  @Test
  void aCronOnlyGuardianHasNoCheckCadence() {
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      f.startGuardian(GuardianFixture.spec("nightly", "cron: \"0 2 * * *\""), 0);
      f.env.sleep(Duration.ofMinutes(1));
      GuardianStatus status = f.status("nightly");
      assertThat(status.driftCheckEvery()).isNull();
      assertThat(status.retrainOnDriftShare()).isNull();
      assertThat(status.nextCheck()).isNull();
    }
  }

  /** Writes the guardian's history to target/recorded-histories/ (GuardianReplayTest). */
  private static void record(GuardianFixture f, String model, String name) throws Exception {
    Path out = Path.of("target", "recorded-histories");
    Files.createDirectories(out);
    var history = f.env.getWorkflowClient().fetchHistory("guardian/" + model);
    Files.writeString(out.resolve(name), history.toJson(true));
    io.temporal.testing.WorkflowReplayer.replayWorkflowExecution(
        history, GuardianWorkflowImpl.class);
  }
}
