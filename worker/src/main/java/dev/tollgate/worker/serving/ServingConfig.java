package dev.tollgate.worker.serving;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.activities.serving.ServingScope;
import dev.tollgate.worker.config.TollgateProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Local serving: what this worker's HTTP API answers with, and how the deploy stage's smoke test
 * reaches that API. Here rather than beside the stages, so that the stages' configuration needs
 * only a {@link ServingClient} and not this package.
 */
@Configuration(proxyBeanMethods = false)
public class ServingConfig {

  /** What the HTTP API answers with, from the home folder's serving pointers. */
  @Bean
  ModelServing modelServing(
      TollgateProperties properties, ArtifactStore artifacts, ServingMeters meters) {
    return new ModelServing(
        properties.home().toAbsolutePath().resolve("serving"),
        new ModelStore(artifacts),
        ServingScope.all(),
        meters::loadFailed);
  }

  /**
   * The smoke test's way to serving: HTTP, at {@link ServingAddress}, per environment where one has
   * a URL of its own.
   */
  @Bean
  ServingClient servingClient(ServingAddress address) {
    return new EnvironmentServingClient(address);
  }
}
