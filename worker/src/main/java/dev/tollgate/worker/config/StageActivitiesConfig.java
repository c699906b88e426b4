package dev.tollgate.worker.config;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.data.DataAccess;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.metrics.DriftShares;
import dev.tollgate.activities.metrics.PipelineMetrics;
import dev.tollgate.activities.notify.EventSink;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.registry.JdbcRegistry;
import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.activities.train.Trainers;
import dev.tollgate.activities.wiring.StageActivities;
import dev.tollgate.adapters.aws.ecs.EcsAccess;
import dev.tollgate.adapters.aws.ecs.EcsDeployer;
import dev.tollgate.adapters.aws.s3.S3Access;
import dev.tollgate.adapters.aws.s3.S3ObjectSource;
import dev.tollgate.adapters.mlflow.MlflowTracker;
import dev.tollgate.adapters.mlflow.TrackingFailures;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stage implementations, over the configured home folder and artifact store ({@link
 * ArtifactStoreConfig}), with the adapters core reaches the outside through: AWS (S3 for artifacts
 * and datasets, ECS for {@code deploy.target: ecs}) and MLflow here, Slack and webhooks in {@link
 * NotificationSinksConfig}. The S3 client is built on first use, so a worker with only local files
 * never looks for AWS credentials.
 */
@Configuration(proxyBeanMethods = false)
public class StageActivitiesConfig {
  private static final Logger log = LoggerFactory.getLogger(StageActivitiesConfig.class);

  /**
   * The registry database: {@code tollgate.registry.url} (PostgreSQL in production), else an H2
   * file under the home folder, for this process alone. One that does not connect stops the worker
   * at start-up, naming it.
   */
  @Bean(destroyMethod = "close")
  RegistryDatabase registryDatabase(TollgateProperties properties) {
    TollgateProperties.Registry r = properties.registry();
    return r.url() == null || r.url().isBlank()
        ? RegistryDatabase.openH2(properties.home().toAbsolutePath(), r.user(), r.password())
        : RegistryDatabase.open(r.url(), r.user(), r.password());
  }

  /** ECS deploys (deploy.target: ecs); the client is built on first use. */
  @Bean(destroyMethod = "close")
  EcsAccess ecsAccess(TollgateProperties properties) {
    TollgateProperties.Ecs e = properties.ecs();
    return new EcsAccess(
        e.endpoint() == null || e.endpoint().isBlank() ? null : java.net.URI.create(e.endpoint()),
        e.region());
  }

  /** The drift gauge, set by validation's and the guardian's measurements. */
  @Bean
  DriftShares driftShares(MeterRegistry meters) {
    return new DriftShares(meters);
  }

  /**
   * Where events go beyond the events file: metrics always; Slack and webhooks when configured
   * (every {@link EventSink} bean is one).
   */
  @Bean
  @org.springframework.core.annotation.Order(1)
  PipelineMetrics pipelineMetrics(MeterRegistry meters, DriftShares drift) {
    return new PipelineMetrics(meters, drift);
  }

  @Bean
  StageActivities stageActivities(
      TollgateProperties properties,
      ArtifactStore artifacts,
      S3Access s3,
      RegistryDatabase registry,
      ModelServing serving,
      ServingClient servingClient,
      EcsAccess ecs,
      List<EventSink> sinks,
      DriftShares drift,
      MeterRegistry meters,
      OutboundHttp outbound,
      DataAccess dataAccess,
      // TrainingCommandConfig's switch; a context without it (slice tests) runs no commands
      org.springframework.beans.factory.ObjectProvider<
              dev.tollgate.activities.train.command.TrainingCommands>
          trainingCommands) {
    warmUpXgboost();
    return StageActivities.create(
        properties.home().toAbsolutePath(),
        artifacts,
        new DatasetFiles(new S3ObjectSource(s3), dataAccess),
        new JdbcRegistry(registry),
        servingClient,
        serving::refresh,
        new EcsDeployer(ecs, java.time.Duration.ofSeconds(2), outbound),
        sinks,
        drift,
        new MlflowTracker(new TrackingFailures(meters), outbound),
        trainingCommands.getIfAvailable(
            dev.tollgate.activities.train.command.TrainingCommands::disabled));
  }

  /**
   * The first gradient-boosting training would otherwise spend a quarter of a second loading
   * XGBoost's native library. Loaded on a background thread, so start-up does not wait for it. A
   * platform without it can still train every other algorithm, so this only warns; such a training
   * fails with the loader's own error.
   */
  private static void warmUpXgboost() {
    Thread.ofVirtual()
        .name("tollgate-xgboost-warm-up")
        .start(
            () -> {
              try {
                Trainers.warmUp();
              } catch (RuntimeException | LinkageError e) {
                log.warn("XGBoost cannot load here; gradient_boosting will fail: {}", e.toString());
              }
            });
  }
}
