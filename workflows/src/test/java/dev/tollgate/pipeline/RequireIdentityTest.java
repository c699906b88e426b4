package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.stages.Outcome;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.WorkflowReplayer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code approval.require_identity}: a claimed name is refused, a decision a worker vouched for
 * (sealed with the deployment's approval key) is taken and audited with its channel, and a seal
 * that does not belong to the decision (another workflow, another execution of the same workflow,
 * another candidate, another name, another key, or one past its expiry) is refused.
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

  /** The gate's own subject, as a worker reads it from the status before it vouches. */
  private static DecisionSubject subject(WorkflowStub run) {
    return run.query("status", PipelineStatus.class).approval().subject();
  }

  private long inMinutes(int minutes) {
    return f.env.currentTimeMillis() + Duration.ofMinutes(minutes).toMillis();
  }

  @Test
  void aClaimedNameIsRefusedAndAVouchedOneDecides() throws Exception {
    f.start(SEAL);
    WorkflowStub run = f.startRun(PipelineFixture.specRequiringIdentity(1), "r-id");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    String workflowId = run.getExecution().getWorkflowId();
    DecisionSubject mine = subject(run);
    assertThat(mine.workflowId()).isEqualTo(workflowId);
    assertThat(mine.runId()).isEqualTo(run.getExecution().getRunId());
    assertThat(mine.modelVersion()).isEqualTo(1);
    assertThat(mine.modelDigest()).isEqualTo(PipelineFixture.V1.modelDigest());

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

    // A seal made for another name, or with another key, does not verify here.
    DecisionRequest forBob = SEAL.vouch(mine, true, "bob", "ok", "mtls", inMinutes(2));
    DecisionRequest renamed =
        new DecisionRequest(
            true,
            "alice",
            "ok",
            forBob.vouchedBy(),
            forBob.seal(),
            forBob.subject(),
            forBob.expiresAtMillis());
    DecisionRequest otherKey =
        DecisionSeal.withKey(new byte[32]).vouch(mine, true, "alice", "ok", "mtls", inMinutes(2));
    for (DecisionRequest forged : new DecisionRequest[] {renamed, otherKey}) {
      assertThatThrownBy(() -> run.update("decide", DecisionRecord.class, forged))
          .isInstanceOf(WorkflowUpdateException.class)
          .rootCause()
          .hasMessageContaining("seal does not verify");
    }

    DecisionRecord taken =
        run.update(
            "decide",
            DecisionRecord.class,
            SEAL.vouch(mine, true, "alice", "ok", "mtls", inMinutes(2)));
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

  /**
   * The seal binds the Temporal run, the candidate and an expiry (issue 21): a seal from an earlier
   * execution of the same workflow ID, one for another version or digest, and one past its expiry
   * by workflow time are refused; today's seal, for this run and candidate, decides.
   */
  @Test
  void aSealForAnotherExecutionCandidateOrPastItsExpiryIsRefused() throws Exception {
    f.start(SEAL);
    WorkflowStub run = f.startRun(PipelineFixture.specRequiringIdentity(1), "r-bind");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    DecisionSubject mine = subject(run);

    DecisionSubject otherWorkflow =
        new DecisionSubject(
            "pipeline/energy-load/r-other", mine.runId(), mine.modelVersion(), mine.modelDigest());
    DecisionSubject earlierExecution =
        new DecisionSubject(
            mine.workflowId(), "an-earlier-run-id", mine.modelVersion(), mine.modelDigest());
    DecisionSubject otherVersion =
        new DecisionSubject(mine.workflowId(), mine.runId(), 2, mine.modelDigest());
    DecisionSubject otherDigest =
        new DecisionSubject(mine.workflowId(), mine.runId(), mine.modelVersion(), "not-abc");
    record Case(DecisionRequest request, String says) {}
    Case[] cases = {
      new Case(SEAL.vouch(otherWorkflow, true, "alice", "ok", "mtls", inMinutes(2)), "another run"),
      new Case(
          SEAL.vouch(earlierExecution, true, "alice", "ok", "mtls", inMinutes(2)),
          "another execution of " + mine.workflowId()),
      new Case(
          SEAL.vouch(otherVersion, true, "alice", "ok", "mtls", inMinutes(2)),
          "another candidate (v2), not v1"),
      new Case(
          SEAL.vouch(otherDigest, true, "alice", "ok", "mtls", inMinutes(2)), "another candidate"),
      new Case(
          SEAL.vouch(mine, true, "alice", "ok", "mtls", f.env.currentTimeMillis() - 1),
          "seal expired at"),
    };
    // The claimed subject is only for the message: a seal whose request says this run, but which
    // was made for an earlier one, does not verify either.
    DecisionRequest made = SEAL.vouch(earlierExecution, true, "alice", "ok", "mtls", inMinutes(2));
    DecisionRequest relabelled =
        new DecisionRequest(true, "alice", "ok", "mtls", made.seal(), mine, made.expiresAtMillis());
    for (Case c : cases) {
      assertThatThrownBy(() -> run.update("decide", DecisionRecord.class, c.request()))
          .as(c.says())
          .isInstanceOf(WorkflowUpdateException.class)
          .rootCause()
          .hasMessageContaining(c.says());
    }
    assertThatThrownBy(() -> run.update("decide", DecisionRecord.class, relabelled))
        .rootCause()
        .hasMessageContaining("seal does not verify");

    DecisionRecord taken =
        run.update(
            "decide",
            DecisionRecord.class,
            SEAL.vouch(mine, true, "alice", "ok", "mtls", inMinutes(2)));
    assertThat(taken.accepted()).isTrue();
    assertThat(run.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.DEPLOYED);
  }

  @Test
  void aWorkerWithoutTheKeyRefusesVouchedDecisionsAndStillTakesClaimsWhereAllowed()
      throws Exception {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "r-nokey");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    assertThatThrownBy(
            () ->
                run.update(
                    "decide",
                    DecisionRecord.class,
                    SEAL.vouch(subject(run), true, "alice", "ok", "mtls", inMinutes(2))))
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
