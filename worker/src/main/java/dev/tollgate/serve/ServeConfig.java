package dev.tollgate.serve;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ArtifactStores;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.RequestRecheck;
import dev.tollgate.activities.serving.ServingPoller;
import dev.tollgate.adapters.aws.s3.S3Access;
import dev.tollgate.adapters.aws.s3.S3ArtifactStore;
import dev.tollgate.worker.config.TollgateProperties;
import dev.tollgate.worker.serving.ServingMeters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code serve} answers with: the home's serving pointers of its environment and models,
 * loaded from the artifact store, each failed load counted; and the poller that loads a changed
 * pointer without waiting for a request. The poller is the only one that reads pointers (requests
 * never recheck): a request costs no file read, and every replica follows a deploy within a poll.
 */
@Configuration(proxyBeanMethods = false)
class ServeConfig {

  /**
   * From the home's pointers; or, pinned (TOLLGATE_MODEL_*), from a pointer of its own to that one
   * artifact, in the configured store or else the store the URI names.
   */
  @Bean
  ModelServing modelServing(
      TollgateProperties properties,
      ServeProperties serve,
      ArtifactStore artifacts,
      S3Access s3,
      ServingMeters meters) {
    PinnedModel pinned = serve.pinned();
    if (pinned == null) {
      return new ModelServing(
          properties.home().toAbsolutePath().resolve("serving"),
          new ModelStore(artifacts),
          serve.scope(),
          meters::loadFailed,
          RequestRecheck.never());
    }
    String configured = properties.artifacts().uri();
    ArtifactStore store =
        configured == null || configured.isBlank()
            ? ArtifactStores.open(
                pinned.storeRoot(),
                properties.home().toAbsolutePath(),
                root -> new S3ArtifactStore(s3.client(), root))
            : artifacts;
    return new ModelServing(
        pinned.servingFolder(),
        new ModelStore(store),
        serve.scope(),
        meters::loadFailed,
        RequestRecheck.never());
  }

  /** Loads every assigned model before the server opens its port, then every interval. */
  @Bean(destroyMethod = "close")
  ServingPoller servingPoller(ModelServing serving, ServeProperties serve) {
    return new ServingPoller(serving, serve.pollInterval()).start();
  }
}
