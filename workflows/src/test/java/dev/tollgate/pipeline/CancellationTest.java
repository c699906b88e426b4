package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.tollgate.stages.CancelSummary;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.RunFinished;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cancelled run is an outcome like the others (issue 22, item 2): wherever it is cancelled —
 * training, the approval gate, a deploy, a canary's bake — it ends CANCELLED with who and why, what
 * it deployed is taken back, its candidate is archived with reason {@code cancelled}, its search
 * attributes say so and the FINISHED event goes out. A deploy in flight is never cut short.
 */
class CancellationTest {
  private static final ModelVersion V0 =
      new ModelVersion("energy-load", 0, "r0", "file:/artifacts/old/", "old", Map.of("rmse", 40.0));

  private PipelineFixture f;

  @BeforeEach
  void setUp() {
    f = new PipelineFixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private static CancelRecord cancel(WorkflowStub run, String by, String reason) {
    return run.update("cancel", CancelRecord.class, new CancelRequest(by, reason));
  }

  @Test
  void tollgateCancelAtTheApprovalGateArchivesTheCandidateAndEndsCancelled() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "c-gate");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    CancelRecord answer = cancel(run, "alice", "wrong data window");
    PipelineResult r = run.getResult(PipelineResult.class);

    assertThat(answer.accepted()).as(answer.note()).isTrue();
    assertThat(answer.stage()).isEqualTo(Stage.AWAITING_APPROVAL);
    assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(r.headline()).isEqualTo("CANCELLED energy-load v1 (rmse 41.2, r2 0.87)");
    assertThat(r.cancellation().describe())
        .isEqualTo("by alice (claim) during awaiting approval: wrong data window");
    assertThat(r.cancellation().note()).isEqualTo("energy-load v1 archived");
    assertThat(r.failure()).isNull();
    StageRecord gate = r.stages().get(2);
    assertThat(gate.stage()).isEqualTo(Stage.AWAITING_APPROVAL);
    assertThat(gate.ok()).isFalse();
    assertThat(gate.summary())
        .isEqualTo("cancelled by alice (claim) during awaiting approval: wrong data window");
    assertThat(r.stages().getLast().stage()).isEqualTo(Stage.NOTIFYING);

