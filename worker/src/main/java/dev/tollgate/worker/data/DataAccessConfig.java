package dev.tollgate.worker.data;

import dev.tollgate.activities.data.DataAccess;
import dev.tollgate.worker.config.TollgateProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's dataset allow-list, from {@link DataAccessProperties}. Said once at start-up, so an
 * operator reading the log knows what a spec can reach; a bad entry stops the worker there.
 */
@Configuration(proxyBeanMethods = false)
public class DataAccessConfig {
  private static final Logger log = LoggerFactory.getLogger(DataAccessConfig.class);

  @Bean
  DataAccess dataAccess(DataAccessProperties settings, TollgateProperties tollgate) {
    DataAccess access =
        settings.access(tollgate.home().toAbsolutePath(), tollgate.artifacts().uri());
    log.info(
        "datasets: read from folders {} and S3 {}, at most {} bytes each (tollgate.data-access.*);"
            + " never /proc, /sys, /dev, hidden files or {}",
        access.roots(),
        access.buckets(),
        access.maxBytes(),
        tollgate.home().toAbsolutePath());
    return access;
  }
}
