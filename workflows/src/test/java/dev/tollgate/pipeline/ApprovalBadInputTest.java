package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.tollgate.stages.Outcome;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Bad decisions at the approval gate (two of alice and bob must approve): each refused to the
 * caller with the reason, nothing recorded as a decision, nothing promoted, and the run still
 * waiting for a good one. The table is in docs/reliability.md.
 */
class ApprovalBadInputTest {
  private PipelineFixture f;

  @BeforeEach
  void setUp() {
    f = new PipelineFixture();
    f.start();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> refusals() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(
            "unlisted approver",
            true,
            "mallory",
            "ok",
            "'mallory' is not an approver of energy-load; approvers: alice, bob"),
        org.junit.jupiter.params.provider.Arguments.of(
            "no name", true, "  ", "ok", "a decision needs the approver's name"),
        org.junit.jupiter.params.provider.Arguments.of(
            "reject without a reason", false, "bob", null, "a rejection needs a reason"),
        org.junit.jupiter.params.provider.Arguments.of(
            "reject with a blank reason", false, "bob", "   ", "a rejection needs a reason"));
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("refusals")
  void isRefusedAndChangesNothing(
      String name, boolean approve, String by, String comment, String why) throws Exception {
    WorkflowStub run = f.startRun(PipelineFixture.spec(2), "bad-" + name.replace(' ', '-'));
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    Throwable refused =
        catchThrowable(
            () ->
                run.update(
                    "decide", DecisionRecord.class, new DecisionRequest(approve, by, comment)));

    assertThat(refused).isInstanceOf(WorkflowUpdateException.class);
    assertThat(refused).rootCause().hasMessageContaining(why);
    assertWaitingWith(run, List.of());
  }

  @Test
  void theSamePersonTwiceDoesNotMakeAQuorumOfTwo() throws Exception {
    WorkflowStub run = f.startRun(PipelineFixture.spec(2), "twice");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));

    Throwable again =
        catchThrowable(
            () ->
                run.update(
                    "decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok")));

    assertThat(again).rootCause().hasMessageContaining("alice has already decided on this run");
    assertWaitingWith(run, List.of("alice"));
  }

  @Test
  void aDecisionAfterTheEndIsRefused() throws Exception {
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "ended");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    assertThat(run.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);

    Throwable late =
        catchThrowable(
            () ->
                run.update(
                    "decide", DecisionRecord.class, new DecisionRequest(false, "bob", "no")));

    assertThat(late).isInstanceOf(WorkflowNotFoundException.class); // no running execution
    assertThat(run.getResult(PipelineResult.class).decisions())
        .extracting(DecisionRecord::by)
        .containsExactly("alice");
  }

  @Test
  void aDecisionOnAnUnknownRunIsRefused() {
    WorkflowClient client = f.env.getWorkflowClient();
    WorkflowStub nobody =
        client.newUntypedWorkflowStub(WorkflowIds.pipeline("energy-load", "nope"));

    Throwable unknown =
        catchThrowable(
            () ->
                nobody.update(
                    "decide", DecisionRecord.class, new DecisionRequest(true, "alice", "")));

    assertThat(unknown).isInstanceOf(WorkflowNotFoundException.class);
  }

  private void assertWaitingWith(WorkflowStub run, List<String> decided) {
    PipelineStatus s = run.query("status", PipelineStatus.class);
    assertThat(s.stage()).isEqualTo(Stage.AWAITING_APPROVAL);
    assertThat(s.approval().decisions())
        .filteredOn(DecisionRecord::accepted)
        .extracting(DecisionRecord::by)
        .containsExactlyElementsOf(decided);
    verify(f.registry, never()).promote(any());
    verify(f.deploy, never()).deploy(any());
  }
}
