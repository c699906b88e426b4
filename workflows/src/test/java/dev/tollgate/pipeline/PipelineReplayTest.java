package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.stages.Outcome;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Old histories must replay on today's workflow code: a change that breaks determinism fails here
 * before it strands running pipelines. The committed histories live in
 * src/test/resources/histories/; {@link #recordsFreshHistories} writes today's into
 * target/recorded-histories/ so a deliberate, versioned change can add a new one (docs/testing.md).
 */
class PipelineReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        // version 0: before search attributes (RunVisibility)
        "histories/pipeline-deployed.json",
        "histories/pipeline-approval-timed-out.json",
        // version 1: search attributes and summary memo
        "histories/pipeline-deployed-v1.json",
        "histories/pipeline-approval-timed-out-v1.json",
        // version 1 with a hyperparameter search: trials in parallel, one failing
        // (recorded by HyperparameterSearchTest)
        "histories/pipeline-searched-v1.json",
        // version 2: the trigger attribute and memo; a drift-triggered run with its evidence, and
        // a scheduled one whose run id comes from the workflow ID
        "histories/pipeline-deployed-v2.json",
        "histories/pipeline-drift-triggered-v2.json",
        "histories/pipeline-scheduled-v2.json",
        // version 3: rejected, timed-out and smoke-failed candidates are archived with a reason
        "histories/pipeline-approval-timed-out-v3.json",
        "histories/pipeline-deployed-v3.json",
        // a canary that baked, and a degradation watch that rolled back (DeployStagesTest)
        "histories/pipeline-canary-v3.json",
        "histories/pipeline-degraded-v3.json",
        // staging before the approval, then production (DeployStagesTest)
        "histories/pipeline-environments-v3.json",
        // marker notify-events: numbered, routed notifications sent in order without holding the
        // run up; RUN_STARTED, DECIDED and escalations (PipelineWorkflowTest)
        "histories/pipeline-deployed-v4.json",
        "histories/pipeline-approval-timed-out-v4.json",
        "histories/pipeline-drift-triggered-v4.json",
        "histories/pipeline-scheduled-v4.json",
        "histories/pipeline-escalated-v4.json",
        // marker fewer-round-trips: notifications as local activities, registration and the
        // Production read in one activity, deploy and smoke test in one, upserts only on a stage
        // change (PipelineWorkflowTest, DeployStagesTest)
        "histories/pipeline-deployed-v5.json",
        "histories/pipeline-approval-timed-out-v5.json",
        "histories/pipeline-drift-triggered-v5.json",
        "histories/pipeline-scheduled-v5.json",
        "histories/pipeline-escalated-v5.json",
        "histories/pipeline-environments-v5.json",
        "histories/pipeline-canary-v5.json",
        "histories/pipeline-degraded-v5.json",
        // fewer-round-trips version 2: the memo only at the start and the end
        "histories/pipeline-deployed-v6.json",
        "histories/pipeline-approval-timed-out-v6.json",
        "histories/pipeline-drift-triggered-v6.json",
        "histories/pipeline-scheduled-v6.json",
        "histories/pipeline-escalated-v6.json",
        "histories/pipeline-environments-v6.json",
        "histories/pipeline-canary-v6.json",
        "histories/pipeline-degraded-v6.json",
        // fewer-round-trips version 3: the registry's calls as local activities
        "histories/pipeline-deployed-v7.json",
        "histories/pipeline-approval-timed-out-v7.json",
        "histories/pipeline-drift-triggered-v7.json",
        "histories/pipeline-scheduled-v7.json",
        "histories/pipeline-escalated-v7.json",
        "histories/pipeline-environments-v7.json",
        "histories/pipeline-canary-v7.json",
        "histories/pipeline-degraded-v7.json",
        // marker approval-policy: the worker's approval policy read at the start (the default one
        // here), a run held to a policy that raised it, and one the policy refused
        "histories/pipeline-deployed-v8.json",
        "histories/pipeline-approval-timed-out-v8.json",
        "histories/pipeline-drift-triggered-v8.json",
        "histories/pipeline-scheduled-v8.json",
        "histories/pipeline-policy-raised-v8.json",
        "histories/pipeline-policy-refused-v8.json",
        // marker cancel-outcome: a cancel is an outcome; a deployed and a timed-out run with the
        // marker, and runs cancelled by the cancel Update at the gate, during training and during
        // a canary's bake, and one cancelled through Temporal (CancellationTest)
        "histories/pipeline-deployed-v9.json",
        "histories/pipeline-approval-timed-out-v9.json",
        "histories/pipeline-cancelled-at-gate-v9.json",
        "histories/pipeline-cancelled-training-v9.json",
        "histories/pipeline-cancelled-canary-v9.json",
        "histories/pipeline-cancelled-by-temporal-v9.json"
      })
  void committedHistoriesReplay(String resource) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, PipelineWorkflowImpl.class);
  }

  @Test
  void recordsFreshHistories() throws Exception {
    Path out = Path.of("target", "recorded-histories");
    Files.createDirectories(out);
    try (PipelineFixture f = new PipelineFixture()) {
      f.start();
      WorkflowStub deployed = f.startRun(PipelineFixture.spec(1), "replay-deployed");
      f.awaitStage(deployed, Stage.AWAITING_APPROVAL);
      deployed.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "lgtm"));
      assertThat(deployed.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);
      write(f, deployed, out.resolve("pipeline-deployed-v9.json"));

      WorkflowStub timedOut = f.startRun(PipelineFixture.spec(1), "replay-timed-out");
      assertThat(timedOut.getResult(PipelineResult.class).outcome())
          .isEqualTo(Outcome.APPROVAL_TIMED_OUT);
      write(f, timedOut, out.resolve("pipeline-approval-timed-out-v9.json"));

      RunOptions drift =
          new RunOptions(
              "drift-20261109T0600Z",
              "guardian",
              "drift share 0.67 > 0.5",
              Trigger.DRIFT,
              PipelineFixture.DRIFT_EVIDENCE);
      WorkflowStub drifted = f.startRun(PipelineFixture.spec(1), drift.runId(), drift);
      assertThat(drifted.getResult(PipelineResult.class).outcome())
          .isEqualTo(Outcome.APPROVAL_TIMED_OUT);
      write(f, drifted, out.resolve("pipeline-drift-triggered-v9.json"));

      RunOptions scheduled =
          new RunOptions(
              RunOptions.FROM_WORKFLOW_ID, "schedule", "nightly", Trigger.SCHEDULE, null);
      WorkflowStub nightly =
          f.startRun(PipelineFixture.spec(1), "sched-2026-12-02T02:00:00Z", scheduled);
      PipelineResult result = nightly.getResult(PipelineResult.class);
      assertThat(result.runId()).isEqualTo("sched-2026-12-02T02-00-00Z");
      write(f, nightly, out.resolve("pipeline-scheduled-v9.json"));

      f.policies.use(
          "model: energy-load\napprovers: [alice, bob]\nmin_approvals: 2\n", "energy-load.yaml");
      WorkflowStub raised = f.startRun(PipelineFixture.spec(1), "replay-raised");
      f.awaitStage(raised, Stage.AWAITING_APPROVAL);
      raised.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
      raised.update("decide", DecisionRecord.class, new DecisionRequest(true, "bob", "ok"));
      assertThat(raised.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);
      write(f, raised, out.resolve("pipeline-policy-raised-v9.json"));

      f.policies.use("model: energy-load\napprovers: [carol]\n", "energy-load.yaml");
      WorkflowStub refused = f.startRun(PipelineFixture.spec(1), "replay-refused");
      assertThat(refused.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.FAILED);
      write(f, refused, out.resolve("pipeline-policy-refused-v9.json"));
    }
  }

  /** Writes {@code run}'s history to target/recorded-histories/{@code name} and replays it. */
  static void record(PipelineFixture f, WorkflowStub run, String name) throws Exception {
    Path out = Path.of("target", "recorded-histories");
    Files.createDirectories(out);
    write(f, run, out.resolve(name));
  }

  private static void write(PipelineFixture f, WorkflowStub run, Path file) throws Exception {
    WorkflowExecutionHistory history =
        f.env.getWorkflowClient().fetchHistory(run.getExecution().getWorkflowId());
    Files.writeString(file, history.toJson(true));
    WorkflowReplayer.replayWorkflowExecution(history, PipelineWorkflowImpl.class);
  }
}
