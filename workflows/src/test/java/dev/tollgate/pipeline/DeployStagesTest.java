package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.LiveScore;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.SmokeTestResult;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The canary and the degradation watch of the deploy stage, with mocked stages, time skipped. */
class DeployStagesTest {
  private static final ModelVersion V0 =
      new ModelVersion("energy-load", 0, "r0", "file:/artifacts/old/", "old", Map.of("rmse", 40.0));
  private PipelineFixture f;

  @BeforeEach
  void setUp() {
    f = new PipelineFixture();
    when(f.registry.currentProduction(any())).thenReturn(V0);
    when(f.deploy.deployCanary(any(), anyInt()))
        .thenAnswer(a -> new Deployment(PipelineFixture.V1, "local", "/serving/energy-load", null));
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private static PipelineSpec spec(String deploy) {
    String yaml =
        PipelineFixture.SPEC
            .formatted(1)
            .replace("deploy:\n  target: local\n  rollback: { on_smoke_failure: true }\n", deploy);
    return SpecParser.parse(yaml, "test.yaml", Path.of("/"));
  }

  private PipelineResult approveAndFinish(WorkflowStub run) throws Exception {
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    return run.getResult(PipelineResult.class);
  }

  private static final String ENVIRONMENTS =
      "deploy:\n  environments: [{name: staging, approval: none}, {name: production}]\n";

  @Test
  void stagingIsDeployedAndSmokeTestedBeforeTheApprovalThenProduction() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(spec(ENVIRONMENTS), "e1");
    PipelineStatus waiting = f.awaitStage(run, Stage.AWAITING_APPROVAL);
    assertThat(waiting.history()).extracting(StageRecord::stage).contains(Stage.STAGING);
    verify(f.deploy).deploy(argThat(d -> "energy-load.staging".equals(d.servingName())));
    verify(f.registry)
        .stageVersion(argThat(q -> q.environment().equals("staging") && q.version() == 1));
    verify(f.registry, never()).promote(any());

    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    PipelineResult r = run.getResult(PipelineResult.class);
    assertThat(r.outcome()).isEqualTo(Outcome.DEPLOYED);
    verify(f.deploy).deploy(argThat(d -> d.servingName() == null));
    verify(f.registry).promote(any());
    PipelineReplayTest.record(f, run, "pipeline-environments.json");
  }

