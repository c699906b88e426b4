package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.google.gson.Gson;
import dev.tollgate.adapters.slack.FakeSlack;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.stages.Outcome;
import io.temporal.client.WorkflowStub;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who a Slack click is, decided by the worker (issue 21, item 3): the full confirmed e-mail within
 * a listed domain or a pinned user id, a member of the worker's own workspace, not a guest, not
 * from another organisation, not a bot, not deactivated. The spec's map cannot make anyone an
 * approver. Each case is a real run waiting at its gate (approvers alice and bob; the spec maps
 * U0ALICE to alice) and a signed click; Slack is a local stand-in answering users.info.
 */
class SlackApproverIdentityTest {
  private static final String SECRET = "identity-test-signing-secret";

  private SlackPipelineFixture temporal;
  private FakeSlack slack;

  @BeforeEach
  void start() throws Exception {
    temporal = new SlackPipelineFixture();
    slack = new FakeSlack(Map.of("U0BOB", "bob@example.com"));
  }

  @AfterEach
  void stop() {
    slack.close();
    temporal.close();
  }

  @Test
  void theLocalPartOnAnotherDomainIsNobody() throws Exception {
    slack.user("U0EVE", member("U0EVE", "alice@evil.example"));
    WorkflowStub run = temporal.runAwaitingApproval("trick");

    click(SlackEndpoints.settings("", List.of("example.com"), ""), run, "U0EVE", "T0TEAM");

    assertRefused(run, "U0EVE", "you are not an approver of energy-load");
  }

  @Test
  void aPinnedSlackUserDecidesAsTheApproverTheWorkerNames() throws Exception {
    slack.user("U0BOBBY", member("U0BOBBY", null));
    WorkflowStub run = temporal.runAwaitingApproval("pinned");

    click(SlackEndpoints.settings("", List.of(), "U0BOBBY=bob"), run, "U0BOBBY", "T0TEAM");

    PipelineResult result = run.getResult(30, TimeUnit.SECONDS, PipelineResult.class);
    assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.DEPLOYED);
    assertThat(result.decision().by()).isEqualTo("bob");
  }

  @Test
  void theSpecsMapAloneMakesNobodyAnApprover() throws Exception {
    slack.user("U0ALICE", member("U0ALICE", "alice@elsewhere.example"));
    WorkflowStub run = temporal.runAwaitingApproval("spec-map");

    click(SlackEndpoints.settings("", List.of("example.com"), ""), run, "U0ALICE", "T0TEAM");

    assertRefused(run, "U0ALICE", "you are not an approver of energy-load");
  }

  @Test
  void theSpecMayRefuseTheWorkersMappingButNotReplaceIt() throws Exception {
    slack.user("U0ALICE", member("U0ALICE", null));
    WorkflowStub run = temporal.runAwaitingApproval("spec-narrows");

    click(SlackEndpoints.settings("", List.of(), "U0ALICE=bob"), run, "U0ALICE", "T0TEAM");

    assertRefused(
        run,
        "U0ALICE",
        "this pipeline's spec maps your Slack account to another approver; nothing was decided");
  }

  @Test
  void aClickFromAnotherWorkspaceIsRefused() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("other-team");

    click(SlackEndpoints.WORKER, run, "U0BOB", "T0OTHER");

    assertRefused(
        run, "U0BOB", "only full members of this Slack workspace can decide on a pipeline run");
  }

  @Test
  void theConfiguredTeamIdWinsOverTheBotTokensWorkspace() throws Exception {
    WorkflowStub run = temporal.runAwaitingApproval("configured-team");

    click(SlackEndpoints.settings("T0CORP", List.of("example.com"), ""), run, "U0BOB", "T0TEAM");

    assertRefused(
        run, "U0BOB", "only full members of this Slack workspace can decide on a pipeline run");
  }

  static Stream<Arguments> notAFullMember() {
    String outsider = "only full members of this Slack workspace can decide on a pipeline run";
    String guest = "guest accounts cannot decide on a pipeline run";
    String bot = "apps and bots cannot decide on a pipeline run";
    return Stream.of(
        Arguments.of("a guest", Map.of("is_restricted", true), guest),
        Arguments.of("a single-channel guest", Map.of("is_ultra_restricted", true), guest),
        Arguments.of("Slack Connect", Map.of("team_id", "T0OTHER", "is_stranger", true), outsider),
        Arguments.of("a bot", Map.of("is_bot", true), bot),
        Arguments.of("an app user", Map.of("is_app_user", true), bot),
        Arguments.of(
            "deactivated", Map.of("deleted", true), "a deactivated Slack account cannot decide"),
        Arguments.of(
            "an unconfirmed e-mail",
            Map.of("is_email_confirmed", false),
            "you are not an approver of energy-load"));
  }

  /** bob@example.com on a listed domain, but Slack says the account may not decide. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("notAFullMember")
  void slackUsersWhoAreNotFullMembersAreRefused(
      String who, Map<String, Object> flags, String answer) throws Exception {
    slack.user("U0BOB", member("U0BOB", "bob@example.com", flags));
    WorkflowStub run = temporal.runAwaitingApproval("not-member");

    click(SlackEndpoints.WORKER, run, "U0BOB", "T0TEAM");

    assertRefused(run, "U0BOB", answer);
  }

  /** A full member of T0TEAM with a confirmed e-mail (or none). */
  private static String member(String id, String email) {
    return member(id, email, Map.of());
  }

  /** Slack's user object for users.info: a full member, but for {@code flags}. */
  private static String member(String id, String email, Map<String, Object> flags) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", id);
    user.put("team_id", "T0TEAM");
    user.put("name", "someone");
    user.put("deleted", false);
    user.put("is_bot", false);
    user.put("is_restricted", false);
    user.put("is_ultra_restricted", false);
    user.put("is_email_confirmed", true);
    user.put("profile", email == null ? Map.of() : Map.of("email", email));
    user.putAll(flags);
    return new Gson().toJson(user);
  }

  private void click(SlackEndpointProperties worker, WorkflowStub run, String user, String team)
      throws Exception {
    MockMvc mvc = SlackEndpoints.mvc(SECRET, slack, temporal.client(), null, worker);
    String json =
        SignedInteraction.click("tollgate_approve", run.getExecution().getWorkflowId(), user)
            .replace("T0TEAM", team);
    SignedInteraction signed = SignedInteraction.of(SECRET, json);
    int status =
        mvc.perform(
                post("/slack/interactions")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .header("X-Slack-Request-Timestamp", signed.timestamp())
                    .header("X-Slack-Signature", signed.signature())
                    .content(signed.body()))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(200);
  }

  private void assertRefused(WorkflowStub run, String user, String answer) {
    assertThat(slack.calls("chat.postEphemeral"))
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.field("user")).isEqualTo(user);
              assertThat(note.field("text")).isEqualTo(answer);
            });
    assertThat(slack.calls("chat.update")).isEmpty();
    PipelineStatus status = temporal.status(run);
    assertThat(status.stage()).isEqualTo(Stage.AWAITING_APPROVAL);
    assertThat(status.approval().decisions()).isEmpty();
  }
}
