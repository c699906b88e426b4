package dev.tollgate.worker.github;

import dev.tollgate.activities.commits.CommitActivitiesImpl;
import dev.tollgate.activities.commits.CommitCheckouts;
import dev.tollgate.activities.commits.CommitStatuses;
import dev.tollgate.activities.commits.GitProcess;
import dev.tollgate.activities.data.DataAccess;
import dev.tollgate.adapters.github.GitHubCommitStatuses;
import dev.tollgate.adapters.github.GitHubSettings;
import dev.tollgate.github.CommitActivities;
import dev.tollgate.worker.config.TollgateProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The GitHub side of the worker from {@code tollgate.github.*}: the webhook's handler (off unless
 * enabled) and, when enabled, the delivery workflow's {@link CommitActivities}: commits fetched
 * from the configured remote, results posted through core's {@link CommitStatuses} on GitHub's REST
 * API when a token is set. {@code PipelineWorkers} registers the activities on the pipeline queue.
 */
@Configuration(proxyBeanMethods = false)
class GitHubConfig {
  @Bean
  GitHubWebhook gitHubWebhook(
      GitHubProperties settings, WorkflowClient client, MeterRegistry meters) {
    return new GitHubWebhook(
        settings, new TemporalDeliveryRecorder(client), meters, Clock.systemUTC());
  }

  /** Only when enabled: a worker without GitHub settings runs no git. */
  @Bean
  @ConditionalOnProperty(name = "tollgate.github.enabled", havingValue = "true")
  CommitActivities commitActivities(
      GitHubProperties settings,
      GitHubCheckoutProperties checkout,
      TollgateProperties tollgate,
      DataAccess dataAccess,
      MeterRegistry meters) {
    var where = checkout.settings(tollgate.home(), settings.specPaths());
    CheckoutDataRoots.check(where.checkouts(), dataAccess, tollgate.home());
    if (!checkout.remoteUrl().contains("{repository}") && settings.repositories().size() != 1) {
      org.slf4j.LoggerFactory.getLogger(GitHubConfig.class)
          .warn(
              "tollgate.github.remote-url has no {repository}: every repository's commits are"
                  + " fetched from {}; list the one repository in tollgate.github.repositories",
              dev.tollgate.stages.RemoteUrls.withoutCredentials(checkout.remoteUrl()));
    }
    GitProcess git = new GitProcess(checkout.gitTimeout());
    return new CommitActivitiesImpl(
        new CommitCheckouts(where, git),
        git,
        commitStatuses(settings).orElse(null),
        Clock.systemUTC(),
        meters);
  }

  /** Core's {@link CommitStatuses} on GitHub, when a token is set. */
  static Optional<CommitStatuses> commitStatuses(GitHubProperties settings) {
    if (settings.token().isEmpty()) return Optional.empty();
    return Optional.of(
        new GitHubCommitStatuses(new GitHubSettings(settings.apiUrl(), settings.token())));
  }
}