  @Test
  void aFailedStagingSmokeTestEndsTheRunBeforeAnyoneIsAsked() {
    when(f.deploy.smokeTest(any()))
        .thenReturn(new SmokeTestResult(false, 0, "serving answered 404"));
    f.start();
    PipelineResult r = f.startRun(spec(ENVIRONMENTS), "e2").getResult(PipelineResult.class);

    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.failure()).isEqualTo("staging smoke test failed: serving answered 404");
    verify(f.notify, never())
        .publish(
            argThat(e -> e.kind() == dev.tollgate.stages.PipelineEvent.Kind.APPROVAL_REQUESTED));
    verify(f.registry).archive(argThat(a -> a.reason().startsWith("staging_smoke_failed: ")));
    verify(f.deploy).rollback(any(), argThat(v -> v == null));
  }

  @Test
  void aCanaryIsSmokeTestedAndBakedBeforeItTakesAllTheTraffic() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(spec("deploy:\n  canary: { percent: 10, bake: 30m }\n"), "c1");
    PipelineResult r = approveAndFinish(run);
    PipelineReplayTest.record(f, run, "pipeline-canary.json");

    assertThat(r.outcome()).isEqualTo(Outcome.DEPLOYED);
    var order = inOrder(f.deploy, f.registry);
    order.verify(f.deploy).deployCanary(any(), eq(10));
    order.verify(f.deploy).smokeTest(any());
    order.verify(f.deploy).deploy(any());
    order.verify(f.deploy).smokeTest(any());
    order.verify(f.registry).promote(any());
    long deploying =
        r.stages().stream()
            .filter(s -> s.stage() == Stage.DEPLOYING)
            .findFirst()
            .orElseThrow()
            .durationMillis();
    assertThat(deploying).as("the bake is in the deploy stage").isGreaterThanOrEqualTo(30 * 60_000);
  }

  @Test
  void whileACanaryBakesTheStatusShowsItsShareVersionAndBakeEndAndTheHistoryItsOutcome()
      throws Exception {
    f.start();
    WorkflowStub run = f.startRun(spec("deploy:\n  canary: { percent: 10, bake: 30m }\n"), "c3");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));

    // Polling the query does not skip time: the run waits on its bake timer meanwhile.
    CanaryStatus baking = awaitCanary(run, CanaryStatus.Phase.BAKING);
    assertThat(baking.version()).isEqualTo(1);
    assertThat(baking.percent()).isEqualTo(10);
    assertThat(baking.besideVersion()).isZero();
    assertThat(baking.bakeMillis()).isEqualTo(30 * 60_000);
    long left = baking.bakeEndsAtMillis() - f.env.currentTimeMillis();
    assertThat(left).as("the bake ends 30m after it started").isBetween(29 * 60_000L, 30 * 60_000L);

    PipelineResult r = run.getResult(PipelineResult.class);
    assertThat(r.outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(deploying(r).summary())
        .isEqualTo(
            "canary 10% v1 baked 30m: smoke tests passed on its share and on all traffic (20"
                + " rows), promoted");
    assertThat(run.query("status", PipelineStatus.class).canary())
        .as("no canary once the stage is over")
        .isNull();
  }

  @Test
  void aCanaryThatFailsAfterItsBakeIsRolledBackAndTheHistorySaysWhere() throws Exception {
    when(f.deploy.smokeTest(any()))
        .thenReturn(
            new SmokeTestResult(true, 20, "fine on its share"),
            new SmokeTestResult(false, 0, "serving answered 503"));
    f.start();
    PipelineResult r =
        approveAndFinish(f.startRun(spec("deploy:\n  canary: { percent: 10, bake: 30m }\n"), "c4"));

    assertThat(r.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(deploying(r).ok()).isFalse();
    assertThat(deploying(r).summary())
        .isEqualTo(
            "canary 10% v1 baked 30m, then failed its smoke test on all traffic, rolled back:"
                + " serving answered 503");
  }

  private CanaryStatus awaitCanary(WorkflowStub run, CanaryStatus.Phase phase)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      PipelineStatus s = run.query("status", PipelineStatus.class);
      if (s != null && s.canary() != null && s.canary().phase() == phase) {
        assertThat(s.stage()).isEqualTo(Stage.DEPLOYING);
        return s.canary();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the canary never reached " + phase);
  }

  private static StageRecord deploying(PipelineResult r) {
    return r.stages().stream().filter(s -> s.stage() == Stage.DEPLOYING).findFirst().orElseThrow();
  }

  @Test
  void theDeployCarriesWhoseApprovalsLetItInAsServingKeepsThem() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(2), "a1");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "bob", "fine"));
    assertThat(run.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);

    verify(f.deploy)
        .deploy(
            argThat(
                d ->
                    d.runId().equals("a1")
                        && d.authority().approvedBy().equals(List.of("alice", "bob"))
                        && d.authority().rolledBackBy() == null));
    verify(f.registry).promote(argThat(p -> p.approvedBy().equals("alice, bob")));
  }

  @Test
  void aCanaryThatFailsItsSmokeTestIsWithdrawnAndNeverTakesAllTheTraffic() throws Exception {
    when(f.deploy.smokeTest(any()))
        .thenReturn(new SmokeTestResult(false, 0, "serving answered 500"));
    f.start();
    PipelineResult r =
        approveAndFinish(f.startRun(spec("deploy:\n  canary: { percent: 10, bake: 30m }\n"), "c2"));

    assertThat(r.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(deploying(r).summary())
        .isEqualTo(
            "canary 10% v1 failed its smoke test on its share, withdrawn: serving answered 500");
    verify(f.deploy).rollback(any(), argThat(v -> v.version() == 0));
    verify(f.deploy, never()).deploy(any());
    verify(f.registry, never()).promote(any());
  }

  @Test
  void aDegradedModelIsRolledBackInServingAndTheRegistry() throws Exception {
    // Validation said rmse 41.2; the third check sees 55 (more than 20 % worse).
    when(f.deploy.scoreLive(any()))
        .thenReturn(
            new LiveScore("rmse", 42.0, 500),
            new LiveScore("rmse", 44.0, 500),
            new LiveScore("rmse", 55.0, 500));
    f.start();
    WorkflowStub run =
        f.startRun(
            spec("deploy:\n  rollback: { on_degradation: 0.2, watch: 1h, check_every: 10m }\n"),
            "w1");
    PipelineResult r = approveAndFinish(run);
    PipelineReplayTest.record(f, run, "pipeline-degraded.json");

    assertThat(r.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(r.failure())
        .isEqualTo(
            "degraded: rmse 55.00 on 500 newly labelled rows vs 41.20 at validation, more than 20% worse");
    verify(f.deploy, org.mockito.Mockito.times(3)).scoreLive(any());
    verify(f.deploy).rollback(any(), argThat(v -> v.version() == 0));
    verify(f.registry)
        .restoreProduction(
            argThat(
                q ->
                    q.toVersion() == 0
                        && q.runId().equals("w1-watch")
                        && q.reason().startsWith("degraded: rmse 55.00")));
    assertThat(r.stages()).extracting(StageRecord::stage).contains(Stage.WATCHING);
  }

  @Test
  void aModelThatHoldsIsDeployedAfterTheWholeWatch() throws Exception {
    when(f.deploy.scoreLive(any())).thenReturn(new LiveScore("rmse", 43.0, 500));
    f.start();
    PipelineResult r =
        approveAndFinish(
            f.startRun(spec("deploy:\n  rollback: { on_degradation: 0.2, watch: 1h }\n"), "w2"));

    assertThat(r.outcome()).isEqualTo(Outcome.DEPLOYED);
    verify(f.deploy, org.mockito.Mockito.times(6)).scoreLive(any()); // every 10 m, a sixth of 1 h
    verify(f.registry, never()).restoreProduction(any());
    StageRecord watching =
        r.stages().stream().filter(s -> s.stage() == Stage.WATCHING).findFirst().orElseThrow();
    assertThat(watching.summary()).isEqualTo("held for 6 checks (rmse 43.00 on 500 rows)");
    assertThat(List.of(r.outcome())).containsExactly(Outcome.DEPLOYED);
  }
}
