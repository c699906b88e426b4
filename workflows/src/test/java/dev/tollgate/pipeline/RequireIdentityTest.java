package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.WorkflowReplayer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code approval.require_identity}: a claimed name is refused, a decision a worker vouched for
 * (sealed with the deployment's approval key) is taken and audited with its channel, and a seal
 * that does not belong to the decision (another run, another name, another key) is refused.
 */
class RequireIdentityTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef-approval-key".getBytes(StandardCharsets.US_ASCII);
  private static final DecisionSeal SEAL = DecisionSeal.withKey(KEY);

  private PipelineFixture f;

  @BeforeEach
  void setUp() {
    f = new PipelineFixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void aClaimedNameIsRefusedAndAVouchedOneDecides() throws Exception {
    f.start(SEAL);
    WorkflowStub run = f.startRun(PipelineFixture.specRequiringIdentity(1), "r-id");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    String workflowId = run.getExecution().getWorkflowId();

    assertThatThrownBy(
            () ->
                run.update(
                    "decide", DecisionRecord.class, new DecisionRequest(true, "alice", "lgtm")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("approval.require_identity is set")
        .hasMessageContaining("'alice') is a claim")
        .hasMessageContaining("--via https://");
    run.signal("approve", "alice", "by signal");

    // A seal made for another run, or for another name, does not verify here.
    DecisionRequest otherRun =
        SEAL.vouch("pipeline/energy-load/r-other", true, "alice", "ok", "mtls");
    DecisionRequest forBob = SEAL.vouch(workflowId, true, "bob", "ok", "mtls");
    DecisionRequest renamed =
        new DecisionRequest(true, "alice", "ok", forBob.vouchedBy(), forBob.seal());
    DecisionRequest otherKey =
        DecisionSeal.withKey(new byte[32]).vouch(workflowId, true, "alice", "ok", "mtls");
    for (DecisionRequest forged : new DecisionRequest[] {otherRun, renamed, otherKey}) {
      assertThatThrownBy(() -> run.update("decide", DecisionRecord.class, forged))
          .isInstanceOf(WorkflowUpdateException.class)
          .rootCause()
          .hasMessageContaining("seal does not verify");
    }

    DecisionRecord taken =
        run.update(
            "decide", DecisionRecord.class, SEAL.vouch(workflowId, true, "alice", "ok", "mtls"));
    PipelineResult result = run.getResult(PipelineResult.class);

    assertThat(taken.accepted()).isTrue();
    assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.decision().by()).isEqualTo("alice");
    assertThat(result.decision().via()).isEqualTo("update/mtls");
    PipelineStatus status = run.query("status", PipelineStatus.class);
    assertThat(status.audit())
        .extracting(DecisionRecord::via, DecisionRecord::accepted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("signal", false),
            org.assertj.core.groups.Tuple.tuple("update/mtls", true));
    assertThat(status.audit().getFirst().note()).contains("a signal carries no verified name");

    // The seal is checked by the Update validator only, which replay does not run: a worker
    // without the key (or with a rotated one) replays the run as it happened.
    WorkflowReplayer.replayWorkflowExecution(
        f.env.getWorkflowClient().fetchHistory(workflowId), PipelineWorkflowImpl.class);
  }

  @Test
  void aWorkerWithoutTheKeyRefusesVouchedDecisionsAndStillTakesClaimsWhereAllowed()
      throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "r-nokey");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    String workflowId = run.getExecution().getWorkflowId();

    assertThatThrownBy(
            () ->
                run.update(
                    "decide",
                    DecisionRecord.class,
                    SEAL.vouch(workflowId, true, "alice", "ok", "mtls")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("no approval key");
    DecisionRecord claimed =
        run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "ok"));
    assertThat(claimed.via()).isEqualTo("update");
    assertThat(run.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);
  }

  @Test
  void aShortKeyIsRefusedWithHowToMakeOne() {
    assertThatThrownBy(() -> DecisionSeal.withKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageContaining("openssl rand -base64 32");
  }
}
