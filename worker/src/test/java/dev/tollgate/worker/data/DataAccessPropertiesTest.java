package dev.tollgate.worker.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.data.DataAccess;
import dev.tollgate.worker.config.TollgateProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code tollgate.data-access.*} as the worker binds it: the defaults (the working folder, the
 * artifact store's bucket), comma-separated lists as the environment variables give them, {@code
 * none}, and a bad bucket stopping the worker at start-up.
 */
class DataAccessPropertiesTest {
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({TollgateProperties.class, DataAccessProperties.class})
  @Import(DataAccessConfig.class)
  static class Wiring {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(Wiring.class)
          .withPropertyValues("tollgate.home=/srv/tollgate/home");

  @Test
  void byDefaultTheWorkingFolderAndNoBucket() {
    runner.run(
        context -> {
          DataAccess access = context.getBean(DataAccess.class);
          assertThat(access.roots().roots()).containsExactly(Path.of("").toAbsolutePath());
          assertThat(access.buckets().entries()).isEmpty();
          assertThat(access.maxBytes()).isEqualTo(4L << 30);
        });
  }

  @Test
  void theCeilingOnDataMaxBytesIsASize() {
    runner
        .withPropertyValues("tollgate.data-access.max-bytes=10MB")
        .run(c -> assertThat(c.getBean(DataAccess.class).maxBytes()).isEqualTo(10L << 20));
  }

  @Test
  void byDefaultTheArtifactStoresBucketWhenItIsInS3() {
    runner
        .withPropertyValues("tollgate.artifacts.uri=s3://ml-models/tollgate")
        .run(
            c ->
                assertThat(c.getBean(DataAccess.class).buckets().entries())
                    .containsExactly("ml-models/"));
  }

  @Test
  void commaSeparatedListsAsTheEnvironmentGivesThem() {
    runner
        .withPropertyValues(
            "tollgate.data-access.roots=/srv/data, exports",
            "tollgate.data-access.buckets=s3://ml-data/exports,shared-bucket")
        .run(
            context -> {
              DataAccess access = context.getBean(DataAccess.class);
              assertThat(access.roots().roots())
                  .containsExactly(Path.of("/srv/data"), Path.of("exports").toAbsolutePath());
              assertThat(access.buckets().entries())
                  .containsExactly("ml-data/exports/", "shared-bucket/");
            });
  }

  @Test
  void noneAllowsNothing() {
    runner
        .withPropertyValues(
            "tollgate.artifacts.uri=s3://ml-models/tollgate",
            "tollgate.data-access.roots=none",
            "tollgate.data-access.buckets=NONE")
        .run(
            context -> {
              DataAccess access = context.getBean(DataAccess.class);
              assertThat(access.roots().roots()).isEmpty();
              assertThat(access.buckets().entries()).isEmpty();
            });
  }

  @Test
  void aBadBucketStopsTheWorkerNamingTheSetting() {
    runner
        .withPropertyValues("tollgate.data-access.buckets=Not_A_Bucket")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("tollgate.data-access.buckets: 'Not_A_Bucket'"));
  }
}
