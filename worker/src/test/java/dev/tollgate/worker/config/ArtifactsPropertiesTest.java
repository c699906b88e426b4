package dev.tollgate.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.wiring.StageActivities;
import dev.tollgate.adapters.aws.s3.S3Access;
import dev.tollgate.adapters.aws.s3.S3ArtifactStore;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code tollgate.artifacts.*} bound, validated and turned into the worker's artifact store. */
class ArtifactsPropertiesTest {
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({
    TollgateProperties.class,
    OutboundProperties.class,
    dev.tollgate.worker.data.DataAccessProperties.class,
    dev.tollgate.worker.serving.ServingSwitchProperties.class
  })
  @Import({
    ArtifactStoreConfig.class,
    StageActivitiesConfig.class,
    dev.tollgate.worker.serving.ServingMeters.class,
    OutboundConfig.class,
    dev.tollgate.worker.data.DataAccessConfig.class,
    dev.tollgate.worker.serving.ServingAddress.class,
    dev.tollgate.worker.serving.ServingConfig.class
  })
  static class Wiring {
    /** Actuator's registry in the application; the stage wiring records metrics into it. */
    @org.springframework.context.annotation.Bean
    io.micrometer.core.instrument.MeterRegistry meters() {
      return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Wiring.class);

  @Test
  void byDefaultArtifactsStayUnderTheHomeFolder() {
    runner
        .withPropertyValues("tollgate.home=/tmp/tollgate-home")
        .run(
            context -> {
              assertThat(context.getBean(ArtifactStore.class).root())
                  .isEqualTo("file:///tmp/tollgate-home/artifacts/");
              assertThat(context).hasSingleBean(StageActivities.class);
            });
  }

  @Test
  void anS3UriWithAnEndpointRegionAndPathStyle() {
    runner
        .withPropertyValues(
            "tollgate.artifacts.uri=s3://ml-models/tollgate",
            "tollgate.artifacts.s3.endpoint=http://127.0.0.1:9000",
            "tollgate.artifacts.s3.region=eu-central-1",
            "tollgate.artifacts.s3.path-style=true",
            "tollgate.artifacts.s3.max-attempts=7")
        .run(
            context -> {
              ArtifactStore store = context.getBean(ArtifactStore.class);
              assertThat(store).isInstanceOf(S3ArtifactStore.class);
              assertThat(store.uri("models/m/abc"))
                  .isEqualTo("s3://ml-models/tollgate/models/m/abc");
              var settings = context.getBean(S3Access.class).settings();
              assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
              assertThat(settings.region()).isEqualTo("eu-central-1");
              assertThat(settings.pathStyle()).isTrue();
              assertThat(settings.maxAttempts()).isEqualTo(7);
            });
  }

  @Test
  void aBadUriOrEndpointStopsTheWorkerAtStartUp() {
    runner
        .withPropertyValues("tollgate.artifacts.uri=gs://bucket/x")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("must be empty, file:PATH or s3://bucket/prefix"));
    runner
        .withPropertyValues("tollgate.artifacts.s3.endpoint=localhost:9000")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("must be empty or an http(s):// URL"));
  }
}
