package dev.tollgate.worker.github;

import dev.tollgate.activities.commits.CommitStatuses;
import dev.tollgate.adapters.github.GitHubCommitStatuses;
import dev.tollgate.adapters.github.GitHubSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The GitHub side of the worker from {@code tollgate.github.*}: the webhook's handler (off unless
 * enabled) and, when a token is set, core's {@link CommitStatuses} on GitHub's REST API (the runs
 * that post to it come with the run-starting part of issue 27).
 */
@Configuration(proxyBeanMethods = false)
class GitHubConfig {
  @Bean
  GitHubWebhook gitHubWebhook(
      GitHubProperties settings, WorkflowClient client, MeterRegistry meters) {
    return new GitHubWebhook(
        settings, new TemporalDeliveryRecorder(client), meters, Clock.systemUTC());
  }

  /**
   * Core's {@link CommitStatuses} on GitHub, when a token is set: what the run-starting part will
   * hand the runs (not a bean yet: nothing takes it).
   */
  static Optional<CommitStatuses> commitStatuses(GitHubProperties settings) {
    if (settings.token().isEmpty()) return Optional.empty();
    return Optional.of(
        new GitHubCommitStatuses(new GitHubSettings(settings.apiUrl(), settings.token())));
  }
}
