package dev.tollgate.worker.training;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ArtifactStores;
import dev.tollgate.activities.train.ray.RayJobs;
import dev.tollgate.activities.train.ray.RayRunner;
import dev.tollgate.adapters.aws.s3.S3Access;
import dev.tollgate.adapters.aws.s3.S3ArtifactStore;
import dev.tollgate.worker.config.TollgateProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's {@link RayRunner} when {@code tollgate.training.ray.enabled}: the Jobs API client
 * comes from the {@link RayJobs.Factory} bean (the HTTP adapter), the staging store from {@code
 * tollgate.training.ray.staging} (else the worker's artifact store). A worker with Ray on but no
 * client, or a staging URI it cannot open, stops at start saying why.
 */
@Configuration(proxyBeanMethods = false)
public class RayTrainingConfig {
  private static final Logger log = LoggerFactory.getLogger(RayTrainingConfig.class);

  static final String NO_CLIENT =
      "training on Ray is on (tollgate.training.ray.enabled) but this worker has no Ray Jobs API"
          + " client (a RayJobs.Factory bean, from the activities/ray module): use a Tollgate build"
          + " that includes it, or turn Ray off";

  @Bean
  @ConditionalOnBooleanProperty("tollgate.training.ray.enabled")
  RayRunner rayRunner(
      RayTrainingProperties ray,
      TrainingCommandProperties training,
      TollgateProperties tollgate,
      ObjectProvider<RayJobs.Factory> factory,
      ObjectProvider<ArtifactStore> artifacts,
      ObjectProvider<S3Access> s3) {
    RayJobs.Factory client = factory.getIfAvailable();
    if (client == null) throw new IllegalStateException(NO_CLIENT);
    ArtifactStore staging = staging(ray.staging(), tollgate, artifacts, s3);
    RayRunner runner =
        new RayRunner(
            TrainingCommandConfig.runnerSettings(training, tollgate),
            ray.policy(),
            client,
            staging);
    log.warn(
        "training on Ray: ON — specs' training.runner: ray run their code as jobs on {} (allowed:"
            + " {}); inputs and results staged under {} (every node must reach it, with its own"
            + " credentials); pip {}; entrypoint caps cpus {} gpus {}",
        runner.policy().defaultAddress(),
        runner.policy().allowedAddresses(),
        staging.root(),
        ray.pipAllowed() ? "allowed" : "refused",
        ray.maxEntrypointCpus() > 0 ? ray.maxEntrypointCpus() : "none",
        ray.maxEntrypointGpus() > 0 ? ray.maxEntrypointGpus() : "none");
    return runner;
  }

  /** The staging store: the worker's artifact store, or one opened from the setting's URI. */
  static ArtifactStore staging(
      String uri,
      TollgateProperties tollgate,
      ObjectProvider<ArtifactStore> artifacts,
      ObjectProvider<S3Access> s3) {
    if (uri == null || uri.isBlank()) {
      ArtifactStore store = artifacts.getIfAvailable();
      if (store != null) return store;
      uri = "";
    }
    String written = uri.startsWith("/") ? "file:" + uri : uri;
    try {
      return ArtifactStores.open(
          written,
          tollgate.home().toAbsolutePath(),
          root -> new S3ArtifactStore(s3.getObject().client(), root));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tollgate.training.ray.staging: expected s3://bucket/prefix, file:PATH or an absolute"
              + " path, got '"
              + uri
              + "'");
    }
  }
}
