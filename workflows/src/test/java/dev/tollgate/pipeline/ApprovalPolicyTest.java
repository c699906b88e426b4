package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.RunFinished;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's approval policy, not the spec, decides who approves (issue 21, item 2): a spec that
 * names someone the policy does not, or lets a timeout approve where the policy forbids it, is
 * refused before anything is trained; one that merely asks for less (fewer approvals, no identity,
 * a shorter wait) is raised to the policy; and the run records which policy applied.
 */
class ApprovalPolicyTest {
  private static final String POLICY =
      """
      model: energy-load
      approvers: [alice, bob]
      min_approvals: 2
      min_timeout: 4h
      """;

  private PipelineFixture f;

  @BeforeEach
  void setUp() {
    f = new PipelineFixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  /** The fixture's spec with its approval section replaced. */
  private static PipelineSpec spec(String approval) {
    String yaml =
        PipelineFixture.SPEC
            .formatted(1)
            .replaceAll("(?s)approval:\\n.*?(?=deploy:)", "approval:\n" + approval.indent(2));
    return SpecParser.parse(yaml, "energy.yaml", Path.of("/"));
  }

  @Test
  void anApproverOutsideThePolicyIsRefusedBeforeTraining() {
    f.policies.use(POLICY, "energy-load.yaml");
    f.start();
    PipelineResult result =
        f.startRun(spec("approvers: [mallory]"), "r-mallory").getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.failure())
        .contains("refused by the worker's approval policy")
        .contains("energy.yaml: approval.approvers: 'mallory' may not approve energy-load")
        .contains("the policy's approvers: alice, bob")
        .contains("energy-load.yaml (sha256:0123456789ab)");
    assertThat(result.policy().name()).isEqualTo("energy-load.yaml");
    verify(f.train, never()).train(any());
    verify(f.notify)
        .publish(
            argThat(
                e ->
                    e instanceof RunFinished r
                        && r.outcome() == Outcome.FAILED
                        && r.policy().startsWith("energy-load.yaml")));
  }

  @Test
  void anEscalationToSomeoneOutsideThePolicyIsRefused() {
    f.policies.use(POLICY, "energy-load.yaml");
    f.start();
    PipelineResult result =
        f.startRun(
                spec(
                    """
                    approvers: [alice, bob]
                    min_approvals: 2
                    timeout: 72h
                    escalate: [{ after: 24h, to: [mallory] }]
                    """),
                "r-escalate")
            .getResult(PipelineResult.class);
    assertThat(result.failure()).contains("approval.escalate.to: 'mallory' may not approve");
  }

  @Test
  void tooFewApproversToRaiseMinApprovalsIsRefused() {
    f.policies.use(POLICY, "energy-load.yaml");
    f.start();
    PipelineResult result =
        f.startRun(spec("approvers: [alice]"), "r-few").getResult(PipelineResult.class);
    assertThat(result.failure())
        .contains(
            "approval.min_approvals: energy-load needs 2 approvals, and the spec lists only 1"
                + " approver(s)");
  }

  @Test
  void onTimeoutApproveIsRefusedWhereThePolicyForbidsIt() {
    f.policies.use(POLICY, "energy-load.yaml");
    f.start();
    PipelineResult result =
        f.startRun(
                spec(
                    """
                    approvers: [alice, bob]
                    min_approvals: 2
                    timeout: 1m
                    on_timeout: approve
                    """),
                "r-timeout")
            .getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.failure())
        .contains("approval.on_timeout: approve is not allowed for energy-load")
        .contains("timeout_may_approve: false");
    verify(f.deploy, never()).deploy(any());
  }

  /**
   * The spec asks for one approval within a minute; the policy wants two and at least four hours:
   * the gate waits four hours for both, and the run says what was raised, in its status, its result
   * and its FINISHED event.
   */
  @Test
  void fewerApprovalsAndAShorterWaitAreRaisedToThePolicy() throws Exception {
    f.policies.use(POLICY, "energy-load.yaml");
    f.start();
    WorkflowStub run =
        f.startRun(spec("approvers: [alice, bob]\nmin_approvals: 1\ntimeout: 1m"), "r-raised");
    PipelineStatus waiting = f.awaitStage(run, Stage.AWAITING_APPROVAL);

    assertThat(waiting.approval().needed()).isEqualTo(2);
    assertThat(waiting.approval().deadlineMillis() - waiting.approval().sinceMillis())
        .isEqualTo(Duration.ofHours(4).toMillis());
    assertThat(waiting.policy().raised())
        .containsExactly("min_approvals 1 -> 2", "timeout 1m -> 4h");
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    assertThat(f.awaitStage(run, Stage.AWAITING_APPROVAL).approval().decisions()).hasSize(1);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "bob", "ok"));
    PipelineResult result = run.getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.decidedBy()).isEqualTo("alice, bob");
    assertThat(result.policy().describe())
        .isEqualTo(
            "energy-load.yaml (sha256:0123456789ab); raised min_approvals 1 -> 2, timeout 1m -> 4h");
    verify(f.notify)
        .publish(
            argThat(
                e ->
                    e instanceof RunFinished r
                        && r.policy().equals("energy-load.yaml (sha256:0123456789ab)")
                        && r.policyRaised()
                            .equals(List.of("min_approvals 1 -> 2", "timeout 1m -> 4h"))));
  }

  @Test
  void requireIdentityIsForcedByThePolicy() throws Exception {
    f.policies.use(POLICY + "require_identity: true\n", "energy-load.yaml");
    f.start();
    WorkflowStub run = f.startRun(spec("approvers: [alice, bob]\nmin_approvals: 2"), "r-identity");
    PipelineStatus waiting = f.awaitStage(run, Stage.AWAITING_APPROVAL);

    assertThat(waiting.policy().raised()).containsExactly("require_identity false -> true");
    assertThatThrownBy(
            () ->
                run.update(
                    "decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("approval.require_identity is set")
        .hasMessageContaining("'alice') is a claim");
    run.cancel();
  }

  /** A worker without a policy folder: the spec decides, and the run says so ("default"). */
  @Test
  void withoutAPolicyTheRunRecordsTheDefault() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "r-default");
    assertThat(f.awaitStage(run, Stage.AWAITING_APPROVAL).policy().describe()).isEqualTo("default");
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    assertThat(run.getResult(PipelineResult.class).policy().name()).isEqualTo("default");
    verify(f.notify)
        .publish(argThat(e -> e instanceof RunFinished r && "default".equals(r.policy())));
  }
}
