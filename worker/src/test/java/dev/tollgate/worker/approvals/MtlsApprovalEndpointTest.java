package dev.tollgate.worker.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.actions.ActionSeal;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.policy.ActionRequest;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;
import dev.tollgate.stages.Outcome;
import dev.tollgate.worker.slack.SlackPipelineFixture;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code approval.require_identity} end to end on the test server: the approver's name comes from
 * the client certificate the worker's HTTPS endpoint verified (CN=alice), not from the request; the
 * CLI's {@code --by} claim is refused; a certificate from another authority, or none, does not get
 * through the handshake; a CN that is not an approver is refused by the run itself.
 */
class MtlsApprovalEndpointTest {
  private static final String STRICT_SPEC =
      SlackPipelineFixture.SPEC.replace("approval:\n", "approval:\n  require_identity: true\n");
  private static final char[] PASSWORD = TestCertificates.PASSWORD.toCharArray();

  @TempDir static Path dir;
  private static ApprovalKey key;
  private static SlackPipelineFixture f;
  private static MtlsApprovalEndpoint endpoint;
  private static URI url;
  private static Path alice;
  private static Path mallory;
  private static Path stranger;
  private static Path anonymous;

  @BeforeAll
  static void start() throws Exception {
    TestCertificates ca = TestCertificates.authority(dir, "tollgate");
    Path server = ca.issue("localhost");
    alice = ca.issue("alice");
    mallory = ca.issue("mallory");
    // Issued elsewhere, but trusting the worker's authority: only the worker can refuse it.
    stranger = TestCertificates.authority(dir, "elsewhere").issue("alice");
    ca.trustedBy(stranger);
    Path truststore = ca.truststore();
    anonymous = truststore; // trusts the worker's authority, has no certificate of its own
    key = ApprovalKey.parse(Base64.getEncoder().encodeToString(new byte[48]));
    f = new SlackPipelineFixture(key.seal());
    endpoint =
        MtlsApprovalEndpoint.start(
            new MtlsSettings(
                0,
                "127.0.0.1",
                server,
                TestCertificates.PASSWORD,
                truststore,
                TestCertificates.PASSWORD),
            f.client(),
            key);
    url = URI.create("https://127.0.0.1:" + endpoint.port());
  }

  @AfterAll
  static void stop() {
    if (endpoint != null) endpoint.close();
    if (f != null) f.close();
  }

  @Test
  void theCertificatesCnDecidesAndAClaimedNameIsRefused() throws Exception {
    WorkflowStub run = f.runAwaitingApproval("r-mtls", STRICT_SPEC);
    String workflowId = run.getExecution().getWorkflowId();

    assertThatThrownBy(
            () ->
                run.update(
                    "decide", DecisionRecord.class, new DecisionRequest(true, "alice", "lgtm")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("approval.require_identity");

    MtlsDecisionClient.Answer notApprover =
        MtlsDecisionClient.send(url, mallory, PASSWORD, workflowId, true, "let me");
    assertThat(notApprover.status()).isEqualTo(409);
    assertThat(notApprover.error()).contains("'mallory' is not an approver");

    MtlsDecisionClient.Answer taken =
        MtlsDecisionClient.send(url, alice, PASSWORD, workflowId, true, "checked the report");
    assertThat(taken.status()).as(String.valueOf(taken.error())).isEqualTo(200);
    assertThat(taken.recorded().by()).isEqualTo("alice");
    assertThat(taken.recorded().via()).isEqualTo("update/mtls");

    PipelineResult result = run.getResult(PipelineResult.class);
    assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.decision().by()).isEqualTo("alice");
    assertThat(result.decision().comment()).isEqualTo("checked the report");
  }

  @Test
  void aCertificateFromAnotherAuthorityOrNoneDoesNotGetThroughTheHandshake() throws Exception {
    WorkflowStub run = f.runAwaitingApproval("r-stranger", STRICT_SPEC);
    String workflowId = run.getExecution().getWorkflowId();

    for (Path identity : new Path[] {stranger, anonymous}) {
      assertThatThrownBy(
              () -> MtlsDecisionClient.send(url, identity, PASSWORD, workflowId, true, "hi"))
          .as(identity.getFileName().toString())
          .isInstanceOf(java.io.IOException.class);
    }
    assertThat(f.status(run).audit()).as("nothing reached the run").isEmpty();
    run.cancel();
  }

  /**
   * Item 12 of issue 21: the endpoint vouches for a production action as the certificate's CN; its
   * seal covers exactly that action, model, detail and name, for a few minutes.
   */
  @Test
  void theEndpointSealsAnActionAsTheCertificatesCnAndNothingElse() throws Exception {
    String detail = "to=v2 run=rollback-1";
    long before = System.currentTimeMillis();
    MtlsActionClient.Sealed sealed =
        MtlsActionClient.seal(url, alice, PASSWORD, PolicyAction.ROLLBACK, "energy-load", detail);

    assertThat(sealed.by()).isEqualTo("alice");
    assertThat(sealed.voucher().channel()).isEqualTo("mtls");
    assertThat(sealed.voucher().expiresAtMillis())
        .isBetween(before, System.currentTimeMillis() + Duration.ofMinutes(5).toMillis());
    Voucher v = sealed.voucher();
    assertThat(
            ActionSeal.verifies(
                key.seal(),
                new ActionRequest(PolicyAction.ROLLBACK, "energy-load", "alice", detail, v, 0)))
        .isTrue();
    for (ActionRequest other :
        new ActionRequest[] {
          new ActionRequest(PolicyAction.ROLLBACK, "energy-load", "mallory", detail, v, 0),
          new ActionRequest(PolicyAction.ROLLBACK, "energy-load", "alice", "to=v1 run=x", v, 0),
          new ActionRequest(PolicyAction.ROLLBACK, "churn", "alice", detail, v, 0),
          new ActionRequest(PolicyAction.DISABLE, "energy-load", "alice", detail, v, 0)
        }) {
      assertThat(ActionSeal.verifies(key.seal(), other)).as(other.toString()).isFalse();
    }
  }

  @Test
  void anUnknownRunIsNamedInThe404() throws Exception {
    MtlsDecisionClient.Answer answer =
        MtlsDecisionClient.send(url, alice, PASSWORD, "pipeline/energy-load/nope", true, null);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.error()).contains("pipeline/energy-load/nope");
  }

  @Test
  void anUnreadableIdentityFileIsNamed() {
    assertThatThrownBy(
            () ->
                MtlsDecisionClient.send(
                    url, dir.resolve("missing.p12"), PASSWORD, "pipeline/x/y", true, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--identity")
        .hasMessageContaining("missing.p12");
  }
}
