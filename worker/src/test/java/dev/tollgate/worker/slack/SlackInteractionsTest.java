package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tollgate.adapters.slack.FakeSlack;
import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.stages.Outcome;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Clicks on the approval message, signed as Slack signs them, through Spring MVC and Bolt's
 * verification into a real pipeline workflow waiting at its approval gate; slack.com is a local
 * stand-in that records what Tollgate asked of it.
 */
class SlackInteractionsTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  private SlackPipelineFixture temporal;
  private FakeSlack slack;
  private MockMvc mvc;

  @BeforeEach
  void start() throws Exception {
    temporal = new SlackPipelineFixture();
    slack =
        new FakeSlack(
            Map.of(
                "U0ALICE", "alice@elsewhere.example",
                "U0BOB", "Bob@example.com",
                "U0MALLORY", "mallory@example.com"));
    mvc = endpoint(SECRET);
  }

  @AfterEach
  void stop() {
    slack.close();
    temporal.close();
  }

  @Test
  void aMappedApproverApprovesAndTheMessageSaysWho() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("r1");
    String id = run.getExecution().getWorkflowId();

    MockHttpServletResponse answer =
        send(
            SignedInteraction.of(
                SECRET, SignedInteraction.click("tollgate_approve", id, "U0ALICE")));

    assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
    PipelineResult result = run.getResult(30, TimeUnit.SECONDS, PipelineResult.class);
    assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.decision().by()).isEqualTo("alice");
    assertThat(result.decision().comment()).isEqualTo("approved from Slack");
    assertThat(result.decision().via()).isEqualTo("update");

    List<FakeSlack.Request> updates = slack.calls("chat.update");
    assertThat(updates).hasSize(1);
    FakeSlack.Request update = updates.getFirst();
    assertThat(update.field("channel")).isEqualTo("C0ML");
    assertThat(update.field("ts")).isEqualTo("1700000000.000100");
    assertThat(update.field("text")).isEqualTo("energy-load v1 approved by alice (from Slack)");
    // The buttons are gone, the headline stays.
    assertThat(update.field("blocks"))
        .contains("approved by alice")
        .contains("awaits approval")
        .doesNotContain("tollgate_approve")
        .doesNotContain("Approval needed")
        .contains("\"type\":\"header\"");
    assertThat(slack.calls("users.info"))
        .as("the worker asks Slack who clicked, even for a pinned user")
        .singleElement()
        .satisfies(c -> assertThat(c.field("user")).isEqualTo("U0ALICE"));
    assertThat(slack.calls("chat.postEphemeral")).isEmpty();
  }

  @Test
  void withTheApprovalKeyASlackApprovalIsVouchedForAndPassesRequireIdentity() throws Exception {
    temporal.close();
    DecisionSeal seal = DecisionSeal.withKey(new byte[32]);
    temporal = new SlackPipelineFixture(seal);
    MockMvc vouching =
        SlackEndpoints.mvc(SECRET, slack, temporal.client(), seal, SlackEndpoints.WORKER);
    WorkflowStub run =
        temporal.runAwaitingApproval(
            "r-vouched",
            SlackPipelineFixture.SPEC.replace(
                "approval:\n", "approval:\n  require_identity: true\n"));
    String id = run.getExecution().getWorkflowId();

    MockHttpServletResponse answer =
        send(
            vouching,
            SignedInteraction.of(
                SECRET, SignedInteraction.click("tollgate_approve", id, "U0ALICE")));

    assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
    PipelineResult result = run.getResult(30, TimeUnit.SECONDS, PipelineResult.class);
    assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.decision().by()).isEqualTo("alice");
    assertThat(result.decision().via()).isEqualTo("update/slack");
  }

  @Test
  void anApproverFoundByConfirmedEmailInAnAllowedDomainApproves() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("r2");
    String id = run.getExecution().getWorkflowId();

    send(SignedInteraction.of(SECRET, SignedInteraction.click("tollgate_approve", id, "U0BOB")));

    PipelineResult result = run.getResult(30, TimeUnit.SECONDS, PipelineResult.class);
    assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.decision().by()).isEqualTo("bob");
    assertThat(slack.calls("users.info"))
        .singleElement()
        .satisfies(c -> assertThat(c.field("user")).isEqualTo("U0BOB"));
    assertThat(slack.calls("chat.update").getFirst().field("text")).contains("approved by bob");
  }

  @Test
  void anUnlistedUserIsToldPrivatelyAndNothingIsDecided() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("r3");
    String id = run.getExecution().getWorkflowId();

    MockHttpServletResponse answer =
        send(
            SignedInteraction.of(
                SECRET, SignedInteraction.click("tollgate_approve", id, "U0MALLORY")));

    assertThat(answer.getStatus()).isEqualTo(200);
    List<FakeSlack.Request> notes = slack.calls("chat.postEphemeral");
    assertThat(notes).hasSize(1);
    assertThat(notes.getFirst().field("user")).isEqualTo("U0MALLORY");
    assertThat(notes.getFirst().field("channel")).isEqualTo("C0ML");
    assertThat(notes.getFirst().field("text")).isEqualTo("you are not an approver of energy-load");
    assertThat(slack.calls("chat.update")).isEmpty();
    assertUndecided(run);
  }

  @Test
  void aBadSignatureIs401AndDecidesNothing() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("r4");
    String id = run.getExecution().getWorkflowId();
    SignedInteraction signed =
        SignedInteraction.of(SECRET, SignedInteraction.click("tollgate_approve", id, "U0ALICE"));

    MockHttpServletResponse forged =
        send(
            signed.withSignature(
                SignedInteraction.sign("not-the-secret", signed.timestamp(), signed.body())));
    MockHttpServletResponse unsigned = send(signed.withSignature(null));

    assertThat(forged.getStatus()).isEqualTo(401);
    assertThat(unsigned.getStatus()).isEqualTo(401);
    assertThat(slack.callsButAuth()).isEmpty();
    assertUndecided(run);
  }

  @Test
  void aStaleTimestampIs401() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("r5");
    String id = run.getExecution().getWorkflowId();

    MockHttpServletResponse answer =
        send(
            SignedInteraction.at(
                SECRET,
                SignedInteraction.click("tollgate_approve", id, "U0ALICE"),
                Instant.now().minus(Duration.ofMinutes(6))));

    assertThat(answer.getStatus()).isEqualTo(401);
    assertThat(slack.callsButAuth()).isEmpty();
    assertUndecided(run);
  }

  @Test
  void rejectAsksForAReasonInAModalAndItsSubmissionRejects() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("r6");
    String id = run.getExecution().getWorkflowId();

    MockHttpServletResponse clicked =
        send(
            SignedInteraction.of(
                SECRET, SignedInteraction.click("tollgate_reject", id, "U0ALICE")));

    assertThat(clicked.getStatus()).isEqualTo(200);
    assertUndecided(run);
    List<FakeSlack.Request> opened = slack.calls("views.open");
    assertThat(opened).hasSize(1);
    assertThat(opened.getFirst().field("trigger_id")).isEqualTo("1111.2222.trigger");
    JsonObject view = JsonParser.parseString(opened.getFirst().field("view")).getAsJsonObject();
    assertThat(view.get("callback_id").getAsString()).isEqualTo("tollgate_reject_reason");
    assertThat(view.toString()).contains("plain_text_input");
    String metadata = view.get("private_metadata").getAsString();
    assertThat(metadata).contains(id).contains("C0ML").contains("1700000000.000100");

    MockHttpServletResponse submitted =
        send(
            SignedInteraction.of(
                SECRET,
                SignedInteraction.reasonSubmitted(metadata, "U0ALICE", "drift on temperature")));

    assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
    assertThat(submitted.getContentAsString()).doesNotContain("errors");
    PipelineResult result = run.getResult(30, TimeUnit.SECONDS, PipelineResult.class);
    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED_BY_APPROVER);
    assertThat(result.decision().by()).isEqualTo("alice");
    assertThat(result.decision().comment()).isEqualTo("drift on temperature");
    FakeSlack.Request update = slack.calls("chat.update").getFirst();
    assertThat(update.field("channel")).isEqualTo("C0ML");
    assertThat(update.field("ts")).isEqualTo("1700000000.000100");
    assertThat(update.field("text"))
        .isEqualTo("energy-load v1 rejected by alice (from Slack): drift on temperature");
  }

  @Test
  void anUnlistedUserCannotOpenTheRejectForm() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("r7");
    String id = run.getExecution().getWorkflowId();

    send(SignedInteraction.of(SECRET, SignedInteraction.click("tollgate_reject", id, "U0MALLORY")));

    assertThat(slack.calls("views.open")).isEmpty();
    assertThat(slack.calls("chat.postEphemeral").getFirst().field("text"))
        .isEqualTo("you are not an approver of energy-load");
    assertUndecided(run);
  }

  @Test
  void theValidatorsRefusalIsShownInTheModal() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("r8");
    String id = run.getExecution().getWorkflowId();
    String metadata =
        "{\"workflowId\":\"" + id + "\",\"channel\":\"C0ML\",\"ts\":\"1700000000.000100\"}";

    MockHttpServletResponse submitted =
        send(
            SignedInteraction.of(
                SECRET, SignedInteraction.reasonSubmitted(metadata, "U0ALICE", "  ")));

    assertThat(submitted.getStatus()).isEqualTo(200);
    JsonObject answer = JsonParser.parseString(submitted.getContentAsString()).getAsJsonObject();
    assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
    assertThat(answer.getAsJsonObject("errors").get("reason").getAsString())
        .isEqualTo("a rejection needs a reason");
    assertThat(slack.calls("chat.update")).isEmpty();
    assertUndecided(run);
  }

  @Test
  void withoutASigningSecretEveryRequestIsRefused() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("r9");
    String id = run.getExecution().getWorkflowId();
    MockMvc unconfigured = endpoint("");

    MockHttpServletResponse answer =
        send(
            unconfigured,
            SignedInteraction.of(
                SECRET, SignedInteraction.click("tollgate_approve", id, "U0ALICE")));

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(slack.callsButAuth()).isEmpty();
    assertUndecided(run);
  }

  private MockMvc endpoint(String secret) {
    return SlackEndpoints.mvc(secret, slack, temporal.client(), null, SlackEndpoints.WORKER);
  }

  private MockHttpServletResponse send(SignedInteraction signed) throws Exception {
    return send(mvc, signed);
  }

  private static MockHttpServletResponse send(MockMvc mvc, SignedInteraction signed)
      throws Exception {
    var request =
        post("/slack/interactions")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .header("X-Slack-Request-Timestamp", signed.timestamp())
            .content(signed.body());
    if (signed.signature() != null) request.header("X-Slack-Signature", signed.signature());
    return mvc.perform(request).andReturn().getResponse();
  }

  private void assertUndecided(WorkflowStub run) {
    PipelineStatus status = temporal.status(run);
    assertThat(status.stage()).isEqualTo(Stage.AWAITING_APPROVAL);
    assertThat(status.audit()).isEmpty();
    assertThat(status.approval().decisions()).isEmpty();
  }
}
