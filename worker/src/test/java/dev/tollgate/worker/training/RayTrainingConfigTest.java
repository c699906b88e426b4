package dev.tollgate.worker.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.train.command.TrainingCommands;
import dev.tollgate.activities.train.ray.RayJobs;
import dev.tollgate.activities.train.ray.RayRunner;
import dev.tollgate.worker.config.TollgateProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code tollgate.training.ray.*}: off by default with a refusal that says how to turn it on; on,
 * the worker's rules and staging come from its settings and the Jobs API client from the adapter's
 * {@link RayJobs.Factory} bean — without one the worker does not start.
 */
class RayTrainingConfigTest {
  @TempDir Path dir;

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({
    TollgateProperties.class,
    TrainingCommandProperties.class,
    ContainerTrainingProperties.class,
    RayTrainingProperties.class
  })
  @Import({TrainingCommandConfig.class, RayTrainingConfig.class})
  static class Wiring {}

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withUserConfiguration(Wiring.class)
        .withPropertyValues("tollgate.home=" + dir.resolve("home"));
  }

  private ApplicationContextRunner withClient() {
    RayJobs.Factory factory = address -> null;
    return runner()
        .withBean(RayJobs.Factory.class, () -> factory)
        .withBean(ArtifactStore.class, () -> new LocalArtifactStore(dir.resolve("home/artifacts")));
  }

  @Test
  void offByDefaultWithARefusalThatSaysHowToTurnItOn() {
    withClient()
        .run(
            context -> {
              TrainingCommands commands = context.getBean(TrainingCommands.class);
              assertThat(commands.rayEnabled()).isFalse();
              assertThat(context).doesNotHaveBean(RayRunner.class);
              assertThatThrownBy(commands::ray)
                  .hasMessageContaining("this worker does not submit Ray jobs")
                  .hasMessageContaining("tollgate worker --training-ray")
                  .hasMessageContaining("TOLLGATE_TRAINING_RAY=true");
            });
  }

  @Test
  void onWithTheWorkersRulesAndTheArtifactStoreAsStaging() {
    withClient()
        .withPropertyValues(
            "tollgate.training.ray.enabled=TRUE",
            "tollgate.training.ray.address=http://head:8265",
            "tollgate.training.ray.allowed-addresses=http://other:8265, http://third:8265",
            "tollgate.training.ray.max-entrypoint-cpus=2",
            "tollgate.training.ray.pip-allowed=true",
            "tollgate.training.ray.outage-grace=5s",
            "tollgate.training.ray.max-package-bytes=10MB")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              TrainingCommands commands = context.getBean(TrainingCommands.class);
              assertThat(commands.rayEnabled()).isTrue();
              assertThat(commands.isEnabled()).as("commands stay off").isFalse();
              RayRunner ray = commands.ray();
              assertThat(ray.policy().allowedAddresses())
                  .containsExactlyInAnyOrder(
                      "http://head:8265", "http://other:8265", "http://third:8265");
              assertThat(ray.policy().maxEntrypointCpus()).isEqualTo(2.0);
              assertThat(ray.policy().maxEntrypointGpus()).isNull();
              assertThat(ray.policy().pipAllowed()).isTrue();
              assertThat(ray.policy().outageGrace()).isEqualTo(Duration.ofSeconds(5));
              assertThat(ray.policy().maxPackageBytes()).isEqualTo(10L << 20);
              assertThat(ray.stagingRoot()).endsWith("/home/artifacts/");
            });
  }

  @Test
  void aStagingFolderAllNodesMountIsItsOwnStore() {
    withClient()
        .withPropertyValues(
            "tollgate.training.ray.enabled=true",
            "tollgate.training.ray.staging=" + dir.resolve("shared"))
        .run(
            context ->
                assertThat(context.getBean(RayRunner.class).stagingRoot()).endsWith("/shared/"));
  }

  @Test
  void onWithoutAJobsClientTheWorkerDoesNotStart() {
    runner()
        .withPropertyValues("tollgate.training.ray.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("no Ray Jobs API client (a RayJobs.Factory bean"));
  }

  @Test
  void anAddressThatIsNoUrlStopsTheWorker() {
    withClient()
        .withPropertyValues(
            "tollgate.training.ray.enabled=true", "tollgate.training.ray.address=head:8265")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("http(s)://host:port"));
  }
}
