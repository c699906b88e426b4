package dev.tollgate.worker.config;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ArtifactStores;
import dev.tollgate.adapters.aws.s3.S3Access;
import dev.tollgate.adapters.aws.s3.S3ArtifactStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The artifact store ({@code tollgate.artifacts.*}: {@code <home>/artifacts}, {@code file:} or
 * {@code s3://}) and the S3 client it and the datasets use. Shared by the worker and {@code
 * tollgate serve}, which reads models from the same store. The S3 client is built on first use, so
 * a process with only local files never looks for AWS credentials.
 */
@Configuration(proxyBeanMethods = false)
public class ArtifactStoreConfig {

  @Bean(destroyMethod = "close")
  S3Access s3Access(TollgateProperties properties) {
    return new S3Access(properties.artifacts().s3().settings());
  }

  @Bean
  ArtifactStore artifactStore(TollgateProperties properties, S3Access s3) {
    return ArtifactStores.open(
        properties.artifacts().uri(),
        properties.home().toAbsolutePath(),
        root -> new S3ArtifactStore(s3.client(), root));
  }
}
