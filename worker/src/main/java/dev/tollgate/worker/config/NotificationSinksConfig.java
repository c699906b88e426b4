package dev.tollgate.worker.config;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.notify.WebhookSignature;
import dev.tollgate.activities.notify.WebhookSink;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.adapters.slack.JdbcSlackThreads;
import dev.tollgate.adapters.slack.SlackSettings;
import dev.tollgate.adapters.slack.SlackSink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Slack and the spec's webhook as sinks of the notify activity, after the events file and the
 * metrics. Both are always present and skip an event nobody asked for (no channel, no token, no
 * webhook in the spec), so a worker without Slack settings behaves as before.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationSinksConfig {

  @Bean
  SlackSettings slackSettings(TollgateProperties properties) {
    TollgateProperties.Slack s = properties.slack();
    return new SlackSettings(
        s.botToken(), s.webhookUrl(), s.signingSecret(), s.apiUrl(), s.channel(), "");
  }

  /** Thread roots live beside the delivery ledger, so any worker replies in a run's thread. */
  @Bean
  @Order(2)
  SlackSink slackSink(SlackSettings settings, RegistryDatabase registry) {
    return new SlackSink(settings, new JdbcSlackThreads(registry.dataSource()));
  }

  /** Through the client for spec URLs: the webhook's host must be on the allow-list. */
  @Bean
  @Order(3)
  WebhookSink webhookSink(OutboundHttp outbound, WebhookSignature signature) {
    return new WebhookSink(outbound, signature);
  }
}
