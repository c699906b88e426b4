package dev.tollgate.worker.slack;

import dev.tollgate.adapters.slack.SlackSettings;
import dev.tollgate.worker.approvals.ApprovalKey;
import io.temporal.client.WorkflowClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The endpoint always exists, so a Slack app pointed at a worker without the secret gets a clear
 * refusal (and the worker a log line) rather than a 404 that looks like a wrong URL. Who may decide
 * comes from {@link SlackEndpointProperties} ({@code tollgate.slack.team-id, approver-domains,
 * approvers}); a bad pinned entry stops the worker here.
 */
@Configuration(proxyBeanMethods = false)
public class SlackInteractionsConfig {

  @Bean
  SlackInteractions slackInteractions(
      SlackSettings slack,
      SlackEndpointProperties endpoint,
      WorkflowClient temporal,
      ApprovalKey approvalKey) {
    return SlackInteractions.create(slack, endpoint, temporal, approvalKey.seal());
  }
}
