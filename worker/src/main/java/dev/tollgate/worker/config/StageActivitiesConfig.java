package dev.tollgate.worker.config;

import dev.tollgate.activities.StageActivities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stage implementations, over the configured home folder. */
@Configuration(proxyBeanMethods = false)
public class StageActivitiesConfig {

  @Bean
  StageActivities stageActivities(TollgateProperties properties) {
    return StageActivities.create(properties.home().toAbsolutePath());
  }
}
