package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.tollgate.pipeline.PipelineFixture.*;
import dev.tollgate.stages.ApprovalDecided;
import dev.tollgate.stages.ApprovalEscalated;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.IdenticalModel;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RunFinished;
import dev.tollgate.stages.SmokeTestResult;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipelineWorkflowTest {
  private PipelineFixture f;

  @BeforeEach
  void setUp() {
    f = new PipelineFixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  /**
   * What a deployed run costs the server (issue 12, ADRs 0007, 0008 and 0012): no version marker,
   * three activities (train, validate, deploy with its smoke test), the registry's calls
   * (registration with the Production read, promotion) and the four notifications as local
   * activities, a search-attribute upsert only where the stage changes (the model and the version
   * each sent once), and the memo written at the start and the end.
   */
  @Test
  void aDeployedRunMakesThreeActivitiesAndUpsertsOnlyOnAStageChange() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "r-shape");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "lgtm"));
    assertThat(run.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);

    var events =
        f.env.getWorkflowClient().fetchHistory(run.getExecution().getWorkflowId()).getEvents();
    List<String> activities =
        events.stream()
            .filter(e -> e.hasActivityTaskScheduledEventAttributes())
            .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
            .toList();
    assertThat(activities).containsExactly("Train", "Validate", "DeployAndSmokeTest");
    assertThat(
            events.stream()
                .filter(e -> e.hasMarkerRecordedEventAttributes())
                .map(e -> e.getMarkerRecordedEventAttributes().getMarkerName())
                .distinct())
        .as("local activities only: no version marker before the first release (ADR 0012)")
        .containsExactly("LocalActivity");
    List<String> localActivities =
        events.stream()
            .filter(e -> e.hasMarkerRecordedEventAttributes())
            .map(e -> e.getMarkerRecordedEventAttributes())
            .filter(m -> m.getMarkerName().equals("LocalActivity"))
            .map(
                m ->
                    DataConverter.getDefaultInstance()
                        .fromPayloads(
                            0,
                            java.util.Optional.of(m.getDetailsMap().get("type")),
                            String.class,
                            String.class))
            .toList();
    // The RUN_STARTED notice is sent without waiting, so it may end after the policy's read.
    assertThat(localActivities.subList(0, 2))
        .as("started and the approval policy, in either order")
        .containsExactlyInAnyOrder("Publish", "ApprovalPolicy");
    assertThat(localActivities.subList(2, localActivities.size()))
        .as("registration, approval requested, decided, promotion, finished")
        .containsExactly(
            "RegisterCandidateAndReadProduction", "Publish", "Publish", "Promote", "Publish");
    List<String> upserts =
        events.stream()
            .filter(e -> e.hasUpsertWorkflowSearchAttributesEventAttributes())
            .map(
                e ->
                    String.join(
                        ",",
                        new java.util.TreeSet<>(
                            e.getUpsertWorkflowSearchAttributesEventAttributes()
                                .getSearchAttributes()
                                .getIndexedFieldsMap()
                                .keySet())))
            .toList();
    assertThat(upserts)
        .containsExactly(
            "TollgateModel,TollgateStage,TollgateTrigger", // training
            "TollgateModelVersion,TollgateStage", // validating
            "TollgateStage", // awaiting approval
            "TollgateStage", // deploying
            "TollgateOutcome,TollgateStage"); // completed
    assertThat(run.describe().getTypedSearchAttributes().get(SearchAttributes.MODEL_VERSION))
        .isEqualTo(1L);
    long memos =
        events.stream().filter(e -> e.hasWorkflowPropertiesModifiedEventAttributes()).count();
    assertThat(memos).as("the trigger at the start, the headline at the end").isEqualTo(2);
  }

  @Test
  void approvedRunDeploysAndRecordsEveryStage() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "r1");
    PipelineStatus waiting = f.awaitStage(run, Stage.AWAITING_APPROVAL);
    assertThat(waiting.approval().askedOf()).containsExactly("alice", "bob");
    assertThat(waiting.modelVersion()).isEqualTo(1);
    assertThat(waiting.metrics()).containsEntry("rmse", 41.2);

    DecisionRecord record =
        run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "lgtm"));
    PipelineResult result = run.getResult(PipelineResult.class);

    assertThat(record.accepted()).isTrue();
    assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.headline()).isEqualTo("DEPLOYED energy-load v1 (rmse 41.2, r2 0.87)");
    assertThat(result.decision().by()).isEqualTo("alice");
    assertThat(result.stages())
        .extracting(StageRecord::stage)
        .containsExactly(
            Stage.TRAINING,
            Stage.VALIDATING,
            Stage.AWAITING_APPROVAL,
            Stage.DEPLOYING,
            Stage.NOTIFYING);
    assertThat(result.stages()).allMatch(StageRecord::ok);
    assertThat(result.stages().get(1).summary()).isEqualTo("passed 1 check");
    assertThat(run.describe().getTypedSearchAttributes().get(SearchAttributes.OUTCOME))
        .isEqualTo("DEPLOYED");
    assertThat(run.describe().getMemo(SearchAttributes.SUMMARY_MEMO, String.class))
        .isEqualTo(result.headline());
    verify(f.registry).promote(argThat(p -> p.version() == 1 && p.approvedBy().equals("alice")));
    // The approver's notification carries the boxed summary the CLI shows.
    verify(f.notify)
        .publish(
            argThat(
                e ->
                    e instanceof ApprovalRequested a
                        && a.version() == 1
                        && a.summary().startsWith("╭─ Validation of energy-load v1")
                        && a.summary().contains("✓ rmse")
                        && a.reportUri().equals(PipelineFixture.PASSED.reportUri())));
    verify(f.notify)
        .publish(argThat(e -> e instanceof RunFinished r && r.outcome() == Outcome.DEPLOYED));
  }

  @Test
  void aDriftTriggeredRunCarriesItsTriggerAndEvidence() throws Exception {
    f.start();
    RunOptions drift =
        new RunOptions(
            "drift-1",
            "guardian",
            "share 0.67 > 0.5",
            Trigger.DRIFT,
            PipelineFixture.DRIFT_EVIDENCE);
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "drift-1", drift);
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    var described = run.describe();
    assertThat(described.getTypedSearchAttributes().get(SearchAttributes.TRIGGER))
        .isEqualTo("drift");
    assertThat(described.getMemo(SearchAttributes.TRIGGER_MEMO, String.class))
        .isEqualTo(
            "drift by guardian: share 0.67 > 0.5 [drift share 0.670: temperature psi 0.410"
                + " (drifted), humidity psi 0.0200]");
    verify(f.validate)
        .validate(
            argThat(
                r ->
                    r.evidence().equals(PipelineFixture.DRIFT_EVIDENCE)
                        && r.trigger().startsWith("drift by guardian")));
  }

  @Test
  void aPersonsRunIsManual() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "m1");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    assertThat(run.describe().getTypedSearchAttributes().get(SearchAttributes.TRIGGER))
        .isEqualTo("manual");
  }

  @Test
  void escalationAddsApproversAtItsTimeAndTellsThem() throws Exception {
    String yaml =
        PipelineFixture.SPEC
            .formatted(1)
            .replace(
                "  on_timeout: reject\n",
                "  on_timeout: reject\n  escalate: [{after: 24h, to: [carol]}]\n");
    f.start();
    WorkflowStub run =
        f.startRun(
            dev.tollgate.spec.SpecParser.parse(yaml, "e.yaml", java.nio.file.Path.of("/")), "esc");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    assertThatThrownBy(
            () ->
                run.update(
                    "decide", DecisionRecord.class, new DecisionRequest(true, "carol", "early")))
        .rootCause()
        .hasMessageContaining("'carol' is not an approver of energy-load; approvers: alice, bob");

    f.env.sleep(
        java.time.Duration.ofHours(25)); // past the 4 h and 24 h reminders and the escalation
    PipelineStatus waiting = run.query("status", PipelineStatus.class);
    assertThat(waiting.approval().askedOf()).containsExactly("alice", "bob", "carol");
    DecisionRecord carol =
        run.update("decide", DecisionRecord.class, new DecisionRequest(true, "carol", "lgtm"));
    assertThat(carol.accepted()).isTrue();
    assertThat(run.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);

    var order = org.mockito.Mockito.inOrder(f.notify);
    order.verify(f.notify).publish(argThat(e -> e.kind() == PipelineEvent.Kind.RUN_STARTED));
    order.verify(f.notify).publish(argThat(e -> e.kind() == PipelineEvent.Kind.APPROVAL_REQUESTED));
    order.verify(f.notify).publish(argThat(e -> e.kind() == PipelineEvent.Kind.APPROVAL_REMINDER));
    order
        .verify(f.notify)
        .publish(
            argThat(
                e -> e instanceof ApprovalEscalated a && a.escalatedTo().equals(List.of("carol"))));
    order
        .verify(f.notify)
        .publish(argThat(e -> e instanceof ApprovalDecided d && d.decidedBy().equals("carol")));
    order.verify(f.notify).publish(argThat(e -> e.kind() == PipelineEvent.Kind.FINISHED));
    PipelineReplayTest.record(f, run, "pipeline-escalated.json");
  }

  @Test
  void anEscalationStillEndsAtTheTimeout() {
    String yaml =
        PipelineFixture.SPEC
            .formatted(1)
            .replace(
                "  on_timeout: reject\n",
                "  on_timeout: reject\n  escalate: [{after: 24h, to: [carol]}]\n");
    f.start();
    PipelineResult r =
        f.startRun(
                dev.tollgate.spec.SpecParser.parse(yaml, "e.yaml", java.nio.file.Path.of("/")),
                "esc2")
            .getResult(PipelineResult.class);
    assertThat(r.outcome()).isEqualTo(Outcome.APPROVAL_TIMED_OUT);
    verify(f.notify, org.mockito.Mockito.times(2))
        .publish(argThat(e -> e.kind() == PipelineEvent.Kind.APPROVAL_REMINDER));
    verify(f.notify).publish(argThat(e -> e.kind() == PipelineEvent.Kind.APPROVAL_ESCALATED));
  }

  @Test
  void failedValidationEndsWithoutDeployButStillNotifies() {
    when(f.validate.validate(any())).thenReturn(PipelineFixture.FAILED);
    f.start();
    PipelineResult result =
        f.startRun(PipelineFixture.spec(1), "r2").getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED_BY_VALIDATION);
    assertThat(result.validation().failures()).extracting(c -> c.name()).containsExactly("rmse");
    verify(f.deploy, never()).deploy(any());
    verify(f.registry, never()).promote(any());
    verify(f.notify)
        .publish(
            argThat(
                e ->
                    e instanceof RunFinished r
                        && r.outcome() == Outcome.REJECTED_BY_VALIDATION
                        && !r.comparison().failedChecks().isEmpty()));
  }

  @Test
  void rejectionByAnApproverEndsTheRun() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "r3");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update(
        "decide", DecisionRecord.class, new DecisionRequest(false, "bob", "latency regressed"));
    PipelineResult result = run.getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED_BY_APPROVER);
    assertThat(result.decision().comment()).isEqualTo("latency regressed");
    verify(f.deploy, never()).deploy(any());
    verify(f.registry)
        .archive(argThat(a -> a.version() == 1 && a.reason().equals("rejected_by_approver: bob")));
  }

  @Test
  void aCandidateIdenticalToProductionIsSaidInTheApprovalRequest() throws Exception {
    ModelVersion production =
        new ModelVersion("energy-load", 1, "r0", "file:/artifacts/abc/", "abc", Map.of());
    ValidationVerdict identical =
        new ValidationVerdict(
            true,
            List.of(
                PipelineFixture.PASSED.checks().getFirst(),
                IdenticalModel.check(
                    new ModelVersion(
                        "energy-load", 2, "r5", "file:/artifacts/abc/", "abc", Map.of()),
                    production)),
            PipelineFixture.PASSED.reportUri(),
            PipelineFixture.PASSED.reportDigest());
    when(f.validate.validate(any())).thenReturn(identical);
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "r5");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    verify(f.notify)
        .publish(
            argThat(
                e ->
                    e.kind() == PipelineEvent.Kind.APPROVAL_REQUESTED
                        && e.message().contains(", identical to v1 (")
                        && e instanceof ApprovalRequested a
                        && "v1".equals(a.identicalTo())
                        && a.summary().contains("≡ identical to v1 in Production")));
    run.update("decide", DecisionRecord.class, new DecisionRequest(false, "alice", "no change"));
    run.getResult(PipelineResult.class);
  }

  @Test
  void noDecisionTimesOutAfterRemindingTwice() {
    f.start();
    PipelineResult result =
        f.startRun(PipelineFixture.spec(1), "r4").getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.APPROVAL_TIMED_OUT);
    StageRecord approval = result.stages().get(2);
    assertThat(approval.stage()).isEqualTo(Stage.AWAITING_APPROVAL);
    assertThat(approval.durationMillis()).isBetween(72L * 3600 * 1000, 72L * 3600 * 1000 + 60_000);
    verify(f.notify, times(2))
        .publish(argThat(e -> e.kind() == PipelineEvent.Kind.APPROVAL_REMINDER));
    // durations as the spec writes them, never ISO-8601 (PT4H)
    assertThat(approval.summary()).isEqualTo("timed out after 3d");
    verify(f.notify).publish(argThat(e -> e.message().endsWith("still waits for approval (4h)")));
    verify(f.notify).publish(argThat(e -> e.message().endsWith("still waits for approval (1d)")));
    assertThat(result.decisions())
        .singleElement()
        .satisfies(d -> assertThat(d.comment()).isEqualTo("no decision within 3d"));
    verify(f.deploy, never()).deploy(any());
  }

  @Test
  void updateValidatorRefusesUnlistedApproverAndSecondDecision() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(2), "r5");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    assertThatThrownBy(
            () ->
                run.update("decide", DecisionRecord.class, new DecisionRequest(true, "carol", "")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("'carol' is not an approver of energy-load; approvers: alice, bob");
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    assertThatThrownBy(
            () ->
                run.update(
                    "decide", DecisionRecord.class, new DecisionRequest(true, "alice", "again")))
        .rootCause()
        .hasMessageContaining("alice has already decided");
    PipelineStatus stillWaiting = run.query("status", PipelineStatus.class);
    assertThat(stillWaiting.stage()).isEqualTo(Stage.AWAITING_APPROVAL);
    assertThat(stillWaiting.approval().decisions()).hasSize(1);

    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "bob", "ok"));
    assertThat(run.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);
  }

  @Test
  void everyApprovalOfAQuorumIsInTheResultTheRegistryAndTheNotification() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(2), "quorum");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "bob", "numbers ok"));
    f.env.sleep(java.time.Duration.ofMinutes(5));
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "lgtm"));
    PipelineResult result = run.getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.decisions())
        .extracting(DecisionRecord::by, DecisionRecord::comment, DecisionRecord::via)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bob", "numbers ok", "update"),
            org.assertj.core.groups.Tuple.tuple("alice", "lgtm", "update"));
    assertThat(result.decisions().get(1).atMillis() - result.decisions().get(0).atMillis())
        .isGreaterThanOrEqualTo(java.time.Duration.ofMinutes(5).toMillis());
    assertThat(result.decidedBy()).isEqualTo("bob, alice");
    verify(f.registry).promote(argThat(p -> p.approvedBy().equals("bob, alice")));
    verify(f.notify)
        .publish(
            argThat(
                e ->
                    e instanceof RunFinished r
                        && "bob, alice".equals(r.decidedBy())
                        && r.decisions()
                            .matches(
                                "bob approved via update at .*: numbers ok; alice approved via update"
                                    + " at .*: lgtm")));
  }

  @Test
  void signalFromUnlistedApproverIsAuditedAndIgnored() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "r6");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.signal("approve", "mallory", "trust me");
    run.signal("approve", "bob", "fine");
    PipelineResult result = run.getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.decision().by()).isEqualTo("bob");
    PipelineStatus status = run.query("status", PipelineStatus.class);
    assertThat(status.audit())
        .extracting(DecisionRecord::by, DecisionRecord::accepted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mallory", false),
            org.assertj.core.groups.Tuple.tuple("bob", true));
  }

  @Test
  void transientTrainingFailureIsRetriedToSuccess() throws Exception {
    when(f.train.train(any()))
        .thenThrow(new IllegalStateException("worker lost its disk"))
        .thenReturn(PipelineFixture.TRAINED);
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "r7");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", null));

    assertThat(run.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);
    verify(f.train, times(2)).train(any());
  }

  @Test
  void nonRetryableFailureEndsAsFailedWithTheCause() {
    when(f.train.train(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "load.csv row 17, column temperature: 'abc' is not a number",
                FailureTypes.INVALID_DATA));
    f.start();
    PipelineResult result =
        f.startRun(PipelineFixture.spec(1), "r8").getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.failure())
        .isEqualTo(
            "Train: TollgateInvalidData: load.csv row 17, column temperature: 'abc' is not a number");
    assertThat(result.stages().get(0).ok()).isFalse();
    verify(f.train, times(1)).train(any());
    verify(f.notify)
        .publish(argThat(e -> e instanceof RunFinished r && r.outcome() == Outcome.FAILED));
  }

  @Test
  void failedSmokeTestRollsBackToThePreviousVersion() throws Exception {
    when(f.registry.currentProduction(any())).thenReturn(PipelineFixture.V1);
    when(f.deploy.smokeTest(any())).thenReturn(new SmokeTestResult(false, 3, "prediction was NaN"));
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "r9");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", null));
    PipelineResult result = run.getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.failure()).contains("prediction was NaN");
    verify(f.deploy).rollback(any(), argThat(v -> v.version() == 1));
    verify(f.registry, never()).promote(any());
    // The registry goes back too: the candidate is archived, Production was never moved.
    verify(f.registry)
        .archive(argThat(a -> a.runId().equals("r9") && a.reason().startsWith("smoke_failed: ")));
  }

  @Test
  void theRegistryGetsTheLineageDigests() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "lineage");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    verify(f.registry)
        .registerCandidate(
            argThat(
                r ->
                    r.dataSha256().equals(PipelineFixture.TRAINED.dataDigest())
                        && r.specDigest().equals(SpecJson.digest(PipelineFixture.spec(1)))
                        && r.specDigest().length() == 64));
  }
}
