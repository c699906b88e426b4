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
 * The committed histories must replay on today's workflow code: a change to the commands a run
 * issues fails here. Before the first release they are recordings of today's shape (ADR 0012) and a
 * deliberate change re-records them; from the first release on, a change is guarded by a version
 * marker and the released histories stay. They live in src/test/resources/histories/; {@link
 * #recordsFreshHistories} (and the tests named in the list) write today's into
 * target/recorded-histories/ (docs/testing.md).
 */
class PipelineReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the outcomes (recordsFreshHistories): deployed, rejected by the approver and by
        // validation, timed out at the gate; started by drift with its evidence, and by a
        // schedule (the run id from the workflow ID); held to a policy that raised the spec's
        // approval, and refused by one
        "histories/pipeline-deployed.json",
        "histories/pipeline-rejected.json",
        "histories/pipeline-validation-failed.json",
        "histories/pipeline-approval-timed-out.json",
        "histories/pipeline-drift-triggered.json",
        "histories/pipeline-scheduled.json",
        "histories/pipeline-policy-raised.json",
        "histories/pipeline-policy-refused.json",
        // reminders and an escalation at the gate (PipelineWorkflowTest)
        "histories/pipeline-escalated.json",
        // a grid search whose four trials run two at a time, one failing
        // (HyperparameterSearchTest)
        "histories/pipeline-searched.json",
        // staging before the approval, then production; a canary that baked; a degradation
        // watch that rolled back (DeployStagesTest)
        "histories/pipeline-environments.json",
        "histories/pipeline-canary.json",
        "histories/pipeline-degraded.json",
        // cancelled by the cancel Update at the gate, during training and during a canary's
        // bake, and through Temporal (CancellationTest)
        "histories/pipeline-cancelled-at-gate.json",
        "histories/pipeline-cancelled-training.json",
        "histories/pipeline-cancelled-canary.json",
        "histories/pipeline-cancelled-by-temporal.json",
        // trained by the spec's command, its own timeout, lineage registered
        // (CommandTrainingWorkflowTest)
        "histories/pipeline-trained-by-command.json",
        // a pull request's check run: rows capped, reason pull_request, VALIDATED (CheckRunTest)
        "histories/pipeline-pull-request-validated.json"
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
      write(f, deployed, out.resolve("pipeline-deployed.json"));

      WorkflowStub rejected = f.startRun(PipelineFixture.spec(1), "replay-rejected");
      f.awaitStage(rejected, Stage.AWAITING_APPROVAL);
      rejected.update(
          "decide", DecisionRecord.class, new DecisionRequest(false, "bob", "latency regressed"));
      assertThat(rejected.getResult(PipelineResult.class).outcome())
          .isEqualTo(Outcome.REJECTED_BY_APPROVER);
      write(f, rejected, out.resolve("pipeline-rejected.json"));

      WorkflowStub timedOut = f.startRun(PipelineFixture.spec(1), "replay-timed-out");
      assertThat(timedOut.getResult(PipelineResult.class).outcome())
          .isEqualTo(Outcome.APPROVAL_TIMED_OUT);
      write(f, timedOut, out.resolve("pipeline-approval-timed-out.json"));

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
      write(f, drifted, out.resolve("pipeline-drift-triggered.json"));

      RunOptions scheduled =
          new RunOptions(
              RunOptions.FROM_WORKFLOW_ID, "schedule", "nightly", Trigger.SCHEDULE, null);
      WorkflowStub nightly =
          f.startRun(PipelineFixture.spec(1), "sched-2026-12-02T02:00:00Z", scheduled);
      PipelineResult result = nightly.getResult(PipelineResult.class);
      assertThat(result.runId()).isEqualTo("sched-2026-12-02T02-00-00Z");
      write(f, nightly, out.resolve("pipeline-scheduled.json"));

      f.policies.use(
          "model: energy-load\napprovers: [alice, bob]\nmin_approvals: 2\n", "energy-load.yaml");
      WorkflowStub raised = f.startRun(PipelineFixture.spec(1), "replay-raised");
      f.awaitStage(raised, Stage.AWAITING_APPROVAL);
      raised.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
      raised.update("decide", DecisionRecord.class, new DecisionRequest(true, "bob", "ok"));
      assertThat(raised.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);
      write(f, raised, out.resolve("pipeline-policy-raised.json"));

      f.policies.use("model: energy-load\napprovers: [carol]\n", "energy-load.yaml");
      WorkflowStub refused = f.startRun(PipelineFixture.spec(1), "replay-refused");
      assertThat(refused.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.FAILED);
      write(f, refused, out.resolve("pipeline-policy-refused.json"));

      f.policies.use("model: energy-load\napprovers: [alice, bob]\n", "energy-load.yaml");
      org.mockito.Mockito.when(f.validate.validate(org.mockito.ArgumentMatchers.any()))
          .thenReturn(PipelineFixture.FAILED);
      WorkflowStub failed = f.startRun(PipelineFixture.spec(1), "replay-validation-failed");
      assertThat(failed.getResult(PipelineResult.class).outcome())
          .isEqualTo(Outcome.REJECTED_BY_VALIDATION);
      write(f, failed, out.resolve("pipeline-validation-failed.json"));
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
