package dev.tollgate.worker.slack;

import dev.tollgate.adapters.slack.FakeSlack;
import dev.tollgate.adapters.slack.SlackSettings;
import dev.tollgate.pipeline.DecisionSeal;
import io.temporal.client.WorkflowClient;
import java.util.List;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

/**
 * The Slack endpoint as the worker wires it, through Spring MVC, against a local Slack stand-in.
 */
final class SlackEndpoints {
  /**
   * The worker's identity settings in these tests: U0ALICE pinned to alice, and confirmed e-mails
   * on example.com (bob@example.com is bob); the workspace is the bot token's (FakeSlack: T0TEAM).
   */
  static final SlackEndpointProperties WORKER =
      settings("", List.of("example.com"), "U0ALICE=alice");

  private SlackEndpoints() {}

  static SlackEndpointProperties settings(String teamId, List<String> domains, String pinned) {
    return new SlackEndpointProperties(teamId, domains, pinned, DataSize.ofKilobytes(64));
  }

  static MockMvc mvc(
      String secret,
      FakeSlack slack,
      WorkflowClient temporal,
      DecisionSeal seal,
      SlackEndpointProperties endpoint) {
    SlackSettings settings = new SlackSettings("xoxb-test", "", secret, slack.apiUrl(), "", "");
    SlackInteractions interactions = SlackInteractions.create(settings, endpoint, temporal, seal);
    return MockMvcBuilders.standaloneSetup(new SlackInteractionsController(interactions)).build();
  }
}