    verify(f.registry)
        .archive(
            argThat(
                a ->
                    a.version() == 1
                        && a.reason().equals("cancelled: by alice: wrong data window")));
    verify(f.deploy, never()).deploy(any());
    verify(f.notify)
        .publish(
            argThat(
                e ->
                    e instanceof RunFinished done
                        && done.outcome() == Outcome.CANCELLED
                        && done.cancellation()
                            .equals(
                                new CancelSummary(
                                    "alice",
                                    "wrong data window",
                                    "claim",
                                    "AWAITING_APPROVAL",
                                    "energy-load v1 archived"))));
    var attributes = run.describe().getTypedSearchAttributes();
    assertThat(attributes.get(SearchAttributes.STAGE)).isEqualTo("COMPLETED");
    assertThat(attributes.get(SearchAttributes.OUTCOME)).isEqualTo("CANCELLED");
    assertThat(run.describe().getMemo(SearchAttributes.SUMMARY_MEMO, String.class))
        .isEqualTo(r.headline());
    PipelineReplayTest.record(f, run, "pipeline-cancelled-at-gate.json");
  }

  /**
   * The SDK closes an execution that was asked to cancel as Canceled, with no result, whatever the
   * workflow returns: the outcome is in the status query, the search attributes and FINISHED.
   */
  @Test
  void aCancelSentToTemporalIsAnOutcomeByUnknown() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "c-temporal");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    run.cancel();
    assertThatThrownBy(() -> run.getResult(PipelineResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    PipelineStatus ended = run.query("status", PipelineStatus.class);

    assertThat(ended.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(ended.stage()).isEqualTo(Stage.COMPLETED);
    CancelRecord c = ended.cancellation();
    assertThat(c.by()).isEqualTo(CancelRecord.UNKNOWN);
    assertThat(c.via()).isEqualTo(CancelRecord.VIA_TEMPORAL);
    assertThat(c.describe())
        .isEqualTo("by unknown (temporal) during awaiting approval: no reason given");
    assertThat(c.note()).isEqualTo("energy-load v1 archived");
    verify(f.registry)
        .archive(argThat(a -> a.reason().equals("cancelled: by unknown: no reason given")));
    verify(f.notify)
        .publish(
            argThat(
                e ->
                    e instanceof RunFinished done
                        && done.outcome() == Outcome.CANCELLED
                        && done.cancellation().by().equals("unknown")));
    assertThat(run.describe().getTypedSearchAttributes().get(SearchAttributes.OUTCOME))
        .isEqualTo("CANCELLED");
    PipelineReplayTest.record(f, run, "pipeline-cancelled-by-temporal.json");
  }

  @Test
  void aCancelDuringTrainingCancelsTheTrainActivityAndRegistersNothing() throws Exception {
    CountDownLatch training = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    when(f.train.train(any()))
        .thenAnswer(
            a -> {
              training.countDown();
              release.await(30, TimeUnit.SECONDS);
              return PipelineFixture.TRAINED;
            });
    f.start();
    try {
      WorkflowStub run = f.startRun(PipelineFixture.spec(1), "c-train");
      assertThat(training.await(20, TimeUnit.SECONDS)).isTrue();

      assertThat(cancel(run, "bob", "stop").accepted()).isTrue();
      PipelineResult r = run.getResult(PipelineResult.class);

      assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
      assertThat(r.modelVersion()).isNull();
      assertThat(r.cancellation().stage()).isEqualTo(Stage.TRAINING);
      assertThat(r.cancellation().note()).isEqualTo("nothing to undo");
      assertThat(r.stages().get(0).summary())
          .isEqualTo("cancelled by bob (claim) during training: stop");
      verify(f.registry, never()).registerCandidate(any());
      verify(f.registry, never()).archive(any());
      assertThat(eventTypes(run))
          .as("the server asks the train activity to stop: it hears it at its next heartbeat")
          .contains(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED);
      PipelineReplayTest.record(f, run, "pipeline-cancelled-training.json");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aCancelDuringTheDeployLetsItFinishThenPutsTheProductionVersionBack() throws Exception {
    when(f.registry.currentProduction(any())).thenReturn(V0);
    CountDownLatch deploying = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Deployment deployed = new Deployment(PipelineFixture.V1, "local", "/serving/energy-load", null);
    when(f.deploy.deploy(any()))
        .thenAnswer(
            a -> {
              deploying.countDown();
              release.await(30, TimeUnit.SECONDS);
              return deployed;
            });
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "c-deploy");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    assertThat(deploying.await(20, TimeUnit.SECONDS)).isTrue();

    CancelRecord answer = cancel(run, "bob", "approved by mistake");
    assertThat(refusal(run, new CancelRequest("alice", "me too")))
        .contains("already cancelled by bob (claim) during deploying: approved by mistake");
    release.countDown();
    PipelineResult r = run.getResult(PipelineResult.class);

    assertThat(answer.accepted()).isTrue();
    assertThat(answer.stage()).isEqualTo(Stage.DEPLOYING);
    assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(r.cancellation().note()).isEqualTo("v0 serves again; energy-load v1 archived");
    verify(f.deploy).smokeTest(deployed); // the deploy and its smoke test ran to their end
    verify(f.deploy).rollback(eq(deployed), eq(V0));
    verify(f.registry, never()).promote(any());
    verify(f.registry).archive(argThat(a -> a.reason().startsWith("cancelled: by bob")));
    assertThat(eventTypes(run))
        .as("a deploy in flight is never cut short")
        .doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED);
  }

  @Test
  void aCancelDuringTheCanaryBakeWithdrawsTheCanaryAndNeverPromotes() throws Exception {
    when(f.registry.currentProduction(any())).thenReturn(V0);
    Deployment onShare = new Deployment(PipelineFixture.V1, "local", "/serving/energy-load", null);
    when(f.deploy.deployCanary(any(), org.mockito.ArgumentMatchers.anyInt())).thenReturn(onShare);
    f.start();
    String yaml =
        PipelineFixture.SPEC
            .formatted(1)
            .replace(
                "deploy:\n  target: local\n  rollback: { on_smoke_failure: true }\n",
                "deploy:\n  canary: { percent: 10, bake: 30m }\n");
    WorkflowStub run =
        f.startRun(
            dev.tollgate.spec.SpecParser.parse(yaml, "test.yaml", java.nio.file.Path.of("/")),
            "c-canary");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    awaitBaking(run);

    assertThat(cancel(run, "alice", "canary looks wrong").accepted()).isTrue();
    PipelineResult r = run.getResult(PipelineResult.class);

    assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(r.cancellation().note())
        .isEqualTo("canary of energy-load v1 withdrawn, v0 serves all; energy-load v1 archived");
    verify(f.deploy).rollback(eq(onShare), eq(V0));
    verify(f.deploy, never()).deploy(any()); // never took all the traffic
    verify(f.registry, never()).promote(any());
    StageRecord deploying = r.stages().get(3);
    assertThat(deploying.stage()).isEqualTo(Stage.DEPLOYING);
    assertThat(deploying.summary()).startsWith("cancelled by alice (claim) during deploying");
    PipelineReplayTest.record(f, run, "pipeline-cancelled-canary.json");
  }

  @Test
  void theApprovalPolicySaysWhoMayCancelAndARefusedCancelChangesNothing() throws Exception {
    f.policies.use(
        "model: energy-load\napprovers: [alice, bob]\nactions: { cancel: [alice] }\n",
        "energy-load.yaml");
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "c-policy");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    CancelRecord refused = cancel(run, "bob", "I would rather not");
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.note())
        .contains("'bob' may not cancel a run of energy-load")
        .contains("allows alice");
    assertThat(f.awaitStage(run, Stage.AWAITING_APPROVAL).cancellation()).isNull();
    assertThat(f.policies.asked().getLast().detail())
        .isEqualTo("run=pipeline/energy-load/c-policy");

    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    assertThat(run.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);
  }

  @Test
  void aCancelWithoutNameOrReasonIsRefusedByTheValidator() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "c-shape");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    assertThat(refusal(run, new CancelRequest("alice", " "))).contains("say why: --reason TEXT");
    assertThat(refusal(run, new CancelRequest(null, "x"))).contains("say who cancels: --by NAME");
    assertThat(refusal(run, new CancelRequest("alice", "x".repeat(501))))
        .contains("at most " + CancelRequest.MAX_REASON);
    assertThat(f.awaitStage(run, Stage.AWAITING_APPROVAL).cancellation()).isNull();
  }

  private static String refusal(WorkflowStub run, CancelRequest request) {
    try {
      run.update("cancel", CancelRecord.class, request);
    } catch (io.temporal.client.WorkflowUpdateException e) {
      return String.valueOf(e.getCause().getMessage());
    }
    throw new AssertionError("not refused: " + request);
  }

  private java.util.List<EventType> eventTypes(WorkflowStub run) {
    return f
        .env
        .getWorkflowClient()
        .fetchHistory(run.getExecution().getWorkflowId())
        .getEvents()
        .stream()
        .map(e -> e.getEventType())
        .toList();
  }

  private static void awaitBaking(WorkflowStub run) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      PipelineStatus s = run.query("status", PipelineStatus.class);
      if (s != null && s.canary() != null && s.canary().phase() == CanaryStatus.Phase.BAKING) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the canary never baked");
  }
}
