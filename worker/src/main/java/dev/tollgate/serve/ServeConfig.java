package dev.tollgate.serve;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ServingPoller;
import dev.tollgate.worker.config.TollgateProperties;
import dev.tollgate.worker.serving.ServingMeters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code serve} answers with: the home's serving pointers of its environment and models,
 * loaded from the artifact store, each failed load counted; and the poller that loads a changed
 * pointer without waiting for a request.
 */
@Configuration(proxyBeanMethods = false)
class ServeConfig {

  @Bean
  ModelServing modelServing(
      TollgateProperties properties,
      ServeProperties serve,
      ArtifactStore artifacts,
      ServingMeters meters) {
    return new ModelServing(
        properties.home().toAbsolutePath().resolve("serving"),
        new ModelStore(artifacts),
        serve.scope(),
        meters::loadFailed);
  }

  /** Loads every assigned model before the server opens its port, then every interval. */
  @Bean(destroyMethod = "close")
  ServingPoller servingPoller(ModelServing serving, ServeProperties serve) {
    return new ServingPoller(serving, serve.pollInterval()).start();
  }
}
