package dev.tollgate.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.actions.ActionSeal;
import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;
import dev.tollgate.spec.PipelineSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A guardian's controls are authorised by the worker's approval policy (issue 21, items 2 and 12):
 * a running guardian takes a new spec only from the worker's specs folder or sealed by a worker for
 * someone the policy lets control the schedule; pause, resume, disable and trigger by a name the
 * policy does not list are refused; every attempt is in the action log.
 */
class GuardianPolicyTest {
  private static final Instant START = Instant.parse("2026-10-09T12:00:00Z");
  private static final DecisionSeal KEY =
      DecisionSeal.withKey(
          "0123456789abcdef0123456789abcdef-approval-key".getBytes(StandardCharsets.US_ASCII));
  private static final String POLICY =
      """
      model: "*"
      approvers: [alice, bob]
      actions: { schedule: [alice] }
      """;

  private static Voucher sealed(String by, PolicyAction action, String detail, long at) {
    return ActionSeal.vouch(
        KEY, action, "guarded", detail, by, "mtls", at + Duration.ofMinutes(5).toMillis());
  }

  @Test
  void anUnsealedSpecChangeIsRefusedAndASealedOneFromAnAllowedPersonIsTaken() throws Exception {
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      f.policies.use(POLICY, "all.yaml").key(KEY);
      PipelineSpec nightly = GuardianFixture.spec("guarded", "cron: \"0 2 * * *\"");
      PipelineSpec hourly = GuardianFixture.spec("guarded", "cron: \"0 * * * *\"");
      f.startGuardian(nightly, 0);
      GuardianWorkflow guardian = f.awaitStarted("guarded");

      ActionRecord claimed = guardian.control(GuardianControl.specChange(hourly, "alice", null));
      guardian.updateSpec(hourly); // the old signal: no answer, but logged and refused alike
      ActionRecord forMallory =
          guardian.control(
              GuardianControl.specChange(
                  hourly,
                  "mallory",
                  sealed(
                      "mallory",
                      PolicyAction.SPEC_CHANGE,
                      SpecJson.digest(hourly),
                      f.env.currentTimeMillis())));
      ActionRecord forAnotherSpec =
          guardian.control(
              GuardianControl.specChange(
                  hourly,
                  "alice",
                  sealed(
                      "alice",
                      PolicyAction.SPEC_CHANGE,
                      SpecJson.digest(nightly),
                      f.env.currentTimeMillis())));

      assertThat(claimed.accepted()).isFalse();
      assertThat(claimed.note()).contains("only from the worker's specs folder");
      assertThat(forMallory.accepted()).isFalse();
      assertThat(forMallory.note()).contains("'mallory' may not change the guardian spec");
      assertThat(forAnotherSpec.accepted()).isFalse();
      assertThat(forAnotherSpec.note()).contains("seal does not verify");
      GuardianStatus kept = f.status("guarded");
      assertThat(kept.specDigest()).isEqualTo(SpecJson.digest(nightly));
      assertThat(kept.cron()).isEqualTo("0 2 * * *");

      ActionRecord taken =
          guardian.control(
              GuardianControl.specChange(
                  hourly,
                  "alice",
                  sealed(
                      "alice",
                      PolicyAction.SPEC_CHANGE,
                      SpecJson.digest(hourly),
                      f.env.currentTimeMillis())));
      assertThat(taken.accepted()).as(taken.note()).isTrue();
      assertThat(taken.via()).isEqualTo("mtls");
      GuardianStatus changed = f.status("guarded");
      assertThat(changed.cron()).isEqualTo("0 * * * *");
      assertThat(changed.actions())
          .extracting(
              ActionRecord::action, ActionRecord::by, ActionRecord::via, ActionRecord::accepted)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("spec_change", "alice", "claim", false),
              org.assertj.core.groups.Tuple.tuple("spec_change", "signal", "signal/claim", false),
              org.assertj.core.groups.Tuple.tuple("spec_change", "mallory", "mtls", false),
              org.assertj.core.groups.Tuple.tuple("spec_change", "alice", "mtls", false),
              org.assertj.core.groups.Tuple.tuple("spec_change", "alice", "mtls", true));
      record(f, "guardian-controlled.json");
    }
  }

  /** Writes the guardian's history so far to target/recorded-histories/ (GuardianReplayTest). */
  private static void record(GuardianFixture f, String name) throws Exception {
    java.nio.file.Path out = java.nio.file.Path.of("target", "recorded-histories");
    java.nio.file.Files.createDirectories(out);
    var history = f.env.getWorkflowClient().fetchHistory("guardian/guarded");
    java.nio.file.Files.writeString(out.resolve(name), history.toJson(true));
    io.temporal.testing.WorkflowReplayer.replayWorkflowExecution(
        history, GuardianWorkflowImpl.class);
  }

  @Test
  void pauseDisableAndTriggerByANameOutsideThePolicyAreRefusedAndAudited() throws Exception {
    try (GuardianFixture f = new GuardianFixture(START, GuardianFixture::calm)) {
      f.policies.use(POLICY, "all.yaml");
      f.startGuardian(GuardianFixture.spec("guarded", "cron: \"0 2 * * *\""), 0);
      GuardianWorkflow guardian = f.awaitStarted("guarded");

      ActionRecord pause =
          guardian.control(new GuardianControl(PolicyAction.PAUSE, "mallory", "mine", null, null));
      guardian.disable("mallory"); // a signal: refused, and in the log
      TriggerRecord trigger = guardian.triggerNow(new TriggerRequest("mallory", "now"));

      assertThat(pause.accepted()).isFalse();
      assertThat(pause.note())
          .isEqualTo(
              "'mallory' may not pause the guardian of guarded; the approval policy all.yaml"
                  + " (sha256:0123456789ab) allows alice");
      assertThat(trigger.decision()).isEqualTo(TriggerRecord.Decision.SKIPPED);
      assertThat(trigger.reason()).startsWith("by mallory: refused: 'mallory' may not trigger");
      assertThat(GuardianFixture.started("")).isEmpty();
      GuardianStatus status = f.status("guarded");
      assertThat(status.paused()).isFalse();
      assertThat(status.actions())
          .extracting(ActionRecord::action, ActionRecord::by, ActionRecord::accepted)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("pause", "mallory", false),
              org.assertj.core.groups.Tuple.tuple("disable", "mallory", false),
              org.assertj.core.groups.Tuple.tuple("trigger", "mallory", false));

      ActionRecord byAlice =
          guardian.control(new GuardianControl(PolicyAction.PAUSE, "alice", "freeze", null, null));
      assertThat(byAlice.accepted()).isTrue();
      assertThat(f.status("guarded").pausedBy()).isEqualTo("alice");
      f.env.sleep(Duration.ofDays(1));
      assertThat(GuardianFixture.started("")).as("still running, and paused").isEmpty();
      assertThat(f.policies.asked()).hasSize(4);
    }
  }
}
